/** MODEL.md step 6 and "Metric names": surpluses, care-shift share, line growth, the base year. */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

describe('surplus figures', () => {
  const r = run(
    minimal({
      years: '3',
      allocation: { recurrent: '100', growth: ['0%', '0%', '0%'], non_recurrent: { '2025/26': '10', '2027/28': '4' } },
      assumptions: { inflation: '10%' },
      lines: { a: { category: 'acute', spend: '60' }, b: { category: 'community', spend: '30' } },
      policies: [{ type: 'flat_cash', line: 'a' }],
    }),
  );
  // spend: a held at 60; b = 33, 36.3, 39.93. Need a = 66, 72.6, 79.86: gaps 6, 12.6, 19.86
  // income: 110, 100, 104, 100

  test('ICB surplus is income less spend, a deficit negative', () => {
    // P0 = 110 − 90 = 20; P1 = 100 − 93 = 7; P2 = 104 − 96.3 = 7.7; P3 = 100 − 99.93 = 0.07
    expect([0, 1, 2, 3].map((t) => r.m(t, 'icb_surplus'))).toEqual(['20', '7', '7.7', '0.07']);
    expect([0, 1, 2, 3].map((t) => r.m(t, 'spend'))).toEqual(['90', '93', '96.3', '99.93']);
  });

  test('underlying surplus strips out the year\'s non-recurrent money', () => {
    // 20 − 10 = 10; 7 − 0 = 7; 7.7 − 4 = 3.7; 0.07
    expect([0, 1, 2, 3].map((t) => r.m(t, 'underlying_surplus'))).toEqual(['10', '7', '3.7', '0.07']);
  });

  test('cumulative surplus starts in year 1 and leaves out the base year', () => {
    // 7; 7 + 7.7 = 14.7; 14.7 + 0.07 = 14.77 (the base year's 20 is not in it)
    expect([1, 2, 3].map((t) => r.m(t, 'cumulative_surplus'))).toEqual(['7', '14.7', '14.77']);
  });

  test('system surplus takes the provider gaps off the ICB surplus', () => {
    // 20 − 0; 7 − 6 = 1; 7.7 − 12.6 = −4.9; 0.07 − 19.86 = −19.79
    expect([0, 1, 2, 3].map((t) => r.m(t, 'system_surplus'))).toEqual(['20', '1', '-4.9', '-19.79']);
  });

  test('cumulative surplus goes negative once deficits outweigh surpluses', () => {
    const d = run(minimal({ allocation: { recurrent: '100', growth: '0%' }, lines: { a: { category: 'acute', spend: '99', inflation: '2%' } } }));
    // S1 = 100.98, P1 = −0.98; S2 = 102.9996, P2 = −2.9996; cumulative −0.98, −3.9796
    expect([d.m(1, 'icb_surplus'), d.m(2, 'icb_surplus')]).toEqual(['-0.98', '-2.9996']);
    expect([d.m(1, 'cumulative_surplus'), d.m(2, 'cumulative_surplus')]).toEqual(['-0.98', '-3.9796']);
  });
});

describe('care-shift share', () => {
  const lines = {
    a: { category: 'acute', spend: '60' },
    c: { category: 'community', spend: '25' },
    p: { category: 'primary', spend: '10' },
    v: { category: 'prevention', spend: '5' },
    m: { category: 'mental_health', spend: '20' },
  };

  test('by default counts community, primary and prevention', () => {
    // (25 + 10 + 5) / 120 = 1/3 → 0.3333 (4 places, half-even)
    expect(run(minimal({ lines })).m(0, 'care_shift_share')).toBe('0.3333');
  });

  test('custom categories replace the default', () => {
    // (25 + 20) / 120 = 0.375
    const r = run(minimal({ lines, care_shift: { categories: ['community', 'mental_health'] } }));
    expect(r.m(0, 'care_shift_share')).toBe('0.375');
  });

  test('is rounded half-even to four places (0.01 percentage points)', () => {
    // 1 / 800 = 0.00125 → 0.0012 (half-even; half-up would give 0.0013)
    const even = run(minimal({ lines: { a: { category: 'acute', spend: '799' }, c: { category: 'community', spend: '1' } } }));
    expect(even.m(0, 'care_shift_share')).toBe('0.0012');
    // 3 / 800 = 0.00375 → 0.0038
    const up = run(minimal({ lines: { a: { category: 'acute', spend: '797' }, c: { category: 'community', spend: '3' } } }));
    expect(up.m(0, 'care_shift_share')).toBe('0.0038');
  });

  test('moves with the spend: a left shift raises it', () => {
    const r = run(
      minimal({
        years: '1',
        lines: { a: { category: 'acute', spend: '100' }, c: { category: 'community', spend: '50' } },
        policies: [{ type: 'shift_activity', from: 'a', to: 'c', share: '10%', cost_ratio: '50%' }],
      }),
    );
    // base: 50 / 150 = 0.3333; y1: a = 90, c = 55: 55 / 145 = 0.37931... → 0.3793
    expect([r.m(0, 'care_shift_share'), r.m(1, 'care_shift_share')]).toEqual(['0.3333', '0.3793']);
  });
});

