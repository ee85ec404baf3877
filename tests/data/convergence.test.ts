/**
 * The fair-share model held against NHS England's own 2025/26 core services table: the engine,
 * given each ICB's 2024/25 adjusted baseline, its distance from target and its convergence,
 * reproduces its published 2025/26 recurrent allocation; and the pace and cap in the national
 * planning file are the ones NHS England's 2025/26 convergence implies.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/io/load-scenario.js';
import { Dec } from '../../src/model/decimal.js';
import { parseCsvRecords } from '../../src/model/presets.js';
import { runScenario } from '../../src/model/run.js';
import { REPO, tempDir, writeScenario } from '../cli/helpers.js';

const rows = (() => {
  const [header, ...records] = parseCsvRecords(readFileSync(join(REPO, 'scenarios', 'data', 'icb-allocations-2025-26.csv'), 'utf8')).filter((r) => r.length > 1);
  return records.map((r) => {
    const get = (name: string) => new Dec(r[header!.indexOf(name)]!);
    return {
      code: r[0]!,
      baseline: get('core_baseline_2024_25'),
      target: get('core_target_2024_25'),
      distance: get('core_distance_before_convergence'),
      growth: get('core_base_growth'),
      convergence: get('core_convergence'),
      recurrent: get('core_recurrent'),
    };
  });
})();

const pct = (d: Dec) => `${d.times(100).toFixed()}%`;

describe("NHS England's 2025/26 core services allocations, through the engine", () => {
  const dir = tempDir();

  it.each(rows.map((r) => [r.code, r] as const))('%s: baseline × (1 + base growth + convergence) is the published allocation within 0.03%%', (code, r) => {
    // In £k, the table's unit; the baseline to the £k penny (0.00001), far below the tolerance.
    const file = writeScenario(
      dir,
      `${code}.yaml`,
      `
      name: ${code} 2025/26
      units: £k
      base_year: 2024/25
      years: 1
      allocation:
        recurrent: ${r.baseline.toDecimalPlaces(5).toFixed()}
        growth: ${pct(r.growth)}
        fair_share:
          distance_from_target: ${pct(r.distance)}
          convergence: [${pct(r.convergence)}]
      lines:
        all: {category: other, spend: ${r.baseline.toDecimalPlaces(5).toFixed()}}
      `,
    );
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const run = runScenario(loaded.scenario.spec);
    const y1 = run.years[1];
    // T_0 = R_0 / (1 + d_0) is NHS England's own 2024/25 fair-share target, to the £k penny.
    expect(run.projection.fairShare!.target[0]!.minus(r.target).abs().lte('0.00001'), `${code} target`).toBe(true);
    expect(run.projection.convergence[1]!.eq(r.convergence)).toBe(true);
    expect(y1!.metrics.allocation_growth!.eq(r.growth.plus(r.convergence))).toBe(true);
    const error = y1!.metrics.allocation!.dividedBy(r.recurrent).minus(1);
    expect(error.abs().lte('0.0003'), `${code}: ${error.times(100).toFixed(4)}%`).toBe(true);
  });

  it('fits all 42 to about ±0.021% (the published figures are rounded to whole £k from unrounded growth)', () => {
    const errors = rows.map((r) => r.baseline.times(new Dec(1).plus(r.growth).plus(r.convergence)).dividedBy(r.recurrent).minus(1));
    const worst = errors.reduce((a, b) => (b.abs().gt(a) ? b.abs() : a), new Dec(0));
    expect(worst.lt('0.00022')).toBe(true);
    expect(worst.gt('0.0002')).toBe(true); // not an exact identity: the workbook's growth has more to it
  });
});

describe('the pace and cap of convergence NHS England used in 2025/26', () => {
  const cap = rows.reduce((m, r) => (r.convergence.abs().gt(m) ? r.convergence.abs() : m), new Dec(0));
  const inside = rows.filter((r) => r.convergence.abs().lt(cap));
  const paces = inside.map((r) => r.convergence.negated().dividedBy(r.distance)).sort((a, b) => a.comparedTo(b));
  // 22 ICBs inside the cap: the median is the mean of the 11th and 12th paces.
  const median = paces[10]!.plus(paces[11]!).dividedBy(2);

  it('is a cap of 0.5% (20 ICBs at it) and a median pace near 20% of the distance for the 22 inside it', () => {
    expect(cap.toFixed()).toBe('0.005');
    expect(rows.length - inside.length).toBe(20);
    expect(inside).toHaveLength(22);
    expect(median.toFixed(4)).toBe('0.1962');
    // Every ICB inside the cap converges in the direction that closes its gap.
    for (const r of inside) expect(r.convergence.times(r.distance).lte(0), r.code).toBe(true);
    expect([paces[0]!.times(100).toFixed(1), paces.at(-1)!.times(100).toFixed(1)]).toEqual(['18.1', '29.4']);
  });

  it('is what the national planning file uses for 2026/27 onwards, marked as derived', () => {
    const text = readFileSync(join(REPO, 'scenarios', 'national', 'planning-2025-26.yaml'), 'utf8');
    const fairShare = parse(text).allocation.fair_share;
    expect(fairShare).toEqual({ pace: `${median.times(100).toFixed(2)}%`, cap: `${cap.times(100).toFixed()}%` });
    expect(text).toMatch(/pace: 19\.62% +# derived from the 2025\/26 allocations/);
  });
});
