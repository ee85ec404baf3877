/**
 * The README's national batch table is what the shipped presets give today: every row rebuilt from
 * the exact runs (the same figures `icbsim batch scenarios/presets` writes, as the batch test checks
 * on a sample), so a change to the national file, the allocations table or the engine cannot leave
 * the README showing old figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { Dec } from '../../src/model/decimal.js';
import { runScenario } from '../../src/model/run.js';
import { formatMoney, formatShare } from '../../src/render/format.js';
import { REPO } from '../cli/helpers.js';
import { PRESETS } from './helpers.js';

/** The README's columns: allocation in the base year; allocation, surplus, cumulative surplus and running costs in the last. */
const COLUMNS = [
  ['2025/26', 'allocation'],
  ['2030/31', 'allocation'],
  ['2030/31', 'icb_surplus'],
  ['2030/31', 'cumulative_surplus'],
  ['2030/31', 'spend.running'],
] as const;

function readmeTable(): string[] {
  const lines = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| ICB | allocation 2025/26 |'));
  expect(start, 'the national batch table in README.md').toBeGreaterThan(0);
  const rows: string[] = [];
  for (let i = start + 2; lines[i]?.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

describe("the README's national batch table", () => {
  it('is what the 42 presets give now, row by row, with the England total of the unrounded figures', () => {
    const totals = COLUMNS.map(() => new Dec(0));
    const rows = readdirSync(PRESETS)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const loaded = loadScenario(join(PRESETS, f));
        if (!loaded.ok) throw new Error(`${f} does not load`);
        const r = runScenario(loaded.scenario.spec, loaded.scenario.name);
        const at = (year: string, metric: string): Dec => {
          const d = r.years.find((y) => y.year === year)?.metrics[metric];
          if (d === undefined) throw new Error(`${f}: no ${metric} in ${year}`);
          return d;
        };
        const cells = COLUMNS.map(([year, metric], i) => {
          totals[i] = totals[i]!.plus(at(year, metric));
          return formatMoney(at(year, metric), 1);
        });
        const name = r.scenario.replace(/^NHS /, '').replace(/ ICB$/, '');
        return { name, line: `| ${name} | ${cells.join(' | ')} | ${formatShare(at('2030/31', 'care_shift_share'))} |` };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    expect(rows).toHaveLength(42);
    const england = `| **England (sum of the 42)** | ${totals.map((t) => `**${formatMoney(t, 1)}**`).join(' | ')} | |`;
    expect(readmeTable()).toEqual([...rows.map((r) => r.line), england]);
  });
});
