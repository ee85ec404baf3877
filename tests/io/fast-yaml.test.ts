/**
 * fastYamlTree may decline any file, but when it answers, its tree must be yaml's to the last
 * location (parseYamlDocument, the path every diagnostic comes from): the same keys in the same
 * order, the same values, the same number text and the same line and column for every key and value.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastYamlTree } from '../../src/io/fast-yaml.js';
import { parseYamlDocument, parseYamlTree } from '../../src/io/load-yaml.js';
import { toPlain, type SNode } from '../../src/io/source-tree.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

function yamlFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && /\.ya?ml$/.test(d.name))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)))
    .sort();
}

/** 'accepted' when the fast path answered (and agreed), 'declined' when it left the file to yaml. */
function agree(text: string, file = 'x.yaml'): 'accepted' | 'declined' {
  const fast = fastYamlTree(text, file);
  if (fast === undefined) return 'declined';
  const slow = parseYamlDocument(text, file);
  // A tree where yaml sees a problem would hide the problem's message.
  expect(slow.ok ? 'ok' : slow.diagnostics).toBe('ok');
  if (slow.ok) expect(fast).toStrictEqual(slow.tree);
  return 'accepted';
}

describe('the files in the repository', () => {
  const files = [...yamlFiles('scenarios'), ...yamlFiles('tests')];

  it('are read alike by both paths whenever the fast path answers', () => {
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) agree(readFileSync(path.join(ROOT, file), 'utf8'), file);
  });

  it('include every shipped scenario, which the fast path reads itself', () => {
    const shipped = yamlFiles('scenarios').filter((f) => f.endsWith('.yaml'));
    expect(shipped).toContain('scenarios/default.yaml');
    expect(shipped).toContain('scenarios/base.yaml');
    const declined = shipped.filter((f) => agree(readFileSync(path.join(ROOT, f), 'utf8'), f) === 'declined');
    expect(declined).toEqual([]);
  });
});

