/**
 * `explain` against `run`: for every metric of every year of every shipped scenario (and the
 * Monte Carlo fixture, which uses every policy), the explained figure is run's figure, every
 * step that names a metric shows run's figure for it, and replaying the steps' arithmetic
 * (+, −, ×, ÷, then rounding at each '=') gives every intermediate result shown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { explain, type Explanation } from '../../src/model/explain.js';
import { parseScenario, runScenario, type RunResult } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { metricDefs } from '../../src/model/metrics.js';
import { exactFigure } from '../../src/render/explain.js';
import { withUnit } from '../../src/render/format.js';
import type { Units } from '../../src/model/units.js';
import { icbsim } from '../cli/helpers.js';
import { scenarioArb, scenarioWithOneOffsArb as withOneOffs } from '../model/arbitraries.js';
import { join } from 'node:path';
import { allScenarioFiles, load, presetFiles, REPO } from '../montecarlo/helpers.js';

function replay(e: Explanation): number {
  let running: Dec | undefined;
  let checked = 0;
  for (const s of e.steps) {
    if (s.value === undefined || (s.depth ?? 0) > 0) continue;
    switch (s.op) {
      case undefined:
        running = s.value;
        break;
      case '+':
        running = (running ?? new Dec(0)).plus(s.value);
        break;
      case '−':
        running = running!.minus(s.value);
        break;
      case '×':
        running = running!.times(s.value);
        break;
      case '÷':
        running = running!.dividedBy(s.value);
        break;
      case '=': {
        const r = running!;
        const rounded =
          s.kind === 'money'
            ? r.toDecimalPlaces(PENNY_PLACES[e.units], Dec.ROUND_HALF_EVEN)
            : s.kind === 'share'
              ? r.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN)
              : r;
        expect(rounded.toFixed(), `${e.metric.name} ${e.year}: ${s.label}`).toBe(s.value.toFixed());
        running = s.value;
        checked++;
      }
    }
  }
  return checked;
}

const ONE = new Dec(1);

/**
 * The parts shown under a figure (depth 1) give that figure: a cost-growth factor is
 * (1 + inflation)(1 + demand)(1 − efficiency × delivery), an uplift factor 1 + the rate, a cut
 * factor 1 − cut × share in place, and diverted growth is each diversion's share of the allocation's
 * increase (to the penny) times the line's weight (to within the penny the split may move).
 * Returns how many parents were checked; a part under a parent this does not know fails.
 */
