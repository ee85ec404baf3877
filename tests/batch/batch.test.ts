/** `icbsim batch`: the long CSV, input order whatever the threads, bad files skipped, progress on a TTY only. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { icbsim, spawnIcbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { generate } from './generate.js';

const many = tempDir('icbsim-batch-many-');
const small = tempDir('icbsim-batch-small-');
beforeAll(() => {
  generate(many, 500);
  // Two projection years of the tiny scenario: income 100 → 110 → 121; spend 90 → 93 → 96.
  writeScenario(small, 'b.yaml', 'name: Bee\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 100, growth: 10%}\nlines: {acute: {category: acute, spend: 90}}\n');
  writeScenario(small, 'a.yaml', 'name: "Ay, with a comma"\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 50, growth: 0%}\nlines: {acute: {category: acute, spend: 40}}\n');
  writeScenario(small, 'broken.yaml', 'name: Broken\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 50, growth: 2}\nlines: {acute: {category: acute, spend: 40}}\n');
  writeScenario(small, 'sub/deep.yaml', 'name: Deep\nbase_year: 2025/26\nyears: 1\nallocation: {recurrent: 1, growth: 0%}\nlines: {acute: {category: acute, spend: 1}}\n');
});

describe('500 generated scenarios', () => {
  it('give the same bytes with 1 worker, 3 workers and every core', async () => {
    const one = await icbsim(['batch', many, '--workers', '1', '--out', join(many, 'one.csv')], { cwd: many });
    const three = await icbsim(['batch', many, '--workers', '3', '--out', join(many, 'three.csv')], { cwd: many });
    const all = await icbsim(['batch', many], { cwd: many });
    expect([one.code, three.code, all.code]).toEqual([0, 0, 0]);
    const a = readFileSync(join(many, 'one.csv'), 'utf8');
    expect(readFileSync(join(many, 'three.csv'), 'utf8')).toBe(a);
    expect(all.stdout).toBe(a);
    // No generated name or path holds a comma or a quote, so a plain split reads this CSV.
    const rows = a.trim().split('\n').slice(1).map((l) => {
      const [scenario, file, year, metric, value] = l.split(',');
      return { scenario, file, year, metric, value };
    });
    // Each file: years 1..6 projection years (1 + i % 6) → (2 + i % 6) year columns.
    const files = new Set(rows.map((r) => r.file));
    expect(files.size).toBe(500);
    expect([...files].slice(0, 3)).toEqual(['s0001.yaml', 's0002.yaml', 's0003.yaml']);
    const s1 = rows.filter((r) => r.file === 's0001.yaml');
    expect(new Set(s1.map((r) => r.year))).toEqual(new Set(['2025/26', '2026/27', '2027/28']));
    // s0001: recurrent 1000 + 37 = 1037.1 (".1" from i % 100 = 1), plus NR 1 in the base year.
    expect(s1.find((r) => r.year === '2025/26' && r.metric === 'income')?.value).toBe('1038.1');
  }, 120_000);
});

describe('the long CSV', () => {
  it('has one row per scenario, year and metric, exact values, input order', async () => {
    const r = await icbsim(['batch', 'b.yaml', 'a.yaml', '--workers', '1'], { cwd: small });
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('scenario,file,year,metric,value');
    // b.yaml first, as given; its base year: allocation 100, no NR, income 100, spend 90, surplus 10.
    expect(lines.slice(1, 6)).toEqual([
      'Bee,b.yaml,2025/26,allocation,100',
      'Bee,b.yaml,2025/26,non_recurrent,0',
      'Bee,b.yaml,2025/26,income,100',
      'Bee,b.yaml,2025/26,spend,90',
      'Bee,b.yaml,2025/26,icb_surplus,10',
    ]);
    expect(lines).toContain('Bee,b.yaml,2026/27,allocation,110');
    expect(lines).toContain('Bee,b.yaml,2026/27,allocation_growth,0.1');
    // A name with a comma is quoted, as CSV needs.
    expect(lines).toContain('"Ay, with a comma",a.yaml,2025/26,icb_surplus,10');
    expect(lines.findIndex((l) => l.startsWith('"Ay'))).toBeGreaterThan(lines.findLastIndex((l) => l.startsWith('Bee')));
  });
  it('a folder runs its own .yaml files in name order, not its subfolders; a glob can recurse', async () => {
    const folder = await icbsim(['batch', '.', '--workers', '2'], { cwd: small });
    const files = [...new Set(folder.stdout.trim().split('\n').slice(1).map((l) => l.split(',').at(-4)))];
    expect(files).toEqual(['a.yaml', 'b.yaml']);
    const glob = await icbsim(['batch', '**/deep.yaml'], { cwd: small });
    expect(glob.stdout).toContain('Deep,sub/deep.yaml,2025/26,allocation,1');
  });
});

