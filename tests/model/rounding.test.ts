/**
 * MODEL.md "Numbers": every money figure is rounded half-even to the penny as soon as it is computed,
 * later years build on the rounded figure, and totals are sums of the rounded parts.
 */
import { describe, expect, test } from 'vitest';
import { run } from './helpers.js';

const oneLine = (units: string, spend: string, inflation = '1%', years = '2') =>
  run({
    base_year: '2025/26',
    years,
    units,
    allocation: { recurrent: '1000', growth: '0%' },
    lines: { a: { category: 'acute', spend, inflation } },
  });

describe('rounding to the penny in each unit', () => {
  test('£: 2 places, half-even, later years building on the rounded figure', () => {
    const r = oneLine('£', '0.5');
    // K1 = 0.50 × 1.01 = 0.505 → 0.50 (half-even; half-up gives 0.51)
    // K2 = 0.50 × 1.01 = 0.505 → 0.50 (unrounded, 0.5 × 1.0201 = 0.51005 would give 0.51)
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['0.5', '0.5']);
  });

  test('£: a half after an odd digit rounds up', () => {
    const r = oneLine('£', '1.5');
    // K1 = 1.50 × 1.01 = 1.515 → 1.52; K2 = 1.52 × 1.01 = 1.5352 → 1.54
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['1.52', '1.54']);
  });

  test('£k: 5 places (a penny is 0.00001 £k)', () => {
    const r = oneLine('£k', '0.0005');
    // K1 = 0.0005 × 1.01 = 0.000505 → 0.00050 (half-even); K2 the same
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['0.0005', '0.0005']);
    const up = oneLine('£k', '0.0015');
    // 0.0015 × 1.01 = 0.001515 → 0.00152
    expect(up.m(1, 'need.a')).toBe('0.00152');
  });

  test('£m: 8 places (a penny is 0.00000001 £m)', () => {
    const r = oneLine('£m', '0.0000005');
    // 0.0000005 × 1.01 = 0.000000505 → 0.00000050
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['0.0000005', '0.0000005']);
    // A realistic line: 1234.56789012 × 1.027 = 1234.56789012 + 33.33333303324 = 1267.90122315324 → 1267.90122315
    expect(oneLine('£m', '1234.56789012', '2.7%').m(1, 'need.a')).toBe('1267.90122315');
  });

  test('the allocation is rounded too, and compounds from its rounded figure', () => {
    const r = run({
      base_year: '2025/26',
      years: '2',
      units: '£',
      allocation: { recurrent: '0.5', growth: '1%' },
      lines: { a: { category: 'acute', spend: '0' } },
    });
    // R1 = 0.505 → 0.50; R2 = 0.505 → 0.50
    expect([r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['0.5', '0.5']);
  });

  test('a total is the sum of its rounded parts, never a rounding of the unrounded sum', () => {
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '10', growth: '0%' },
      assumptions: { inflation: '1%' },
      lines: {
        a: { category: 'acute', spend: '0.5' },
        b: { category: 'acute', spend: '0.5' },
        c: { category: 'acute', spend: '0.5' },
      },
    });
    // each 0.505 → 0.50; spend = 1.50 (the unrounded 1.515 would round to 1.52)
    expect(r.m(1, 'spend')).toBe('1.5');
    // surplus = 10 − 1.5 = 8.5
    expect(r.m(1, 'icb_surplus')).toBe('8.5');
  });

  test('money is read from its text exactly: 0.1 + 0.2 is 0.3', () => {
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '0.3', growth: '0%' },
      lines: { a: { category: 'acute', spend: '0.1' }, b: { category: 'acute', spend: '0.2' } },
    });
    expect([r.m(0, 'spend'), r.m(0, 'icb_surplus')]).toEqual(['0.3', '0']);
  });

  test('money strings carry no trailing zeros and no exponent', () => {
    const r = oneLine('£m', '1000', '0%', '1');
    expect(r.m(1, 'need.a')).toBe('1000');
    const small = oneLine('£m', '0.00000001', '0%', '1');
    expect(small.m(1, 'need.a')).toBe('0.00000001');
  });

  test('given figures with more places than a penny are rounded half-even when read', () => {
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '100.005', growth: '0%', non_recurrent: { '2025/26': '0.015' } },
      lines: { a: { category: 'acute', spend: '0.125' }, b: { category: 'acute', spend: '0.135' } },
    });
    // R0 100.005 → 100.00; NR 0.015 → 0.02; spend 0.125 → 0.12 and 0.135 → 0.14
    expect([r.m(0, 'allocation'), r.m(0, 'non_recurrent'), r.m(0, 'spend.a'), r.m(0, 'spend.b')]).toEqual(['100', '0.02', '0.12', '0.14']);
    // income 100.02, spend 0.26: surplus 99.76
    expect([r.m(0, 'income'), r.m(0, 'spend'), r.m(0, 'icb_surplus')]).toEqual(['100.02', '0.26', '99.76']);
  });
});
