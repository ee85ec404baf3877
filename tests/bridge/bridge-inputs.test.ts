/** Scenario to scenario: each input change in diff's order; the steps add up to NEW − OLD exactly. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { BRIDGE_METRICS } from '../../src/model/bridge.js';
import { bridgeInputs } from '../../src/model/bridge-inputs.js';
import { convertMoney } from '../../src/model/convert-units.js';
import { Dec, decString } from '../../src/model/decimal.js';
import { diffInputs } from '../../src/model/input-diff.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { scenarioWithOneOffsArb as scenarioArb } from '../model/arbitraries.js';
import type { Data } from '../model/helpers.js';

function figure(data: unknown, metric: string, year: string, units: '£' | '£k' | '£m'): Dec | undefined {
  const parsed = parseScenario(data);
  if (!parsed.ok) return undefined;
  const r = runScenario(parsed.spec);
  const v = r.years.find((y) => y.year === year)?.metrics[metric];
  return v === undefined ? undefined : convertMoney(v, parsed.spec.units, units);
}

/** NEW: OLD with some of the other scenario's parts put in (lines and policies go together: policies name lines). */
const pairArb = fc
  .tuple(scenarioArb, scenarioArb, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }))
  .map(([a, b, mask]) => {
    const groups = [['allocation'], ['assumptions'], ['lines', 'policies'], ['units'], ['care_shift']];
    const now: Data = { ...a };
    groups.forEach((keys, k) => {
      if (!mask[k]) return;
      for (const key of keys) {
        if (b[key] === undefined) delete now[key];
        else now[key] = b[key];
      }
    });
    return [a, now] as const;
  });

