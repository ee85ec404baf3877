/**
 * A base file that many plans extend is parsed once per process (batch runs hundreds of such
 * plans), yet every load behaves exactly as if it had been parsed afresh: a changed base is
 * re-read, messages still name the right file and chain, and a broken base is never remembered.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import { locate } from '../../src/io/source-tree.js';

let dir: string;
let oldCwd: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icbsim-base-cache-'));
  oldCwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => process.chdir(oldCwd));

function write(name: string, text: string): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}
function ok(path: string) {
  const r = loadTree(path);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.loaded;
}
function bad(path: string) {
  const r = loadTree(path);
  if (r.ok) throw new Error('expected failure');
  return r.diagnostics;
}

describe('the base-file cache', () => {
  it('two plans extending one base share its parse (the same nodes), and read the same as without it', () => {
    write('base.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, growth: 2%}\n');
    const a = ok(write('a.yaml', 'extends: base.yaml\nname: A\n'));
    const b = ok(write('b.yaml', 'extends: base.yaml\nname: B\n'));
    const allocation = (t: typeof a.tree) => (t.kind === 'map' ? t.entries.get('allocation')?.value : undefined);
    expect(allocation(a.tree)).toBeDefined();
    expect(allocation(b.tree)).toBe(allocation(a.tree));
    expect(b.data).toEqual({ base_year: '2025/26', years: '2', allocation: { recurrent: '100', growth: '2%' }, name: 'B' });
    expect(b.chain).toEqual(['b.yaml', 'base.yaml']);
    expect([...b.sources.keys()]).toEqual(['b.yaml', 'base.yaml']);
    expect(locate(b.tree, ['allocation', 'growth'], 'value')).toEqual({ file: 'base.yaml', line: 3, col: 38 });
  });

  it('a base edited between loads is parsed again', () => {
    write('base.yaml', 'years: 2\n');
    const plan = write('plan.yaml', 'extends: base.yaml\n');
    expect(ok(plan).data).toEqual({ years: '2' });
    write('base.yaml', 'years: 3\n');
    expect(ok(plan).data).toEqual({ years: '3' });
  });

  it('a broken base is reported at its own line, with the chain, on every load; fixed, it loads', () => {
    write('base.yaml', 'years: [2\n');
    const plan = write('plan.yaml', 'extends: base.yaml\n');
    const first = bad(plan);
    expect(first[0]).toMatchObject({ file: 'base.yaml', line: 1, hint: 'base.yaml is a base file, named by `extends` at plan.yaml:1:10 (extends chain: plan.yaml → base.yaml)' });
    expect(first.every((d) => d.file === 'base.yaml')).toBe(true);
    expect(bad(plan)).toEqual(first);
    write('base.yaml', 'years: 2\n');
    expect(ok(plan).data).toEqual({ years: '2' });
  });

  it('errors found later in a cached base still point into the base, for each plan that extends it', () => {
    write('base.yaml', 'allocation:\n  growth: 2%\n');
    for (const name of ['a', 'b']) {
      const t = ok(write(`${name}.yaml`, `extends: base.yaml\nname: ${name}\n`)).tree;
      expect(locate(t, ['allocation', 'growth'], 'value')).toEqual({ file: 'base.yaml', line: 2, col: 11 });
      expect(locate(t, ['name'], 'value')).toEqual({ file: `${name}.yaml`, line: 2, col: 7 });
    }
  });

  it('the same base seen from another working directory is named from there', () => {
    // Names are relative to the working directory when inside it, else absolute.
    write('shared/base.yaml', 'years: [2\n');
    const plan = write('plans/plan.yaml', 'extends: ../shared/base.yaml\n');
    expect(bad(plan).at(-1)!.file).toBe('shared/base.yaml');
    process.chdir(join(dir, 'plans'));
    const abs = join(dir, 'shared', 'base.yaml');
    const again = bad(plan);
    expect(again[0]!.hint).toBe(`${abs} is a base file, named by \`extends\` at plan.yaml:1:10 (extends chain: plan.yaml → ${abs})`);
    expect(again.at(-1)!.file).toBe(abs);
    write('shared/base.yaml', 'years: 2\n');
    process.chdir(dir);
    expect(locate(ok(plan).tree, ['years'], 'value').file).toBe('shared/base.yaml');
    process.chdir(join(dir, 'plans'));
    expect(locate(ok(plan).tree, ['years'], 'value').file).toBe(abs);
  });
});
