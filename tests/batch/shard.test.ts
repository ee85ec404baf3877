/**
 * `batch --shard K/N` and `batch --merge`: the parts of N machines join into exactly the bytes one
 * run writes, for N = 1, 2, 3, 7 (and 12, where the shell would list part-10 before part-2).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeParts, partOrder } from '../../src/batch/merge.js';
import { parseShard, shardSlice } from '../../src/batch/shard.js';
import { icbsim, spawnIcbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { generate } from './generate.js';

const dir = tempDir('icbsim-shard-');
let single = '';
beforeAll(async () => {
  generate(dir, 23);
  // A name with a comma and a quote: its rows are quoted, and merge must keep them byte for byte.
  writeScenario(dir, 'zz-quoted.yaml', 'name: \'Ay, "quoted"\'\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 50, growth: 0%}\nlines: {acute: {category: acute, spend: 40}}\n');
  const r = await icbsim(['batch', dir, '--workers', '1'], { cwd: dir });
  expect(r.code).toBe(0);
  single = r.stdout;
});

describe('shards merge into the single run', () => {
  for (const n of [1, 2, 3, 7, 12]) {
    it(`N = ${n}`, async () => {
      const parts: string[] = [];
      for (let k = 1; k <= n; k++) {
        const out = join(dir, `part-${k}-of-${n}.csv`);
        const r = await icbsim(['batch', dir, '--shard', `${k}/${n}`, '--workers', '1', '--out', out], { cwd: dir });
        expect(r.code).toBe(0);
        parts.push(out);
      }
      // Every part but the header is a different slice: their data rows together are the single run's.
      const bodies = parts.map((p) => readFileSync(p, 'utf8').split('\n').slice(1).filter((l) => l !== ''));
      expect(bodies.reduce((a, b) => a + b.length, 0)).toBe(single.split('\n').length - 2);
      // The shell's order (part-10 before part-2) must not matter: merge orders by the numbers in the names.
      const shellOrder = [...parts].sort();
      const merged = join(dir, `all-${n}.csv`);
      const m = await icbsim(['batch', '--merge', ...shellOrder, '--out', merged], { cwd: dir });
      expect(m.stderr).toContain(`merged ${n} parts: 24 scenario files`);
      expect(m.code).toBe(0);
      expect(readFileSync(merged, 'utf8')).toBe(single);
    });
  }

  it('more shards than files: the empty parts are a header alone and merge as nothing', async () => {
    const small = tempDir('icbsim-shard-small-');
    writeScenario(small, 'a.yaml', 'name: A\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 100, growth: 10%}\nlines: {acute: {category: acute, spend: 90}}\n');
    const one = await icbsim(['batch', small], { cwd: small });
    const p1 = await icbsim(['batch', small, '--shard', '1/3', '--out', join(small, 'p1.csv')], { cwd: small });
    const p3 = await icbsim(['batch', small, '--shard', '3/3', '--out', join(small, 'p3.csv')], { cwd: small });
    expect([p1.code, p3.code]).toEqual([0, 0]);
    // Slice 3 of 3 of one file is [⌊2·1/3⌋, ⌊3·1/3⌋) = [0, 1): it holds the file; slice 1 is [0, 0).
    expect(readFileSync(join(small, 'p1.csv'), 'utf8')).toBe('scenario,file,year,metric,value\n');
    expect(p1.stderr).toContain('shard 1/3: 0 of 1 files');
    const m = await icbsim(['batch', '--merge', 'p1.csv', 'p3.csv'], { cwd: small });
    expect(m.code).toBe(0);
    expect(m.stdout).toBe(one.stdout);
  });

  it('the built binary takes a quoted glob of parts', () => {
    const r1 = spawnIcbsim(['batch', dir, '--shard', '1/2', '--workers', '1', '--out', join(dir, 'bin-part-1.csv')], { cwd: dir });
    const r2 = spawnIcbsim(['batch', dir, '--shard', '2/2', '--workers', '2', '--out', join(dir, 'bin-part-2.csv')], { cwd: dir });
    expect([r1.code, r2.code]).toEqual([0, 0]);
    const m = spawnIcbsim(['batch', '--merge', 'bin-part-*.csv'], { cwd: dir });
    expect(m.code).toBe(0);
    expect(m.stdout).toBe(single);
  });
});

describe('bad shards and parts are exit 2 with a reason', () => {
  it.each([
    ['0/3', 'K must be from 1 to N (3)'],
    ['4/3', 'K must be from 1 to N (3)'],
    ['1/0', 'N must be from 1 to 10000'],
    ['2', '--shard needs K/N'],
    ['a/b', '--shard needs K/N'],
  ])('--shard %s', async (arg, message) => {
    const r = await icbsim(['batch', dir, '--shard', arg], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe('');
  });

  it('a part given twice names both', async () => {
    const p = join(dir, 'twice-1.csv');
    await icbsim(['batch', dir, '--shard', '1/2', '--out', p, '--workers', '1'], { cwd: dir });
    writeFileSync(join(dir, 'twice-2.csv'), readFileSync(p));
    const out = join(dir, 'twice-all.csv');
    writeFileSync(out, 'keep me');
    const r = await icbsim(['batch', '--merge', 'twice-1.csv', 'twice-2.csv', '--out', out], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/twice-2\.csv:2: the scenario file `s0001\.yaml` is also in twice-1\.csv/);
    // Nothing was merged, so the existing file is untouched.
    expect(readFileSync(out, 'utf8')).toBe('keep me');
  });

  it('a file that is not a part, an empty file and a missing one', async () => {
    writeFileSync(join(dir, 'not-a-part.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, 'empty-part.csv'), '');
    const r = await icbsim(['batch', '--merge', 'not-a-part.csv', 'empty-part.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not-a-part.csv:1:1: not a batch part: expected the header `scenario,file,year,metric,value`, got `a,b`');
    expect(r.stderr).toContain('empty-part.csv:1:1: not a batch part');
    expect(r.stderr).toContain('(the file is empty)');
    const missing = await icbsim(['batch', '--merge', 'nowhere.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read the part `nowhere.csv`: no such file');
  });

  it('--merge with --shard, --workers or xlsx is refused', async () => {
    for (const extra of [['--shard', '1/2'], ['--workers', '2'], ['--format', 'xlsx', '--out', join(dir, 'x.xlsx')]]) {
      const r = await icbsim(['batch', '--merge', join(dir, 'twice-1.csv'), ...extra], { cwd: dir });
      expect(r.code).toBe(2);
    }
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('slices', () => {
  it('cover the list once, in order, sizes within one of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 60 }), fc.integer({ min: 1, max: 20 }), (items, n) => {
        const slices = Array.from({ length: n }, (_, k) => shardSlice(items, { index: k + 1, count: n }));
        expect(slices.flat()).toEqual(items);
        const sizes = slices.map((s) => s.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('parse K/N', () => {
    expect(parseShard(' 2 / 5 ')).toEqual({ ok: true, shard: { index: 2, count: 5 } });
  });

  it('parts order by the numbers in their names', () => {
    expect(['part-10.csv', 'part-2.csv', 'part-1.csv'].sort(partOrder)).toEqual(['part-1.csv', 'part-2.csv', 'part-10.csv']);
    expect(['b/part-1.csv', 'a/part-2.csv'].sort(partOrder)).toEqual(['a/part-2.csv', 'b/part-1.csv']);
  });

  it('a part cut short is refused', () => {
    const r = mergeParts([{ display: 'p.csv', text: 'scenario,file,year,metric,value\nA,a.yaml,2025/26,spend,1' }]);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems[0]).toContain('p.csv: the last row has no line end');
  });
});