describe('what the fast path reads', () => {
  const tree = (text: string): SNode => {
    const t = fastYamlTree(text, 'x.yaml');
    if (t === undefined) throw new Error('declined');
    return t;
  };

  it("resolves plain values by yaml's YAML 1.2 core schema, keeping number text exactly", () => {
    const t = tree('a: 0.10\nb: 1_000\nc: 0b101\nd: +.5\ne: 0o17\nf: 0x1F\ng: .inf\nh: yes\ni: ~\nj: TRUE\nk: 2.5%\nl: "7"\n');
    expect(toPlain(t)).toEqual({
      a: '0.10', b: '1_000', c: '0b101', d: '+.5', e: '0o17', f: '0x1F', g: '.inf', h: 'yes', i: null, j: true, k: '2.5%', l: '7',
    });
    if (t.kind !== 'map') throw new Error('not a map');
    const numbers = [...t.entries].filter(([, e]) => e.value.kind === 'scalar' && e.value.isNumber).map(([k]) => k);
    // 1_000 and 0b101 are YAML 1.1 numbers, +.5 is a 1.2 float: yaml's core schema says so too.
    expect(numbers).toEqual(['a', 'd', 'e', 'f', 'g']);
  });

  it('counts columns from the line start after a CRLF and a byte-order mark', () => {
    const t = tree('\ufeffa: 1\r\nb: {c: "x"}\r\n');
    if (t.kind !== 'map') throw new Error('not a map');
    expect(t.entries.get('a')?.keyLoc).toEqual({ file: 'x.yaml', line: 1, col: 2 });
    const b = t.entries.get('b')!;
    expect(b.value.loc).toEqual({ file: 'x.yaml', line: 2, col: 4 });
    if (b.value.kind !== 'map') throw new Error('not a map');
    expect(b.value.entries.get('c')?.value.loc).toEqual({ file: 'x.yaml', line: 2, col: 8 });
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a block scalar', 'a: |\n  x\n'],
    ['a value over two lines', 'a: x\n  y\n'],
    ['a duplicate key', 'a: 1\na: 2\n'],
    ['an empty value', 'a:\n'],
    ['a tab', 'a:\t1\n'],
    // js-yaml ends a line at a lone '\r'; yaml does not (and sees a nested map here).
    ['a carriage return without a line feed', 'a:\r  b: 1\n'],
    // yaml counts the mark as a column: ` a` and ` name` are then not in line.
    ['an indented first line after a byte-order mark', '\ufeff a: 1\n b: 2\n'],
    ['a byte-order mark after the start', 'a: x\ufeff\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a list at the top', '- 1\n'],
    ['an explicit key', '? a\n: 1\n'],
    ['a flow list over two lines', 'a: [1,\n  2]\n'],
    ['no space after a flow colon', 'a: {"b":1}\n'],
    ['a comment touching a value', 'a: "x"#c\n'],
    ['broken YAML', 'a: [1\n'],
    // js-yaml takes it; yaml wants an implicit key's `:` within 1024 characters of its start.
    ['a key longer than yaml allows', `${'k'.repeat(1100)}: 1\n`],
  ])('declines %s', (_what, text) => {
    expect(fastYamlTree(text, 'x.yaml')).toBeUndefined();
  });

  it.each([
    ['a line separator', 'a: x\u2028y\n\u2028b: 1\n'],
    ['a next-line character', 'a: x\u0085y\n'],
    ['a no-break space', 'a: \u00a0x\nb: 1 \u00a0# c\n'],
    ['a byte-order mark inside', 'a: x\ufeffy\n'],
    ['an emoji', 'a: \u{1F600} b\n"\u{1F600}": [\u{1F600}]\n'],
    ['a lone surrogate', 'a: \ud83d\n'],
    ['a control character', 'a: x\u0001y\nb: "x\u000by"\n'],
    ['a form feed line', 'a: 1\n\f\n'],
  ])('reads text with %s as yaml does, or declines it', (_what, text) => {
    agree(text);
  });

  it('is what parseYamlTree answers, and yaml still reports problems', () => {
    const text = readFileSync(path.join(ROOT, 'scenarios/base.yaml'), 'utf8');
    expect(parseYamlTree(text, 'b.yaml')).toStrictEqual({ ok: true, tree: fastYamlTree(text, 'b.yaml') });
    const dup = parseYamlTree('a: 1\na: 2\n', 'x.yaml');
    expect(dup.ok ? [] : dup.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual([
      '2:1 duplicate key `a`: each key may appear only once in a map',
    ]);
  });
});

// Generated documents. Plain words include YAML 1.1/1.2 edge cases and characters that are only
// text in some places, so that yaml and js-yaml get chances to disagree.
const PLAIN = [
  'a', 'x y', 'name', '£m', 'é', '2025/26', '2.5%', '0', '1', '-1', '+1', '007', '0.1', '0.10', '.5', '+.5', '-0.5', '1.', '1e3', '1E-2', '1_000', '0b101',
  '0o17', '0x1F', '0xg', '.inf', '-.Inf', '+.INF', '.nan', '.NaN', 'nan', 'inf', '~', 'null', 'Null', 'NULL', 'nUll', 'true', 'True', 'TRUE', 'tRue',
  'false', 'False', 'FALSE', 'yes', 'No', 'on', 'off', 'y', 'a#b', 'a:b', '-a', '--', '?a', ':a', "a'b", 'a"b', '\\', 'a\\nb', '1:2', '12:30',
  '2026-01-01', '<<', '=', 'a  b', 'x: [1', 'x\u2028y', '\u00a0x', 'x\u0085y', '\u{1F600}', 'x\ufeff',
];
/** Plain text that is not a value everywhere, or not plain at all: mostly declined or refused. */
const HAZARDS = [
  'a # b', 'a: b', 'a,b', 'a]', 'a}', '[a', '{a', '-', '- a', '---', '...', '?', '? a', ':', '#a', '&a', '*a', '!a', '|', '>', '@a', '`a', '%a',
  "'", '"', ' ', '', "'a", '"a', "a'", '"\\q"',
];
const QUOTED = [
  "'a'", "'it''s'", "''", "'x y'", "'#'", "'a: b'", '"a"', '""', '"\\t"', '"\\u00e9"', '"\\x41"', '"a\\"b"', '"\\\\"', '"\\/"', '"# x"',
  '"1"', "'1'", '"true"', "'~'", "'\u{1F600}'", '"x\u2028y"', '"\\N"', '"\\_"', '"\\0"', '"\\U0001F600"', "'\\'", '"£"',
];
const KEYS = ['a', 'b', 'c', 'name', 'type', '2025/26', '1', '1.50', 'true', '~', 'null', 'a b', 'x-y', '£m', "'a'", '"b"', "'q r'", '"1"', '-x', '<<'];

/** Keys are distinct as written; a few still collide as values (`a` and `'a'`). */
const entriesOf = (value: fc.Arbitrary<Doc>, minLength: number) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), value), { selector: ([k]) => k, minLength, maxLength: 5 });

