import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTree } from '../../src/io/load.js';
import { locate } from '../../src/io/source-tree.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

let dir: string;
let oldCwd: string;
// Working inside the temp folder makes message paths short and exact.
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icbsim-load-'));
  oldCwd = process.cwd();
  process.chdir(dir);
});
afterEach(() => {
  process.chdir(oldCwd);
});

function files(spec: Record<string, string>) {
  for (const [name, text] of Object.entries(spec)) {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
}
function loaded(path: string) {
  const r = loadTree(path);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.loaded;
}
function failed(path: string): Diagnostic[] {
  const r = loadTree(path);
  if (r.ok) throw new Error('expected failure');
  return r.diagnostics;
}

describe('loadTree', () => {
  it('loads a single file', () => {
    files({ 'a.yaml': 'base_year: 2025\n' });
    const l = loaded('a.yaml');
    expect(l.data).toEqual({ base_year: '2025' });
    expect(l.chain).toEqual(['a.yaml']);
    expect([...l.sources]).toEqual([['a.yaml', 'base_year: 2025\n']]);
  });

  it('merges extends: maps key by key, lists replaced, extends removed', () => {
    files({
      'base.yaml': 'base_year: 2025\nallocation: {core: 100, extra: 5}\nlines: [a, b]\n',
      'a.yaml': 'extends: base.yaml\nallocation:\n  extra: 7\nlines: [c]\n',
    });
    const l = loaded('a.yaml');
    expect(l.data).toEqual({ base_year: '2025', allocation: { core: '100', extra: '7' }, lines: ['c'] });
    expect(l.chain).toEqual(['a.yaml', 'base.yaml']);
    expect([...l.sources.keys()].sort()).toEqual(['a.yaml', 'base.yaml']);
    expect(locate(l.tree, ['allocation', 'core'], 'value')).toEqual({ file: 'base.yaml', line: 2, col: 20 });
    expect(locate(l.tree, ['allocation', 'extra'], 'value')).toEqual({ file: 'a.yaml', line: 3, col: 10 });
  });

  it('follows a chain of three files, with paths relative to each file', () => {
    files({
      'root.yaml': 'years: 3\nx: root\ny: root\nz: root\n',
      'shared/mid.yaml': 'extends: ../root.yaml\ny: mid\nz: mid\n',
      'runs/top.yaml': 'extends: ../shared/mid.yaml\nz: top\n',
    });
    const l = loaded(join('runs', 'top.yaml'));
    expect(l.data).toEqual({ years: '3', x: 'root', y: 'mid', z: 'top' });
    expect(l.chain).toEqual([join('runs', 'top.yaml'), join('shared', 'mid.yaml'), 'root.yaml']);
  });

  it('reports a cycle at the extends line that closes it', () => {
    files({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'x: 1\nextends: a.yaml\n' });
    expect(failed('a.yaml')).toEqual([
      { file: 'b.yaml', line: 2, col: 10, message: 'extends cycle: a.yaml → b.yaml → a.yaml' },
    ]);
    files({ 'self.yaml': 'extends: ./self.yaml\n' });
    expect(failed('self.yaml').map((d) => d.message)).toEqual(['extends cycle: self.yaml → self.yaml']);
  });

  it('reports a missing base with the chain and a suggestion', () => {
    files({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'x: 1\nextends: bsae.yaml\n', 'base.yaml': 'y: 1\n' });
    const r = loadTree('a.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([
      {
        file: 'b.yaml',
        line: 2,
        col: 10,
        message: 'cannot load base file `bsae.yaml`: file not found (extends chain: a.yaml → b.yaml → bsae.yaml)',
        hint: 'did you mean `base.yaml`?',
      },
    ]);
    expect([...r.sources.keys()]).toEqual(['a.yaml', 'b.yaml']);
  });

  it('points at the error inside a broken base, naming the extends line that led there in a hint', () => {
    files({ 'a.yaml': 'extends: b.yaml\n', 'b.yaml': 'x: 1\nx: 2\ny: 1\ny: 2\n' });
    // Two problems in b.yaml: two messages, the first saying how a.yaml reached it.
    expect(failed('a.yaml')).toEqual([
      {
        file: 'b.yaml',
        line: 2,
        col: 1,
        message: 'duplicate key `x`: each key may appear only once in a map',
        hint: 'b.yaml is a base file, named by `extends` at a.yaml:1:10 (extends chain: a.yaml → b.yaml)',
      },
      { file: 'b.yaml', line: 4, col: 1, message: 'duplicate key `y`: each key may appear only once in a map' },
    ]);
  });

  it('rejects an extends that is not a file name', () => {
    const msg = '`extends` must be the path of another scenario file';
    for (const bad of ['[a.yaml]', '3', '', '{f: a.yaml}', 'true']) {
      files({ 'a.yaml': `x: 1\nextends: ${bad}\n` });
      expect(failed('a.yaml')).toEqual([
        { file: 'a.yaml', line: 2, col: 10, message: msg, hint: 'e.g. `extends: base.yaml`' },
      ]);
    }
  });

  it('stops chains deeper than 20 files', () => {
    const spec: Record<string, string> = {};
    for (let i = 0; i < 25; i++) spec[`f${i}.yaml`] = `extends: f${i + 1}.yaml\n`;
    spec['f25.yaml'] = 'x: 1\n';
    files(spec);
    const ds = failed('f0.yaml');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ file: 'f19.yaml', line: 1, col: 10 });
    expect(ds[0]!.message).toMatch(/^extends chain is too long \(more than 20 files\): f0\.yaml → f1\.yaml → .* → f20\.yaml$/);
    spec['f19.yaml'] = 'x: 1\n';
    files(spec);
    expect(loaded('f0.yaml').chain).toHaveLength(20);
  });

  it('reports a missing requested file without an extends location', () => {
    expect(failed('nope.yaml')).toEqual([{ file: 'nope.yaml', message: 'file not found' }]);
  });

  it('uses absolute paths for files outside the working directory', () => {
    const other = mkdtempSync(join(tmpdir(), 'icbsim-outside-'));
    writeFileSync(join(other, 'o.yaml'), 'x: 1\n');
    const l = loaded(join(other, 'o.yaml'));
    expect(l.chain).toEqual([join(other, 'o.yaml')]);
  });
});