describe('bad input', () => {
  it('a bad file is reported and skipped; the others keep their rows; exit 2 at the end', async () => {
    for (const workers of ['1', '2']) {
      const out = join(small, `out-${workers}.csv`);
      const r = await icbsim(['batch', '.', '--workers', workers, '--out', out], { cwd: small });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('broken.yaml: skipped (bad input)');
      expect(r.stderr).toMatch(/broken\.yaml:4:\d+: error: rates are written with a per cent sign/);
      expect(r.stderr).toContain('1 of 3 files skipped for bad input; the other 2 ran');
      const csv = readFileSync(out, 'utf8');
      expect(csv).toContain('Bee,b.yaml,2026/27,icb_surplus,');
      expect(csv).toContain('a.yaml,2026/27');
      expect(csv).not.toContain('Broken');
    }
  });
  it('a glob that matches nothing, and a bad --workers, are usage errors', async () => {
    const none = await icbsim(['batch', 'nothing/*.yaml'], { cwd: small });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('no files match `nothing/*.yaml`');
    expect((await icbsim(['batch', '.', '--workers', '0'], { cwd: small })).code).toBe(2);
  });
  it('a bad --out is found before anything runs: a missing folder, a folder', async () => {
    const missing = await icbsim(['batch', '.', '--out', 'no-such-folder/out.csv'], { cwd: small });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('icbsim: error: cannot write `no-such-folder/out.csv`: its folder does not exist\n');
    const folder = await icbsim(['batch', '.', '--out', 'sub'], { cwd: small });
    expect(folder.code).toBe(2);
    expect(folder.stderr).toBe('icbsim: error: cannot write `sub`: it is a folder\n');
  });
  it('--out never overwrites a scenario it runs, nor a base file one of them extends', async () => {
    writeScenario(small, 'ext/child.yaml', 'extends: ../b.yaml\nname: Child\n');
    const before = readFileSync(join(small, 'b.yaml'), 'utf8');
    for (const workers of ['1', '2']) {
      const self = await icbsim(['batch', 'ext/child.yaml', '--workers', workers, '--out', 'ext/child.yaml'], { cwd: small });
      expect(self.code).toBe(2);
      expect(self.stderr).toContain('refusing to write `ext/child.yaml`: it is one of the scenario files this run reads');
      // The base is known only once a worker has loaded the plan: refused at the end, nothing written.
      const base = await icbsim(['batch', 'ext/child.yaml', '--workers', workers, '--out', 'b.yaml'], { cwd: small });
      expect(base.code).toBe(2);
      expect(base.stderr).toContain('refusing to write `b.yaml`: it is one of the scenario files this run reads');
      expect(readFileSync(join(small, 'b.yaml'), 'utf8')).toBe(before);
    }
  });
  it('nothing to run leaves an existing --out file untouched', async () => {
    const out = join(small, 'keep.csv');
    writeFileSync(out, 'old contents\n');
    const r = await icbsim(['batch', 'nothing/*.yaml', '--out', out], { cwd: small });
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('old contents\n');
    expect(existsSync(join(small, 'nothing'))).toBe(false);
  });
});

describe('progress bar', () => {
  it('on a terminal, on stderr only', async () => {
    const r = await icbsim(['batch', 'a.yaml', 'b.yaml', '--workers', '1'], { cwd: small, tty: true });
    expect(r.stderr).toContain('running scenarios');
    expect(r.stdout).not.toContain('running scenarios');
  });
  it('never when stderr is not a terminal, with NO_COLOR, or with --no-progress', async () => {
    expect((await icbsim(['batch', 'a.yaml', '--workers', '1'], { cwd: small })).stderr).toBe('');
    expect((await icbsim(['batch', 'a.yaml', '--workers', '1'], { cwd: small, tty: true, env: { NO_COLOR: '1' } })).stderr).toBe('');
    expect((await icbsim(['batch', 'a.yaml', '--workers', '1', '--no-progress'], { cwd: small, tty: true })).stderr).toBe('');
  });
});

it('the built binary runs worker threads from dist/ and agrees with the in-process serial run', async () => {
  const serial = await icbsim(['batch', 'a.yaml', 'b.yaml', '--workers', '1'], { cwd: small });
  const spawned = spawnIcbsim(['batch', 'a.yaml', 'b.yaml', '--workers', '2'], { cwd: small });
  expect(spawned.code).toBe(0);
  expect(spawned.stdout).toBe(serial.stdout);
});