type Doc =
  | { kind: 'map'; flow: boolean; entries: [string, Doc][] }
  | { kind: 'seq'; flow: boolean; items: Doc[] }
  | { kind: 'scalar'; text: string };

const scalarDoc = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...PLAIN) },
  { weight: 4, arbitrary: fc.constantFrom(...QUOTED) },
  { weight: 1, arbitrary: fc.constantFrom(...HAZARDS) },
).map((text): Doc => ({ kind: 'scalar', text }));

const { doc } = fc.letrec<{ doc: Doc }>((tie) => ({
  doc: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: scalarDoc },
    {
      weight: 2,
      arbitrary: fc
        .record({ flow: fc.boolean(), entries: entriesOf(tie('doc'), 0) })
        .map((m): Doc => ({ kind: 'map', ...m })),
    },
    {
      weight: 1,
      arbitrary: fc.record({ flow: fc.boolean(), items: fc.array(tie('doc'), { maxLength: 4 }) }).map((s): Doc => ({ kind: 'seq', ...s })),
    },
  ),
}));

/** Characters a damaged line may gain somewhere. */
const STRAY = ['\r', '\t', '\u2028', '\u0085', '\u00a0', '\ufeff', '#', ':', ' ', '-', ',', '[', ']', '{', '}', '"', "'", '?', '&', '*', '!', '|', '>', '\\'];

/** Choices for how a document is written, drawn one after another while writing it. */
interface Style {
  pick: (n: number) => number;
}

const COMMENTS = ['# note', '#', '# a: b', '#x: [1'];
const SPACES = ['', ' ', '  '];

function flowText(d: Doc, s: Style): string {
  const sp = () => SPACES[s.pick(3)]!;
  if (d.kind === 'scalar') return d.text;
  if (d.kind === 'seq') return `[${sp()}${d.items.map((i) => flowText(i, s)).join(`${sp()},${[' ', ' ', ''][s.pick(3)]}`)}${sp()}]`;
  const pairs = d.entries.map(([k, v]) => `${k}${['', '', ' '][s.pick(3)]}:${[' ', ' ', '', '  '][s.pick(4)]}${flowText(v, s)}`);
  return `{${sp()}${pairs.join(`${sp()},${[' ', ' ', ''][s.pick(3)]}`)}${s.pick(6) === 0 ? ',' : ''}${sp()}}`;
}

/** Block lines for a node whose block form begins at column `indent`. */
function blockLines(d: Doc, indent: number, s: Style): string[] {
  const pad = ' '.repeat(indent);
  const tail = () => (s.pick(4) === 0 ? `${' '.repeat(1 + s.pick(3))}${COMMENTS[s.pick(COMMENTS.length)]}` : '');
  const step = () => 1 + s.pick(4);
  const extra = (): string[] => {
    const r = s.pick(8);
    if (r === 0) return [''];
    if (r === 1) return [`${' '.repeat(s.pick(6))}${COMMENTS[s.pick(COMMENTS.length)]}`];
    if (r === 2) return ['  '];
    return [];
  };
  const isBlock = (v: Doc) => v.kind !== 'scalar' && !v.flow && (v.kind === 'map' ? v.entries.length : v.items.length) > 0;
  const out: string[] = [];
  if (d.kind === 'map') {
    for (const [k, v] of d.entries) {
      out.push(...extra());
      const key = `${pad}${k}${s.pick(8) === 0 ? ' ' : ''}:`;
      if (!isBlock(v)) {
        out.push(`${key}${[' ', ' ', '  '][s.pick(3)]}${flowText(v, s)}${tail()}`);
      } else {
        out.push(`${key}${tail()}`);
        // A list under a key may sit at the key's own column.
        const inner = v.kind === 'seq' && s.pick(2) === 0 ? indent : indent + step();
        out.push(...blockLines(v, inner, s));
      }
    }
  } else if (d.kind === 'seq') {
    for (const item of d.items) {
      out.push(...extra());
      if (!isBlock(item)) {
        out.push(`${pad}-${[' ', ' ', '  '][s.pick(3)]}${flowText(item, s)}${tail()}`);
      } else if (s.pick(2) === 0) {
        // Compact: the item's first line shares the dash's line.
        const gap = 1 + s.pick(2);
        const lines = blockLines(item, indent + 1 + gap, s);
        const firstAt = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#'));
        if (firstAt === -1) {
          out.push(`${pad}-`, ...lines);
        } else {
          out.push(...lines.slice(0, firstAt), `${pad}-${' '.repeat(gap)}${lines[firstAt]!.trimStart()}`, ...lines.slice(firstAt + 1));
        }
      } else {
        out.push(`${pad}-${tail()}`, ...blockLines(item, indent + step(), s));
      }
    }
  } else {
    out.push(`${pad}${d.text}`);
  }
  return out;
}

