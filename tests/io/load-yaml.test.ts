import { describe, it, expect } from 'vitest';
import { parseYamlTree } from '../../src/io/load-yaml.js';
import { toPlain, type SNode } from '../../src/io/source-tree.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

function ok(text: string): SNode {
  const r = parseYamlTree(text, 'x.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.tree;
}
function errors(text: string): Diagnostic[] {
  const r = parseYamlTree(text, 'x.yaml');
  if (r.ok) throw new Error('expected errors');
  return r.diagnostics;
}
const brief = (d: Diagnostic) => `${d.line}:${d.col} ${d.message}`;

describe('scalars', () => {
  it('keeps the exact source text of numbers', () => {
    const t = ok('a: 0.1\nb: 2500\nc: 1e3\nd: -0.5\ne: 1.50\nf: 007\ng: 0.30000000000000004\n');
    expect(toPlain(t)).toEqual({
      a: '0.1', b: '2500', c: '1e3', d: '-0.5', e: '1.50', f: '007', g: '0.30000000000000004',
    });
    if (t.kind !== 'map') throw new Error();
    const a = t.entries.get('a')?.value;
    expect(a).toEqual({ kind: 'scalar', loc: { file: 'x.yaml', line: 1, col: 4 }, value: '0.1', isNumber: true });
  });

  it('treats quoted numbers, percentages and YAML 1.1 booleans as strings (core schema)', () => {
    const t = ok('a: "0.1"\nb: 2.5%\nc: yes\nd: true\ne: ~\nf:\ng: 1_000\n');
    expect(toPlain(t)).toEqual({ a: '0.1', b: '2.5%', c: 'yes', d: true, e: null, f: null, g: '1_000' });
    if (t.kind !== 'map') throw new Error();
    expect(t.entries.get('a')?.value).toMatchObject({ isNumber: false, value: '0.1' });
  });

  it('turns number-looking keys into their text', () => {
    expect(toPlain(ok('2025: a\n1.50: b\ntrue: c\n'))).toEqual({ '2025': 'a', '1.50': 'b', true: 'c' });
  });
});

describe('locations', () => {
  it('records 1-based key and value positions, also in flow collections', () => {
    const t = ok('top:\n  inner: [10, {k: v}]\n');
    if (t.kind !== 'map') throw new Error();
    const top = t.entries.get('top')!;
    expect(top.keyLoc).toEqual({ file: 'x.yaml', line: 1, col: 1 });
    if (top.value.kind !== 'map') throw new Error();
    const inner = top.value.entries.get('inner')!;
    expect(inner.keyLoc).toMatchObject({ line: 2, col: 3 });
    expect(inner.value.loc).toMatchObject({ line: 2, col: 10 });
    if (inner.value.kind !== 'seq') throw new Error();
    expect(inner.value.items[0]!.loc).toMatchObject({ line: 2, col: 11 });
    expect(inner.value.items[1]!.loc).toMatchObject({ line: 2, col: 15 });
  });

  it('reports syntax errors with their line and column', () => {
    expect(errors('a: 1\nb: [1, 2\nc: 3\n')).toEqual([
      // At the `[` left open (the parser itself points at line 3, where it noticed).
      {
        file: 'x.yaml',
        line: 2,
        col: 4,
        message: 'this `[` is never closed: add the `]` that ends the list',
      },
    ]);
  });

  it('keeps every error, not just the first', () => {
    expect(errors('a: "x\n').map(brief)).toEqual(['1:6 Missing closing "quote']);
    const ds = errors('a: 1\n  b: 2\nc: "x\n');
    expect(ds.map(brief)).toEqual([
      '1:4 Nested mappings are not allowed in compact mappings',
      '1:4 Implicit keys need to be on a single line',
      '3:6 Missing closing "quote',
    ]);
  });
});

describe('keys', () => {
  it('rejects duplicate keys at the second occurrence, in plain English', () => {
    expect(errors('a: 1\nb:\n  c: 1\n  c: 2\na: 3\n').map(brief)).toEqual([
      '4:3 duplicate key `c`: each key may appear only once in a map',
      '5:1 duplicate key `a`: each key may appear only once in a map',
    ]);
  });

  it('treats keys that become the same text as duplicates', () => {
    expect(errors('true: 1\n"true": 2\n').map(brief)).toEqual([
      '2:1 duplicate key `true`: each key may appear only once in a map',
    ]);
  });

  it('rejects non-scalar and empty keys', () => {
    expect(errors('a: 1\n? [x, y]\n: 2\n').map(brief)).toEqual([
      '2:3 a key must be plain text, not a list, map, alias, tagged value or nothing',
    ]);
    expect(errors('? : 1\n!!str k: 2\n*a : 3\n').map((d) => `${d.line}:${d.col}`)).toEqual(['1:3', '2:7', '3:1']);
    expect(errors('{[1]: 2}').map(brief)).toEqual([
      '1:2 a key must be plain text, not a list, map, alias, tagged value or nothing',
    ]);
  });

  it('keeps `<<` as an ordinary key (no merge keys)', () => {
    expect(toPlain(ok('base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n'))).toEqual({
      base: { x: '1' },
      other: { '<<': { x: '1' }, y: '2' },
    });
  });
});

describe('aliases', () => {
  it('expands aliases, with locations from the anchored node', () => {
    const t = ok('a: &x\n  k: [1, 2]\nb: *x\n');
    expect(toPlain(t)).toEqual({ a: { k: ['1', '2'] }, b: { k: ['1', '2'] } });
    if (t.kind !== 'map') throw new Error();
    expect(t.entries.get('b')!.value.loc).toMatchObject({ line: 2, col: 3 });
  });

  it('uses the latest anchor before the alias, as YAML says', () => {
    expect(toPlain(ok('a: &x 1\nb: &y [*x]\nc: &x 2\nd: *y\ne: *x\n'))).toEqual({
      a: '1', b: ['1'], c: '2', d: ['1'], e: '2',
    });
  });

  it('rejects unknown and self-referencing aliases', () => {
    expect(errors('a: *nope\n').map(brief)).toEqual(['1:4 unknown alias `*nope`']);
    expect(errors('a: *later\nb: &later 1\n').map(brief)).toEqual(['1:4 unknown alias `*later`']);
    expect(errors('a: &x [1, *x]\n').map(brief)).toEqual(['1:11 alias `*x` refers to a value that contains it']);
  });

  it('stops a billion-laughs alias bomb quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    const names = 'abcdefghi';
    for (let i = 1; i < names.length; i++) {
      const prev = `*${names[i - 1]}`;
      lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(',')}]`);
    }
    const text = lines.join('\n') + '\n';
    const start = performance.now();
    const ds = errors(text);
    expect(performance.now() - start).toBeLessThan(1000);
    expect(ds).toHaveLength(1);
    expect(ds[0]!.message).toMatch(/^too many alias expansions \(a YAML alias bomb\?\)/);
    // At the alias the user wrote, not inside the anchored list.
    expect(ds[0]).toMatchObject({ line: 5, col: 8 });
  });

  it('allows a moderate number of alias expansions', () => {
    const text = 'base: &b {x: 1, y: 2}\nlist:\n' + '  - *b\n'.repeat(2000);
    expect((toPlain(ok(text)) as { list: unknown[] }).list).toHaveLength(2000);
  });
});

describe('whole-file errors', () => {
  const empty = 'the file is empty: a scenario needs at least `base_year`, `years`, `allocation` and `lines`';

  it('rejects empty files and files with only comments', () => {
    for (const text of ['', '\n\n', '---\n', '--- # c\n...\n']) {
      expect(errors(text)).toEqual([{ file: 'x.yaml', line: 1, col: 1, message: empty }]);
    }
    const comments = empty.replace('the file is empty', 'the file holds only comments');
    for (const text of ['# just a comment\n', '\n  # one\n\n# two']) {
      expect(errors(text)).toEqual([{ file: 'x.yaml', line: 1, col: 1, message: comments }]);
    }
  });

  it('says a tab used for indentation should be spaces', () => {
    // Line 3 starts with the tab: column 1.
    expect(errors('a: 1\nb:\n\tc: 2\n').map(brief)).toEqual([
      '3:1 a tab is used for indentation: YAML indents with spaces only (replace the tab with spaces)',
    ]);
    // A whole file indented with tabs: one message, at the first, counting the rest.
    expect(errors('a:\n\tb: 1\n\tc: 2\n\td: 3\n').map(brief)).toEqual([
      '2:1 a tab is used for indentation: YAML indents with spaces only (replace the tab with spaces) (here and on 2 more lines)',
    ]);
  });

  it('rejects a top level that is not a map', () => {
    const msg = 'a scenario must be a map of keys (like `base_year: 2025/26`), not a single value or a list';
    expect(errors('- a\n- b\n').map(brief)).toEqual([`1:1 ${msg}`]);
    expect(errors('\n  42\n').map(brief)).toEqual([`2:3 ${msg}`]);
    expect(errors('~\n').map(brief)).toEqual([`1:1 ${msg}`]);
  });

  it('rejects several documents in one file', () => {
    expect(errors('a: 1\n---\nb: 2\n').map(brief)).toEqual([
      '2:1 the file holds more than one YAML document (a `---` line): a scenario file must hold exactly one',
    ]);
  });

  it('rejects YAML tags', () => {
    const msg = (tag: string) => `YAML tag \`${tag}\` is not supported: scenario files use plain values without tags`;
    expect(errors('a: !money 12\n').map(brief)).toEqual([`1:4 ${msg('!money')}`]);
    // yaml itself would turn these into a Buffer, a Date and a Set.
    expect(errors('a: !!binary aGk=\nb: !!timestamp 2001-12-14\nc: !!set {x}\nd: !!str 1\n').map(brief)).toEqual([
      `1:13 ${msg('!!binary')}`,
      `2:16 ${msg('!!timestamp')}`,
      `3:10 ${msg('!!set')}`,
      `4:10 ${msg('!!str')}`,
    ]);
  });

  it('reports deep nesting instead of crashing', () => {
    const n = 5000;
    const ds = errors('a: ' + '['.repeat(n) + ']'.repeat(n) + '\n');
    expect(ds.map((d) => d.message)).toContain('the file is nested too deeply');
  });
});
