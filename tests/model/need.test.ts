/** MODEL.md step 2: K_t = K_{t-1} × (1 + inflation) × (1 + demand) × (1 − efficiency × delivery). */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

const alloc = { recurrent: '1000', growth: '0%' };

describe('need', () => {
  test('grows by inflation × demand × (1 − efficiency × delivery), compounding on the rounded figure', () => {
    const r = run(
      minimal({
        allocation: alloc,
        assumptions: { inflation: '3%', demand: '2%', efficiency: '2%', efficiency_delivery: '50%' },
        lines: { a: { category: 'acute', spend: '100' } },
      }),
    );
    // f = 1.03 × 1.02 × (1 − 0.02 × 0.5) = 1.0506 × 0.99 = 1.040094
    // K1 = 100 × 1.040094 = 104.0094
    // K2 = 104.0094 × 1.040094 = 108.1795528836 → 108.17955288 (£m: 8 places, half-even)
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['104.0094', '108.17955288']);
    // Funded in full by default: S = K, G = 0
    expect([r.m(1, 'spend.a'), r.m(2, 'spend.a')]).toEqual(['104.0094', '108.17955288']);
    expect([r.m(1, 'gap.a'), r.m(2, 'gap.a')]).toEqual(['0', '0']);
  });

  test('efficiency delivery defaults to 100%, the other drivers to 0%', () => {
    const r = run(minimal({ allocation: alloc, assumptions: { efficiency: '2%' }, lines: { a: { category: 'acute', spend: '100' } } }));
    // f = 1 × 1 × (1 − 0.02 × 1) = 0.98: K1 = 98, K2 = 96.04
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['98', '96.04']);
    const none = run(minimal({ allocation: alloc, lines: { a: { category: 'acute', spend: '100' } } }));
    expect([none.m(1, 'need.a'), none.m(2, 'need.a')]).toEqual(['100', '100']);
  });

  test('a line overrides any default; the rest still come from the assumptions', () => {
    const r = run(
      minimal({
        allocation: alloc,
        assumptions: { inflation: '3%', demand: '2%', efficiency: '2%', efficiency_delivery: '50%' },
        lines: {
          a: { category: 'acute', spend: '100' },
          b: { category: 'community', spend: '40', inflation: '5%' },
          c: { category: 'primary', spend: '10', efficiency_delivery: '0%', demand: '0%' },
        },
      }),
    );
    // b: f = 1.05 × 1.02 × 0.99 = 1.060290; K1 = 40 × 1.06029 = 42.4116
    expect(r.m(1, 'need.b')).toBe('42.4116');
    // c: f = 1.03 × 1 × (1 − 0.02 × 0) = 1.03; K1 = 10.3
    expect(r.m(1, 'need.c')).toBe('10.3');
    // a keeps the defaults: 104.0094
    expect(r.m(1, 'need.a')).toBe('104.0094');
  });

  test('drivers may differ by year, as a list or a year map, on the defaults or on a line', () => {
    const r = run(
      minimal({
        allocation: alloc,
        assumptions: { inflation: ['2%', '4%'] },
        lines: {
          a: { category: 'acute', spend: '100' },
          b: { category: 'community', spend: '50', demand: { '2026/27': '10%', '2027/28': '0%' } },
        },
      }),
    );
    // a: K1 = 100 × 1.02 = 102; K2 = 102 × 1.04 = 106.08
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['102', '106.08']);
    // b: K1 = 50 × 1.02 × 1.10 = 56.1; K2 = 56.1 × 1.04 × 1.00 = 58.344
    expect([r.m(1, 'need.b'), r.m(2, 'need.b')]).toEqual(['56.1', '58.344']);
  });

  describe('distributions run at their central value', () => {
    const one = (inflation: unknown) =>
      run(minimal({ years: '1', allocation: alloc, lines: { a: { category: 'acute', spend: '100', inflation } } })).m(1, 'need.a');

    test('normal: the mean', () => {
      // 100 × 1.03 = 103
      expect(one({ normal: ['3%', '1%'] })).toBe('103');
    });
    test('triangular: the mode, not the mean', () => {
      // mode 2%: 100 × 1.02 = 102 (the mean, (1 + 2 + 6)/3 = 3%, would give 103)
      expect(one({ triangular: ['1%', '2%', '6%'] })).toBe('102');
    });
    test('uniform: the midpoint', () => {
      // (1% + 4%) / 2 = 2.5%: 100 × 1.025 = 102.5
      expect(one({ uniform: ['1%', '4%'] })).toBe('102.5');
    });
    test('per: year changes nothing in a plain run', () => {
      expect(one({ normal: ['3%', '1%'], per: 'year' })).toBe('103');
    });
  });
});