describe('bridgeInputs', () => {
  test('property: for every metric the steps add up to NEW − OLD exactly, with no zero step', () => {
    let bridged = 0;
    fc.assert(
      fc.property(pairArb, fc.constantFrom(...BRIDGE_METRICS), ([old, now], metric) => {
        const parsedOld = parseScenario(old);
        if (!parsedOld.ok) throw new Error('generated an invalid scenario');
        const units = parsedOld.spec.units;
        const year = runScenario(parsedOld.spec).years.at(-1)!.year;
        const end = figure(now, metric, year, units);
        fc.pre(end !== undefined);
        bridged++;
        const b = bridgeInputs(old, now, metric, year);
        expect(decString(b.start)).toBe(decString(figure(old, metric, year, units)!));
        expect(decString(b.end)).toBe(decString(end!));
        expect(decString(b.steps.reduce((acc, s) => acc.plus(s.amount), b.start))).toBe(decString(b.end));
        for (const s of b.steps) expect(s.amount.isZero()).toBe(false);
        // Every change diff lists is in exactly one step or among those with no effect, in diff's order.
        expect([...b.steps.flatMap((s) => s.changes), ...b.noEffect].map((c) => c.path).sort()).toEqual(diffInputs(old, now).map((c) => c.path).sort());
      }),
      { numRuns: 60 },
    );
    expect(bridged).toBeGreaterThan(20);
  });

  test('property: identical plans give no steps', () => {
    fc.assert(
      fc.property(scenarioArb, fc.constantFrom(...BRIDGE_METRICS), (data, metric) => {
        const parsed = parseScenario(data);
        if (!parsed.ok) throw new Error('generated an invalid scenario');
        const year = runScenario(parsed.spec).years.at(-1)!.year;
        const b = bridgeInputs(data, structuredClone(data), metric, year);
        expect(b.steps).toEqual([]);
        expect(b.noEffect).toEqual([]);
        expect(b.start.equals(b.end)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });

  // OLD: 1,000 (£) growing 2%, one line of 900 with 3% inflation, 2 years. Allocation 1,020 then
  // 1,040.40; spend 927 then 954.81; surplus in 2027/28 = 1,040.40 − 954.81 = 85.59.
  const OLD = {
    name: 'Old',
    base_year: '2025/26',
    years: '2',
    units: '£',
    allocation: { recurrent: '1000', growth: ['2%', '2%'] },
    lines: { a: { category: 'acute', spend: '900', inflation: '3%' } },
  };

  test('by hand: two changes, each applied on top of the one before', () => {
    const NEW = { ...OLD, name: 'New', allocation: { recurrent: '1000', growth: ['2%', '3%'] }, lines: { a: { category: 'acute', spend: '900', inflation: '4%' } } };
    const b = bridgeInputs(OLD, NEW, 'icb_surplus', '2027/28');
    expect(decString(b.start)).toBe('85.59');
    expect(b.steps.map((s) => [s.changes.map((c) => c.path), decString(s.amount)])).toEqual([
      // Growth 3% in 2027/28: allocation 1,020 × 1.03 = 1,050.60, up 10.20 on 1,040.40.
      [['allocation.growth[1]'], '10.2'],
      // Inflation 4%: spend 900 × 1.04² = 973.44, up 18.63 on 954.81.
      [['lines.a.inflation'], '-18.63'],
    ]);
    // 85.59 + 10.20 − 18.63 = 77.16 = 1,050.60 − 973.44.
    expect(decString(b.end)).toBe('77.16');
    expect(b.noEffect.map((c) => c.path)).toEqual(['name']);
  });

  test('changes that cannot stand apart are one step: a longer plan and its extra year of growth', () => {
    // `years: 2 → 3` alone leaves a growth list of two rates for three years: not a plan.
    const NEW = { ...OLD, years: '3', allocation: { recurrent: '1000', growth: ['2%', '2%', '2%'] } };
    const b = bridgeInputs(OLD, NEW, 'icb_surplus', '2027/28');
    // The year compared is in both, and neither change moves it.
    expect(b.steps).toEqual([]);
    expect(b.noEffect.map((c) => c.path)).toEqual(['years', 'allocation.growth[2]']);
    const later = bridgeInputs(OLD, { ...NEW, lines: { a: { category: 'acute', spend: '800', inflation: '3%' } } }, 'icb_surplus', '2027/28');
    // The spend cut to 800: spend 800 × 1.03² = 848.72, down 106.09 on 954.81.
    expect(later.steps.map((s) => [s.changes.map((c) => c.path), decString(s.amount)])).toEqual([[['lines.a.spend'], '106.09']]);
  });

  test('a removed list item, and a change that is only valid once it is gone', () => {
    const two = { ...OLD, lines: { ...OLD.lines, b: { category: 'community', spend: '50' } } };
    const before = { ...two, policies: [{ type: 'flat_cash', line: 'a', uplift: '0%' }, { type: 'flat_cash', line: 'b', uplift: '0%' }] };
    const after = { ...two, policies: [{ type: 'flat_cash', line: 'b', uplift: '0%' }] };
    // diff: policies[0].line a → b (two flat-cash policies on b: not valid), then policies[1] removed.
    expect(diffInputs(before, after).map((c) => c.path)).toEqual(['policies[0].line', 'policies[1]']);
    const b = bridgeInputs(before, after, 'icb_surplus', '2027/28');
    // Line a is no longer held at 900: it costs 900 × 1.03² = 954.81, 54.81 more.
    expect(b.steps.map((s) => [s.changes.map((c) => c.path), decString(s.amount)])).toEqual([[['policies[0].line', 'policies[1]'], '-54.81']]);
  });

  test('money is in OLD\'s units when NEW changes them', () => {
    const NEW = { ...OLD, units: '£k' };
    // The same numbers in £k are a thousand times the money: 85.59 £k = 85,590 £, up 85,504.41.
    const b = bridgeInputs(OLD, NEW, 'icb_surplus', '2027/28');
    expect(b.units).toBe('£');
    expect(b.steps.map((s) => decString(s.amount))).toEqual(['85504.41']);
  });
});
