/** The year-to-year bridge: exact to the penny for generated scenarios, and a case worked by hand. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BRIDGE_METRICS, bridge, bridgeYears, driverKey, yearBridges, type Bridge } from '../../src/model/bridge.js';
import { Dec, decString } from '../../src/model/decimal.js';
import type { RunResult } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { scenarioWithOneOffsArb } from '../model/arbitraries.js';
import { run, runValid } from '../model/helpers.js';
import { providerScenarioArb } from '../model/provider-arbitraries.js';

/** Scenarios with fair shares, streams and one-off items, or with providers. */
const scenarioArb = fc.oneof(scenarioWithOneOffsArb, providerScenarioArb);

function expected(r: RunResult, metric: string, t: number): Dec {
  const p = r.projection;
  if (metric !== 'system_surplus' || p.plan.providers.length === 0) return r.years[t]!.metrics[metric]!;
  const other = p.providers.providers.reduce((acc, pr) => acc.plus(pr.otherIncome[t]!).minus(pr.otherCosts[t]!), new Dec(0));
  return p.surplus[t]!.minus(p.gap[t]!).plus(other);
}

const total = (b: Bridge): Dec => b.steps.reduce((acc, s) => acc.plus(s.amount), b.start);
const steps = (b: Bridge): [string, string | null, string][] => b.steps.map((s) => [driverKey(s), s.line, decString(s.amount)]);

