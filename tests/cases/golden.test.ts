/**
 * Golden cases as data: each `tests/cases/*.yaml` holds a scenario and the figures it must give,
 * worked out by hand (the arithmetic is in the file's comments). A finance analyst adds a case by
 * copying a file; this runner needs no change. The format is in tests/cases/README.md.
 *
 * The case file goes through the project's own YAML reader, so numbers keep their source text
 * (`0.1` is exactly a tenth) and a figure that does not match is reported at its file:line:col.
 */
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import { locate, toPlain, type Loc, type SNode } from '../../src/io/source-tree.js';
import { decString } from '../../src/model/decimal.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { REPO } from '../cli/helpers.js';

const DIR = join(REPO, 'tests', 'cases');
const KEYS = ['about', 'scenario', 'expect', 'complete_years', 'warnings'];

const files = readdirSync(DIR)
  .filter((n) => n.endsWith('.yaml'))
  .sort();

interface Expected {
  year: string;
  metric: string;
  value: string;
  loc: Loc;
}

const at = (loc: Loc) => `${relative(REPO, loc.file)}:${loc.line}:${loc.col}`;

function entries(node: SNode | undefined, what: string): [string, SNode, Loc][] {
  if (node === undefined) return [];
  if (node.kind !== 'map') throw new Error(`${at(node.loc)}: ${what} must be a map`);
  return [...node.entries].map(([k, e]) => [k, e.value, e.keyLoc]);
}

function scalarText(node: SNode, what: string): string {
  if (node.kind !== 'scalar' || node.value === null || typeof node.value === 'boolean') {
    throw new Error(`${at(node.loc)}: ${what} must be a number or a piece of text`);
  }
  return node.value;
}

function readCase(file: string) {
  const loaded = loadTree(file);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.message}`).join('\n'));
  const { tree } = loaded.loaded;
  if (tree.kind !== 'map') throw new Error(`${file}: a case is a map with \`scenario\` and \`expect\``);
  for (const [key, e] of tree.entries) {
    if (!KEYS.includes(key)) throw new Error(`${at(e.keyLoc)}: unknown key \`${key}\` (a case has ${KEYS.join(', ')})`);
  }
  const scenario = tree.entries.get('scenario')?.value;
  if (scenario === undefined) throw new Error(`${file}: a case needs a \`scenario\``);
  const expected: Expected[] = [];
  for (const [year, metrics] of entries(tree.entries.get('expect')?.value, '`expect`')) {
    for (const [metric, value, loc] of entries(metrics, `\`expect.${year}\``)) {
      expected.push({ year, metric, value: scalarText(value, `${year} ${metric}`), loc });
    }
  }
  const completeNode = tree.entries.get('complete_years')?.value;
  const complete = completeNode?.kind === 'seq' ? completeNode.items.map((n) => scalarText(n, 'a complete year')) : [];
  const warningsNode = tree.entries.get('warnings')?.value;
  // Each expected warning is a text it contains, or a list of texts it contains all of.
  const warnings =
    warningsNode?.kind === 'seq'
      ? warningsNode.items.map((n) => (n.kind === 'seq' ? n.items.map((i) => scalarText(i, 'a warning')) : [scalarText(n, 'a warning')]))
      : [];
  return { tree, scenario, expected, complete, warnings };
}

describe('golden cases (tests/cases/*.yaml)', () => {
  test('there are cases to run', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  for (const name of files) {
    test(name, () => {
      const c = readCase(join(DIR, name));
      const parsed = parseScenario(toPlain(c.scenario));
      if (!parsed.ok) {
        const where = (p: { path: PropertyKey[]; at: 'key' | 'value' }) => at(locate(c.scenario, p.path, p.at));
        throw new Error(`the case's scenario is not valid:\n${parsed.problems.map((p) => `${where(p)}: ${p.message}`).join('\n')}`);
      }
      const result = runScenario(parsed.spec, name);
      const byYear = new Map(result.years.map((y) => [y.year, y.metrics]));

      // Every mismatch at once, each at its line, so a case with three wrong figures says so.
      const wrong: string[] = [];
      for (const e of c.expected) {
        const metrics = byYear.get(e.year);
        if (metrics === undefined) {
          wrong.push(`${at(e.loc)}: no year ${e.year} (the plan runs ${result.years.map((y) => y.year).join(', ')})`);
          continue;
        }
        const got = metrics[e.metric];
        if (got === undefined) wrong.push(`${at(e.loc)}: ${e.year} has no metric \`${e.metric}\``);
        else if (decString(got) !== e.value) wrong.push(`${at(e.loc)}: ${e.metric} in ${e.year}: expected ${e.value}, got ${decString(got)}`);
      }
      for (const year of c.complete) {
        const listed = new Set(c.expected.filter((e) => e.year === year).map((e) => e.metric));
        const unlisted = Object.keys(byYear.get(year) ?? {}).filter((m) => !listed.has(m));
        if (unlisted.length > 0) wrong.push(`${name}: ${year} is listed as complete but also reports ${unlisted.join(', ')}`);
      }
      expect(wrong, wrong.join('\n')).toEqual([]);

      expect(result.warnings, 'the warnings the run gives').toHaveLength(c.warnings.length);
      c.warnings.forEach((texts, i) => {
        for (const t of texts) expect(result.warnings[i], `warning ${i + 1}`).toContain(t);
      });
    });
  }
});