function writeDoc(top: [string, Doc][], picks: number[], lineEnd: string, bom: boolean, mutate: number[]): string {
  let p = 0;
  const s: Style = { pick: (n) => (picks.length === 0 ? 0 : picks[p++ % picks.length]! % n) };
  const lines = blockLines({ kind: 'map', flow: false, entries: top }, 0, s);
  // A few damaged lines: indentation moved, a line dropped or doubled, a stray character.
  for (const m of mutate) {
    const at = m % Math.max(1, lines.length);
    const line = lines[at];
    if (line === undefined) break;
    switch (m % 5) {
      case 4: {
        const where = Math.floor(m / 5) % (line.length + 1);
        lines[at] = line.slice(0, where) + STRAY[Math.floor(m / 7) % STRAY.length] + line.slice(where);
        break;
      }
      case 0:
        lines[at] = ` ${line}`;
        break;
      case 1:
        lines[at] = line.replace(/^ /, '');
        break;
      case 2:
        lines.splice(at, 1);
        break;
      default:
        lines.splice(at, 0, line);
    }
  }
  return `${bom ? '\ufeff' : ''}${lines.join(lineEnd)}${lineEnd}`;
}

describe('generated documents', () => {
  const topEntries = entriesOf(doc, 1);
  const written = fc
    .record({
      top: topEntries,
      picks: fc.array(fc.nat(), { maxLength: 40 }),
      lineEnd: fc.constantFrom('\n', '\n', '\r\n'),
      bom: fc.nat(9).map((n) => n === 0),
    });

  it('are read alike by both paths whenever the fast path answers (well-formed writing)', () => {
    let accepted = 0;
    fc.assert(
      fc.property(written, ({ top, picks, lineEnd, bom }) => {
        if (agree(writeDoc(top, picks, lineEnd, bom, [])) === 'accepted') accepted++;
      }),
      { numRuns: 1500 },
    );
    // Not a vacuous pass: the fast path answers for a fair share of them.
    expect(accepted).toBeGreaterThan(500);
  });

  it('are read alike by both paths whenever the fast path answers (damaged lines)', () => {
    fc.assert(
      fc.property(written, fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), ({ top, picks, lineEnd, bom }, mutate) => {
        agree(writeDoc(top, picks, lineEnd, bom, mutate));
      }),
      { numRuns: 3000 },
    );
  });

  it('of plain words only are mostly read by the fast path', () => {
    const simple = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('1', '0.10', 'x y', '2.5%', 'true', '~', "'q'", '[1, 2]', '{k: v}')), {
      minLength: 1,
      maxLength: 4,
    });
    let accepted = 0;
    let runs = 0;
    fc.assert(
      fc.property(simple, (pairs) => {
        const text = pairs.map(([k, v], n) => `${k}${n}: ${v}`).join('\n') + '\n';
        runs++;
        if (agree(text) === 'accepted') accepted++;
      }),
      { numRuns: 300 },
    );
    expect(accepted).toBe(runs);
  });
});