describe('steps add up to the change exactly', () => {
  test('property: every metric, every pair of years, each step to the penny, no zero step', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const r = runValid(data);
        const p = r.projection;
        const places = PENNY_PLACES[r.units];
        for (const metric of BRIDGE_METRICS) {
          for (let from = 0; from < p.plan.n; from++) {
            for (let to = from + 1; to <= p.plan.n; to++) {
              const b = bridge(p, metric, from, to);
              // start and end are the figures `run` reports (the system surplus with providers: MODEL.md's
              // P − Σ G + Σ (O − C), from the providers' own figures).
              expect(decString(b.start)).toBe(decString(expected(r, metric, from)));
              expect(decString(b.end)).toBe(decString(expected(r, metric, to)));
              expect(decString(total(b))).toBe(decString(b.end));
              for (const s of b.steps) {
                expect(s.amount.isZero()).toBe(false);
                expect(s.amount.decimalPlaces()).toBeLessThanOrEqual(places);
              }
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('property: the year-on-year bridges add up, driver by driver, to the bridge over the span', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...BRIDGE_METRICS), (data, metric) => {
        const p = runValid(data).projection;
        const span = bridge(p, metric, 0, p.plan.n);
        const years = yearBridges(bridgeYears(p, metric, 0, p.plan.n));
        expect(years.map((b) => b.from)).toEqual(p.plan.labels.slice(0, -1));
        years.forEach((b) => expect(decString(total(b))).toBe(decString(b.end)));
        const summed = new Map<string, Dec>();
        for (const b of years) {
          for (const s of b.steps) {
            const key = `${driverKey(s)}/${s.line}`;
            summed.set(key, (summed.get(key) ?? new Dec(0)).plus(s.amount));
          }
        }
        // Compared as sets: a step first seen in a later year comes first in the Map, but not in the span.
        const nonZero = [...summed].filter(([, v]) => !v.isZero()).map(([k, v]) => `${k}=${decString(v)}`);
        expect(nonZero.sort()).toEqual(span.steps.map((s) => `${driverKey(s)}/${s.line}=${decString(s.amount)}`).sort());
      }),
      { numRuns: 100 },
    );
  });

  test('property: the ICB and system bridges differ by the flat-cash and provider steps alone, the ICB and underlying by the one-off items', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const p = runValid(data).projection;
        const icb = steps(bridge(p, 'icb_surplus', 0, p.plan.n));
        const own = (d: string): boolean => d.startsWith('other_income.') || d.startsWith('other_costs.');
        const system = steps(bridge(p, 'system_surplus', 0, p.plan.n));
        expect(system.filter(([d]) => !own(d))).toEqual(icb.filter(([d]) => d !== 'flat_cash'));
        // Each provider's other income and costs, as its figures give them, base year to final year.
        p.providers.providers.forEach((tr, k) => {
          const name = p.plan.providers[k]!.name;
          const at = (key: string): string | undefined => system.find(([d]) => d === key)?.[2];
          const income = tr.otherIncome[p.plan.n]!.minus(tr.otherIncome[0]!);
          const costs = tr.otherCosts[0]!.minus(tr.otherCosts[p.plan.n]!);
          expect(at(`other_income.${name}`)).toBe(income.isZero() ? undefined : decString(income));
          expect(at(`other_costs.${name}`)).toBe(costs.isZero() ? undefined : decString(costs));
        });
        const oneOff = (d: string): boolean => d === 'non_recurrent' || d.startsWith('non_recurrent.') || d === 'ring_fenced' || d === 'non_recurrent_savings';
        expect(steps(bridge(p, 'underlying_surplus', 0, p.plan.n))).toEqual(icb.filter(([d]) => !oneOff(d)));
      }),
      { numRuns: 100 },
    );
  });

  const inflationOnly = fc
    .record({
      years: fc.integer({ min: 1, max: 5 }),
      lines: fc.array(fc.tuple(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: -200, max: 900 })), { minLength: 1, maxLength: 5 }),
    })
    .map(({ years, lines }) => ({
      base_year: '2025/26',
      years: String(years),
      units: '£',
      allocation: { recurrent: '50000000', growth: '0%' },
      lines: Object.fromEntries(lines.map(([pennies, bp], i) => [`l${i}`, { category: 'acute', spend: (pennies / 100).toFixed(2), inflation: `${(bp / 100).toFixed(2)}%` }])),
    }));

  test('property: with only inflation, a one-line scenario gives one non-zero step, equal to the change', () => {
    fc.assert(
      fc.property(inflationOnly.filter((d) => Object.keys(d.lines).length === 1), (data) => {
        const p = runValid(data).projection;
        const b = bridge(p, 'icb_surplus', 0, p.plan.n);
        const change = b.end.minus(b.start);
        if (change.isZero()) expect(b.steps).toEqual([]);
        else expect(steps(b)).toEqual([['inflation', 'l0', decString(change)]]);
      }),
    );
  });

  test('property: with only inflation, every non-zero step is a line\'s inflation, equal to that line\'s change in spend', () => {
    fc.assert(
      fc.property(inflationOnly, (data) => {
        const r = runValid(data);
        const p = r.projection;
        const b = bridge(p, 'icb_surplus', 0, p.plan.n);
        const expected = r.lines
          .map((l) => [l.name, r.years[0]!.metrics[`spend.${l.name}`]!.minus(r.years.at(-1)!.metrics[`spend.${l.name}`]!)] as const)
          .filter(([, d]) => !d.isZero())
          .map(([name, d]) => ['inflation', name, decString(d)]);
        expect(steps(b)).toEqual(expected);
      }),
    );
  });
});