function checkParts(e: Explanation, result: RunResult): number {
  const places = PENNY_PLACES[e.units];
  const penny = new Dec(1).dividedBy(new Dec(10).pow(places));
  const t = result.years.findIndex((y) => y.year === e.year);
  const allocation = (k: number) => result.years[k]!.metrics.allocation!;
  let checked = 0;
  e.steps.forEach((parent, i) => {
    if ((parent.depth ?? 0) > 0 || parent.value === undefined) return;
    const parts: Dec[] = [];
    const labels: string[] = [];
    for (let j = i + 1; j < e.steps.length && (e.steps[j]!.depth ?? 0) > 0; j++) {
      parts.push(e.steps[j]!.value!);
      labels.push(e.steps[j]!.label);
    }
    if (parts.length === 0) return;
    const where = `${e.metric.name} ${e.year}: ${parent.label}`;
    const v = parent.value;
    if (parent.label.startsWith('× factor')) {
      // A driver that is a distribution says its plain-run value is the central one.
      expect(labels.map((l) => l.replace(/ \(the (mean|mode|midpoint) of its (normal|triangular|uniform) distribution\)$/, '')), where).toEqual(['inflation', 'demand', 'efficiency', 'delivery']);
      const [inf, dem, eff, del] = parts as [Dec, Dec, Dec, Dec];
      expect(v.toFixed(), where).toBe(ONE.plus(inf).times(ONE.plus(dem)).times(ONE.minus(eff.times(del))).toFixed());
    } else if (parent.label === '× (1 + base growth + convergence)') {
      // R_t = R_{t−1} × (1 + g_t + c_t), the engine adding g_t + c_t first: at decimal.js's
      // precision (1 + g) + c can differ from 1 + (g + c) in the last digit (seed 330354781).
      expect(parts, where).toHaveLength(2);
      expect(v.toFixed(), where).toBe(ONE.plus(parts[0]!.plus(parts[1]!)).toFixed());
    } else if (parent.label.startsWith('Convergence: clamp')) {
      // c_t = clamp(−π × d_{t−1}, −κ, κ)
      expect(parts, where).toHaveLength(3);
      const [d, pace, cap] = parts as [Dec, Dec, Dec];
      expect(v.toFixed(), where).toBe(Dec.min(cap, Dec.max(cap.neg(), pace.neg().times(d))).toFixed());
    } else if (
      parent.label === '× (1 + allocation growth)' ||
      parent.label === '× (1 + uplift)' ||
      parent.label === '× (1 + base growth)' ||
      parent.label === '÷ (1 + distance from target)'
    ) {
      expect(parts, where).toHaveLength(1);
      expect(v.toFixed(), where).toBe(ONE.plus(parts[0]!).toFixed());
    } else if (parent.label.startsWith('× (1 − cut')) {
      expect(parts, where).toHaveLength(2);
      expect(v.toFixed(), where).toBe(ONE.minus(parts[0]!.times(parts[1]!)).toFixed());
    } else if (parent.label === '+ moved need × cost ratio (to the penny)') {
      // Shifted in: M = round(share × the source's grown need), then round(cost ratio × M).
      expect(parts, where).toHaveLength(4);
      const [grown, share, moved, ratio] = parts as [Dec, Dec, Dec, Dec];
      expect(moved.toFixed(), where).toBe(share.times(grown).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).toFixed());
      expect(v.toFixed(), where).toBe(ratio.times(moved).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).toFixed());
    } else if (parent.label === '− need moved out (to the penny)') {
      expect(parts, where).toHaveLength(2);
      expect(v.toFixed(), where).toBe(parts[1]!.times(parts[0]!).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).toFixed());
    } else if (parent.label === '+ diverted growth') {
      expect(parts.length % 4, where).toBe(0);
      let sum = new Dec(0);
      for (let k = 0; k < parts.length; k += 4) {
        const [dR, share, total, weight] = parts.slice(k, k + 4) as [Dec, Dec, Dec, Dec];
        expect(dR.toFixed(), where).toBe(allocation(t).minus(allocation(t - 1)).toFixed());
        expect(total.toFixed(), where).toBe(share.times(Dec.max(dR, 0)).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).toFixed());
        sum = sum.plus(weight.times(total));
      }
      expect(sum.minus(v).abs().lte(penny.times(parts.length / 4)), where).toBe(true);
    } else {
      throw new Error(`${where}: parts under a figure this test does not check`);
    }
    checked++;
  });
  return checked;
}

/**
 * Explains every metric of every year of a run and checks each explanation: its figure is run's,
 * every step naming a metric shows run's figure, its arithmetic replays, its parts give their
 * figure, and its steps come in MODEL.md's order. Returns how many explanations and parts it checked.
 */
function explainEverything(result: RunResult): { explained: number; parents: number } {
  let explained = 0;
  let parents = 0;
  result.years.forEach((y) => {
    for (const [name, value] of Object.entries(y.metrics)) {
      const e = explain(result, name, y.year);
      expect(e.value.equals(value), `${name} ${y.year}`).toBe(true);
      for (const s of e.steps) {
        if (!s.metric) continue;
        const want = result.years.find((x) => x.year === s.metric!.year)!.metrics[s.metric.name];
        expect(want, `${name} ${y.year}: ${s.label} names ${s.metric.name}`).toBeDefined();
        expect(s.value!.toFixed(), `${name} ${y.year}: ${s.label}`).toBe(want!.toFixed());
      }
      // Every explanation ends on the figure itself, reached by a checked '=' or named as an input.
      const last = [...e.steps].reverse().find((s) => s.value !== undefined && (s.depth ?? 0) === 0)!;
      expect(last.metric?.name).toBe(name);
      if (e.steps.some((s) => s.op !== undefined)) expect(replay(e)).toBeGreaterThan(0);
      parents += checkParts(e, result);
      // The steps come in MODEL.md's order (1 allocation, 2 need, 3 shifts, 4 spend, 5 diversion, 6 results).
      const order = e.steps.flatMap((s) => (s.kind === 'text' ? [...s.label.matchAll(/^Step (\d)/g)].map((m) => Number(m[1])) : []));
      expect(order, `${name} ${y.year}: ${order.join(', ')}`).toEqual([...order].sort((a, b) => a - b));
      explained++;
    }
  });
  return { explained, parents };
}

describe.each([...allScenarioFiles(), ...presetFiles()])('%s', (file) => {
  const { spec } = load(file);
  const result = runScenario(spec);

  it('explains every metric of every year with run\'s figures, and its arithmetic replays', () => {
    const { explained, parents } = explainEverything(result);
    expect(explained).toBeGreaterThan(50);
    // Every scenario grows need by a factor: its parts are checked.
    expect(parents).toBeGreaterThan(0);
  });
});

