/**
 * `explain` against `run`: for every metric of every year of every shipped scenario (and the
 * Monte Carlo fixture, which uses every policy), the explained figure is run's figure, every
 * step that names a metric shows run's figure for it, and replaying the steps' arithmetic
 * (+, −, ×, ÷, then rounding at each '=') gives every intermediate result shown.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { explain, type Explanation } from '../../src/model/explain.js';
import { runScenario } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { allScenarioFiles, load } from '../montecarlo/helpers.js';

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

describe.each(allScenarioFiles())('%s', (file) => {
  const { spec } = load(file);
  const result = runScenario(spec);

  it('explains every metric of every year with run\'s figures, and its arithmetic replays', () => {
    let explained = 0;
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
        explained++;
      }
    });
    expect(explained).toBeGreaterThan(50);
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