describe('a bridge worked by hand (units £, so every penny of rounding shows)', () => {
  // Allocation 1,000,000 growing 5%; 20,000 one-off money in the base year only. Line a: 600,001,
  // inflation 3%, demand 2%, efficiency 1% half delivered, held to a 1% flat-cash uplift. Line b:
  // 300,000, inflation 2%.
  const r = run({
    base_year: '2025/26',
    years: '1',
    units: '£',
    allocation: { recurrent: '1000000', growth: '5%', non_recurrent: { '2025/26': '20000' } },
    lines: {
      a: { category: 'acute', spend: '600001', inflation: '3%', demand: '2%', efficiency: '1%', efficiency_delivery: '50%' },
      b: { category: 'community', spend: '300000', inflation: '2%' },
    },
    policies: [{ type: 'flat_cash', line: 'a', uplift: '1%' }],
  });
  const p = r.result.projection;

  test('ICB surplus', () => {
    const b = bridge(p, 'icb_surplus', 0, 1);
    // Start: income 1,000,000 + 20,000 less spend 600,001 + 300,000 = 119,999.
    expect(decString(b.start)).toBe('119999');
    // End: income 1,050,000 less spend 606,001.01 (600,001 × 1.01) + 306,000 = 137,998.99.
    expect(decString(b.end)).toBe('137998.99');
    expect(steps(b)).toEqual([
      // R: 1,000,000 × 1.05 − 1,000,000.
      ['allocation_growth', null, '50000'],
      // The one-off 20,000 is not there in 2026/27.
      ['non_recurrent', null, '-20000'],
      // 600,001 × 1.03 = 618,001.03: 18,000.03 more need.
      ['inflation', 'a', '-18000.03'],
      // 600,001 × 1.03 × 1.02 = 630,361.0506 → 630,361.05; less 618,001.03.
      ['demand', 'a', '-12360.02'],
      // 600,001 × 1.0506 × (1 − 1% × 50%) = 627,209.246347 → 627,209.25 (the engine's need); less 630,361.05.
      ['efficiency', 'a', '3151.8'],
      // Gap 627,209.25 − 606,001.01 = 21,208.24, up from 0: need the ICB does not fund.
      ['flat_cash', 'a', '21208.24'],
      // 300,000 × 1.02 − 300,000.
      ['inflation', 'b', '-6000'],
    ]);
    // 50,000 − 20,000 − 18,000.03 − 12,360.02 + 3,151.80 + 21,208.24 − 6,000 = 17,999.99 = 137,998.99 − 119,999.
    expect(decString(total(b))).toBe('137998.99');
  });

  test('system surplus: the flat-cash gap is the providers\', so it is no saving', () => {
    const b = bridge(p, 'system_surplus', 0, 1);
    // End: 137,998.99 − gap 21,208.24 = 116,790.75.
    expect([decString(b.start), decString(b.end)]).toEqual(['119999', '116790.75']);
    expect(steps(b).map(([d, l]) => `${d}/${l}`)).toEqual(['allocation_growth/null', 'non_recurrent/null', 'inflation/a', 'demand/a', 'efficiency/a', 'inflation/b']);
  });

  test('underlying surplus: one-off money is neither in the start nor a step', () => {
    const b = bridge(p, 'underlying_surplus', 0, 1);
    // Start 119,999 − 20,000 = 99,999; end 137,998.99 (no one-off money in 2026/27).
    expect([decString(b.start), decString(b.end)]).toEqual(['99999', '137998.99']);
    expect(steps(b).some(([d]) => d === 'non_recurrent')).toBe(false);
  });
});

describe('fair shares, streams and one-off items', () => {
  // £: R0 333.33, base growth 3%, convergence −0.5%. Streams: deficit support 42 then 28; virtual
  // wards 5 in 2026/27, ring-fenced to b. Line a (100) has a one-off saving of 3 in 2026/27.
  const r = run({
    base_year: '2025/26',
    years: '1',
    units: '£',
    allocation: {
      recurrent: '333.33',
      growth: '3%',
      fair_share: { distance_from_target: '2%', convergence: '-0.5%' },
      non_recurrent: { deficit_support: { '2025/26': '42', '2026/27': '28' }, wards: { amounts: { '2026/27': '5' }, ring_fenced: 'b' } },
    },
    lines: { a: { category: 'acute', spend: '100', non_recurrent_savings: { '2026/27': '3' } }, b: { category: 'community', spend: '50' } },
  });
  const p = r.result.projection;

  test('ICB surplus: base growth and convergence apart, each stream, each one-off item', () => {
    const b = bridge(p, 'icb_surplus', 0, 1);
    // Start: 333.33 + 42 − 150 = 225.33. End: 341.66 + 28 + 5 − (97 + 55) = 222.66.
    expect([decString(b.start), decString(b.end)]).toEqual(['225.33', '222.66']);
    expect(steps(b)).toEqual([
      // At base growth alone: 333.33 × 1.03 = 343.3299 → 343.33, 10.00 more.
      ['allocation_growth', null, '10'],
      // R1 = 333.33 × 1.025 = 341.66325 → 341.66: 1.67 less than 343.33 (the rounding lands here).
      ['convergence', null, '-1.67'],
      ['non_recurrent.deficit_support', null, '-14'],
      ['non_recurrent.wards', null, '5'],
      ['non_recurrent_savings', 'a', '3'],
      ['ring_fenced', 'b', '-5'],
    ]);
    // 225.33 + 10 − 1.67 − 14 + 5 + 3 − 5 = 222.66.
    expect(decString(total(b))).toBe('222.66');
  });

  test('underlying surplus: only the recurrent drivers', () => {
    const b = bridge(p, 'underlying_surplus', 0, 1);
    // 225.33 − 42 = 183.33 → 222.66 − 33 + 5 − 3 = 191.66: 10 − 1.67 = 8.33.
    expect([decString(b.start), decString(b.end)]).toEqual(['183.33', '191.66']);
    expect(steps(b)).toEqual([
      ['allocation_growth', null, '10'],
      ['convergence', null, '-1.67'],
    ]);
  });
});

