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
import { runScenario, type RunResult } from '../../src/model/run.js';
import type { ScenarioSpec } from '../../src/model/schema.js';
import { formatMoney, formatShare } from '../../src/render/format.js';
import { REPO } from '../cli/helpers.js';
import { PRESETS } from './helpers.js';

const THREE_YEARS = ['2026/27', '2027/28', '2028/29'];

function readmeTable(): string[] {
  const lines = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => l.startsWith('| ICB | allocation 2025/26 |'));
  expect(start, 'the national batch table in README.md').toBeGreaterThan(0);
  const rows: string[] = [];
  for (let i = start + 2; lines[i]?.startsWith('|'); i++) rows.push(lines[i]!);
  return rows;
}

const at = (r: RunResult, year: string, metric: string): Dec => {
  const d = r.years.find((y) => y.year === year)?.metrics[metric];
  if (d === undefined) throw new Error(`${r.scenario}: no ${metric} in ${year}`);
  return d;
};

/** The same plan on base growth alone: what the allocation would have been without convergence. */
function withoutConvergence(spec: ScenarioSpec): ScenarioSpec {
  const { fair_share: _dropped, ...allocation } = spec.allocation;
  return { ...spec, allocation };
}

describe("the README's national batch table", () => {
  it('is what the 42 presets give now, row by row, with the England total of the unrounded figures', () => {
    const money = [new Dec(0), new Dec(0), new Dec(0), new Dec(0)];
    let above = 0;
    const rows = readdirSync(PRESETS)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => {
        const loaded = loadScenario(join(PRESETS, f));
        if (!loaded.ok) throw new Error(`${f} does not load`);
        const r = runScenario(loaded.scenario.spec, loaded.scenario.name);
        const plain = runScenario(withoutConvergence(loaded.scenario.spec), loaded.scenario.name);
        // Convergence over three years: the allocation gained (+) or lost (−) against base growth alone.
        const convergence = THREE_YEARS.reduce((s, y) => s.plus(at(r, y, 'allocation')).minus(at(plain, y, 'allocation')), new Dec(0));
        const figures = [at(r, '2025/26', 'allocation'), convergence, at(r, '2028/29', 'icb_surplus'), at(r, '2030/31', 'cumulative_surplus')];
        figures.forEach((d, i) => (money[i] = money[i]!.plus(d)));
        const distance = r.projection.fairShare!.distance;
        if (distance[0]!.gt(0)) above++;
        const cells = [
          formatMoney(figures[0]!, 1),
          formatShare(distance[0]!),
          formatMoney(convergence, 1),
          formatShare(distance[3]!),
          formatMoney(figures[2]!, 1),
          formatMoney(figures[3]!, 1),
        ];
        const name = r.scenario.replace(/^NHS /, '').replace(/ ICB$/, '');
        return { name, line: `| ${name} | ${cells.join(' | ')} |` };
      })
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
    expect(rows).toHaveLength(42);
    const b = (d: Dec) => `**${formatMoney(d, 1)}**`;
    const england = `| **England (sum of the 42)** | ${b(money[0]!)} | | ${b(money[1]!)} | | ${b(money[2]!)} | ${b(money[3]!)} |`;
    expect(readmeTable()).toEqual([...rows.map((r) => r.line), england]);
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain(`**${above} of the 42 ICBs are above their fair-share target**`);
  });
});
