/** The cost-growth factor works each part out once per distinct rate: it must still answer every question asked. */
import { describe, expect, test } from 'vitest';
import { exactArith, floatArith } from '../../src/model/arith.js';
import { costGrowth } from '../../src/model/cost-growth.js';
import { Dec } from '../../src/model/decimal.js';
import { minimal, run } from './helpers.js';

describe('costGrowth', () => {
  test('a rate met again, alone or beside other rates, gives the factor of the rates it is asked about', () => {
    const factor = costGrowth(exactArith(8));
    const [inf, dem, eff, del] = [new Dec('0.03'), new Dec('0.02'), new Dec('0.02'), new Dec('0.5')];
    // 1.03 × 1.02 × (1 − 0.02 × 0.5) = 1.0506 × 0.99 = 1.040094
    expect(factor(inf, dem, eff, del).toFixed()).toBe('1.040094');
    expect(factor(inf, dem, eff, del).toFixed()).toBe('1.040094');
    // Demand and inflation swapped: 1.02 × 1.03 × 0.99, the same product.
    expect(factor(dem, inf, eff, del).toFixed()).toBe('1.040094');
    // The same inflation with another delivery: 1.0506 × (1 − 0.02 × 1) = 1.0506 × 0.98 = 1.029588
    expect(factor(inf, dem, eff, new Dec(1)).toFixed()).toBe('1.029588');
    // Equal values in other objects: 1.0506 × 0.99 again.
    expect(factor(new Dec('0.03'), new Dec('0.02'), new Dec('0.02'), new Dec('0.5')).toFixed()).toBe('1.040094');
    // Zero demand: 1.03 × 1 × 0.99 = 1.0197
    expect(factor(inf, new Dec(0), eff, del).toFixed()).toBe('1.0197');
  });

  test('on floats, a value met again gives its own factor', () => {
    const factor = costGrowth(floatArith(8));
    expect(factor(0.03, 0.02, 0.02, 0.5)).toBe(1.03 * 1.02 * (1 - 0.02 * 0.5));
    expect(factor(0.03, 0.04, 0.02, 0.5)).toBe(1.03 * 1.04 * (1 - 0.02 * 0.5));
    expect(factor(0.03, 0.02, 0.02, 0.5)).toBe(1.03 * 1.02 * (1 - 0.02 * 0.5));
  });

  test("lines on the scenario's assumptions and a line with its own demand each grow by their own factor", () => {
    const r = run(
      minimal({
        allocation: { recurrent: '1000', growth: '0%' },
        assumptions: { inflation: '3%', demand: '2%', efficiency: '2%', efficiency_delivery: '50%' },
        lines: {
          a: { category: 'acute', spend: '100' },
          b: { category: 'community', spend: '200' },
          c: { category: 'mental_health', spend: '100', demand: '4%' },
        },
      }),
    );
    // a and b: f = 1.03 × 1.02 × 0.99 = 1.040094: 100 → 104.0094, 200 → 208.0188
    // c: f = 1.03 × 1.04 × 0.99 = 1.0712 × 0.99 = 1.060488: 100 → 106.0488
    expect([r.m(1, 'need.a'), r.m(1, 'need.b'), r.m(1, 'need.c')]).toEqual(['104.0094', '208.0188', '106.0488']);
    // Year 2 reuses year 1's factors: 104.0094 × 1.040094 = 108.1795528836 → 108.17955288 and
    // 106.0488 × 1.060488 = 112.4634798144 → 112.46347981 (£m: 8 places, half-even)
    expect([r.m(2, 'need.a'), r.m(2, 'need.c')]).toEqual(['108.17955288', '112.46347981']);
  });
});