describe('providers', () => {
  test('the system surplus adds each provider\'s other income and costs; the ICB surplus has neither', () => {
    // ICB: 100 of allocation, line a 60, nothing grows: surplus 40 both years. Provider north holds
    // half of a (its contract income and cost are the ICB's spend and need: they net to the gap, 0),
    // other income 10 growing 10%, other costs 8 growing by its own inflation of 5%.
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '100', growth: '0%' },
      lines: { a: { category: 'acute', spend: '60' } },
      providers: { north: { label: 'North FT', contracts: { a: '50%' }, other_income: '10', other_income_growth: '10%', other_costs: '8', inflation: '5%' } },
    });
    const b = bridge(r.result.projection, 'system_surplus', 0, 1);
    // 40 + 10 − 8 = 42 → 40 + 11 − 8.40 = 42.60.
    expect([decString(b.start), decString(b.end)]).toEqual(['42', '42.6']);
    expect(steps(b)).toEqual([
      ['other_income.north', null, '1'],
      ['other_costs.north', null, '-0.4'],
    ]);
    expect(bridge(r.result.projection, 'icb_surplus', 0, 1).steps).toEqual([]);
  });
});

describe('policies', () => {
  test('a running-cost cut: inflation on the uncut path, then the cut', () => {
    // Running costs 1,000 (£), inflation 10%, cut 20% by 2026/27 (one year): uncut 1,100, spend 880.
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '5000', growth: '0%' },
      lines: { run: { category: 'running', spend: '1000', inflation: '10%' } },
      policies: [{ type: 'running_cost_cut', line: 'run', cut: '20%', by: '2026/27' }],
    });
    const b = bridge(r.result.projection, 'icb_surplus', 0, 1);
    // Inflation 1,000 → 1,100: −100. The cut: 1,100 − 880 = 220 off spend. 4,000 − 100 + 220 = 4,120.
    expect(steps(b)).toEqual([
      ['inflation', 'run', '-100'],
      ['running_cost_cut', 'run', '220'],
    ]);
    expect(decString(b.end)).toBe('4120');
  });

  test('a shift and a diversion: each lands on its own line', () => {
    // a 1,000 → 10% moved to b at 50% of its cost, no lag; 20% of growth 100 diverted to b.
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '2000', growth: '5%' },
      lines: { a: { category: 'acute', spend: '1000' }, b: { category: 'community', spend: '500' } },
      policies: [
        { type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '50%', lag: '0' },
        { type: 'divert_growth', share: '20%', to: { b: '100%' } },
      ],
    });
    const b = bridge(r.result.projection, 'icb_surplus', 0, 1);
    // Growth 2,000 × 5% = 100; a loses 100 of need; b gains 50 (100 × 50%) and 20 diverted (100 × 20%).
    expect(steps(b)).toEqual([
      ['allocation_growth', null, '100'],
      ['shift_out', 'a', '100'],
      ['shift_in', 'b', '-50'],
      ['diversion', 'b', '-20'],
    ]);
  });

  test('a bridge must run forward within the plan', () => {
    const p = run({ base_year: '2025/26', years: '2', allocation: { recurrent: '1', growth: '0%' }, lines: { a: { category: 'acute', spend: '1' } } }).result.projection;
    expect(() => bridge(p, 'icb_surplus', 1, 1)).toThrow(/earlier year to a later one/);
    expect(() => bridge(p, 'icb_surplus', 0, 3)).toThrow(/2025\/26 to 2027\/28/);
  });
});