/** A generated scenario is valid, and explain reconciles some figure of it. */
function reconciles(data: Record<string, unknown>): void {
  const parsed = parseScenario(data);
  expect(parsed.ok).toBe(true);
  if (!parsed.ok) return;
  expect(explainEverything(runScenario(parsed.spec)).explained).toBeGreaterThan(0);
}

describe('explain, as a property', () => {
  it('every figure of random valid scenarios (every policy, any units, lags, several diversions) reconciles', () => {
    fc.assert(fc.property(scenarioArb, reconciles), { numRuns: 40 });
  }, 60_000);
});

describe('explain, as a property, with fair shares and one-off money', () => {
  it('every figure reconciles: convergence, named streams, ring-fenced pots and one-off savings included', () => {
    fc.assert(fc.property(withOneOffs, reconciles), { numRuns: 40 });
  }, 60_000);
});

describe('the command against the command: `explain --format json` and `run --format json`', () => {
  it('agree on every figure of every metric in every year of the default scenario', async () => {
    const file = join(REPO, 'scenarios', 'default.yaml');
    const run = JSON.parse((await icbsim(['run', file, '--format', 'json'])).stdout) as { units: Units; years: { year: string; metrics: Record<string, string> }[] };
    const figure = (metric: string, year: string) => run.years.find((y) => y.year === year)!.metrics[metric];
    const defs = metricDefs(load(file).spec);
    let steps = 0;
    for (const y of run.years) {
      for (const [metric, value] of Object.entries(y.metrics)) {
        const r = await icbsim(['explain', file, metric, '--year', y.year, '--format', 'json']);
        expect(r.code, `${metric} ${y.year}`).toBe(0);
        const e = JSON.parse(r.stdout) as { value: string; steps: { label: string; value?: string; metric?: string; year?: string }[] };
        expect(e.value, `${metric} ${y.year}`).toBe(value);
        for (const s of e.steps.filter((x) => x.metric !== undefined)) {
          expect(s.value, `${metric} ${y.year}: ${s.label}`).toBe(figure(s.metric!, s.year!));
          steps++;
        }
        // The text (final year: it costs a second run) heads with the same figure, every digit of it.
        if (y === run.years.at(-1)) {
          const head = (await icbsim(['explain', file, metric, '--year', y.year])).stdout.split('\n')[0]!;
          const kind = defs.find((d) => d.name === metric)!.kind;
          const figure = exactFigure(new Dec(value), kind);
          // Money with its unit around it, as a sentence writes it: £2,296.12522098m.
          const shown = kind === 'money' ? withUnit(figure, run.units) : figure;
          expect(head.slice(head.indexOf(`(${metric}), `)), metric).toBe(`(${metric}), ${y.year}: ${shown}`);
        }
      }
    }
    expect(steps).toBeGreaterThan(500);
  }, 60_000);
});

describe('explain with nothing to add up', () => {
  it('a care-shift share with no line in a care-shift category starts from nothing', () => {
    const parsed = parseScenario({ base_year: '2025/26', years: '1', allocation: { recurrent: '10', growth: '1%' }, lines: { a: { category: 'acute', spend: '10' } } });
    if (!parsed.ok) throw new Error('invalid');
    const e = explain(runScenario(parsed.spec), 'care_shift_share', '2026/27');
    expect(e.steps.map((s) => [s.label, s.value?.toFixed(), s.op])).toEqual([
      ['Step 6: the care-shift share is spend on care closer to home over all spend', undefined, undefined],
      ['Spend on care closer to home (no line is in a care-shift category)', '0', undefined],
      // Acute spend 10 × 1 (no cost growth) = 10.
      ['÷ spend', '10', '÷'],
      ['Care-shift share (to 0.01 percentage points)', '0', '='],
    ]);
  });
});

describe('explain refuses', () => {
  const { spec } = load(allScenarioFiles()[0]!);
  const result = runScenario(spec);
  it('a metric a year does not report, an unknown metric, a year outside the period', () => {
    expect(() => explain(result, 'allocation_growth', result.years[0]!.year)).toThrow(/starts in the first projection year/);
    expect(() => explain(result, 'icb_surplu', result.years[1]!.year)).toThrow(/unknown metric/);
    expect(() => explain(result, 'icb_surplus', '1999/00')).toThrow(/not in this scenario's years/);
  });
});