describe('line growth', () => {
  test('growth.<line> is S_t / S_{t-1} − 1, unrounded', () => {
    const r = run(
      minimal({
        years: '2',
        lines: { a: { category: 'acute', spend: '100', inflation: '3%' }, b: { category: 'community', spend: '30', inflation: '1%' } },
        policies: [{ type: 'flat_cash', line: 'a', uplift: ['0%', '1.5%'] }],
      }),
    );
    // a: 100 → 100 → 101.5: 0, 0.015. b: 30 → 30.3 → 30.603: 0.01, 0.01
    expect([r.m(1, 'growth.a'), r.m(2, 'growth.a'), r.m(1, 'growth.b'), r.m(2, 'growth.b')]).toEqual(['0', '0.015', '0.01', '0.01']);
  });

  test('a growth that does not terminate keeps the engine\'s 40 significant digits', () => {
    const r = run(minimal({ years: '1', lines: { a: { category: 'acute', spend: '3', efficiency: '0%', inflation: '1%' } } }));
    // 3 → 3.03: 3.03 / 3 − 1 = 0.01 exactly; a non-terminating case: 30 → 40 (+1/3)
    expect(r.m(1, 'growth.a')).toBe('0.01');
    const third = run(minimal({ years: '1', allocation: { recurrent: '100', growth: '0%' }, lines: { a: { category: 'acute', spend: '30', inflation: '33.33%' } } }));
    // 30 × 1.3333 = 39.999; 39.999 / 30 − 1 = 0.3333
    expect(third.m(1, 'growth.a')).toBe('0.3333');
  });
});

describe('figures a year cannot have are left out', () => {
  test('growth.<line> when the line spent nothing the year before', () => {
    const r = run(
      minimal({
        allocation: { recurrent: '100', growth: '10%' },
        lines: { a: { category: 'acute', spend: '50' }, z: { category: 'prevention', spend: '0' } },
        policies: [{ type: 'divert_growth', share: '100%', to: { z: '100%' } }],
      }),
    );
    // z: 0 in the base year, 10 in year 1 (all of ΔR1 = 10), 21 in year 2 (10 + ΔR2 = 11)
    expect(r.at(1)['growth.z']).toBeUndefined();
    expect(r.m(2, 'growth.z')).toBe('1.1'); // 21 / 10 − 1
    expect(r.m(1, 'growth.a')).toBe('0');
  });

  test('care_shift_share in a year with no spend at all', () => {
    const r = run(minimal({ lines: { a: { category: 'community', spend: '0' } } }));
    expect(r.at(0).care_shift_share).toBeUndefined();
    expect(r.m(0, 'spend')).toBe('0');
  });
});

describe('the base year', () => {
  const r = run(
    minimal({
      allocation: { recurrent: '100', growth: '5%', non_recurrent: { '2025/26': '3' } },
      lines: { a: { category: 'acute', spend: '60', inflation: '50%' }, c: { category: 'community', spend: '20' } },
      policies: [{ type: 'flat_cash', line: 'a' }],
    }),
  );

  test('reports its given figures: K = S = the given spend, G = 0, I = R0 + NR0', () => {
    expect(r.at(0)).toEqual({
      allocation: '100',
      non_recurrent: '3',
      income: '103',
      spend: '80',
      icb_surplus: '23', // 103 − 80
      underlying_surplus: '20', // 23 − 3
      system_surplus: '23', // no gaps in the base year
      care_shift_share: '0.25', // 20 / 80
      'spend.a': '60',
      'spend.c': '20',
      'need.a': '60',
      'need.c': '20',
      'gap.a': '0',
      'gap.c': '0',
    });
  });

  test('omits exactly allocation_growth, cumulative_surplus and growth.<line>, which start in year 1', () => {
    const base = Object.keys(r.at(0));
    const year1 = Object.keys(r.at(1));
    expect(year1.filter((k) => !base.includes(k)).sort()).toEqual(['allocation_growth', 'cumulative_surplus', 'growth.a', 'growth.c']);
    expect(base.filter((k) => !year1.includes(k))).toEqual([]);
  });

  test('the years are labelled base first', () => {
    expect(r.result.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28']);
  });
});
