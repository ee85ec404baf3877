/**
 * MODEL.md "Non-recurrent streams": named streams sum to NR_t; a ring-fenced stream is spent on
 * its line in its year (RF); one-off savings (X) lower a line in their year; neither compounds;
 * underlying surplus = P_t − NR_t + RF_t − X_t.
 */
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import { minimal, run, type Data } from './helpers.js';

const base = (extra: Data): Data =>
  minimal({
    years: '3',
    allocation: { recurrent: '100', growth: '0%' },
    lines: {
      a: { category: 'acute', spend: '60', inflation: '10%' },
      c: { category: 'community', spend: '30', inflation: '10%' },
    },
    ...extra,
  });

describe('a stream tapering to zero (deficit support withdrawn over three years)', () => {
  const r = run(
    base({
      allocation: {
        recurrent: '100',
        growth: '0%',
        non_recurrent: { deficit_support: { '2025/26': '30', '2026/27': '20', '2027/28': '10' }, other: { '2026/27': '1' } },
      },
      lines: { a: { category: 'acute', spend: '60' } },
    }),
  );

  test('NR_t is the sum of the streams, and income falls as the support goes', () => {
    // NR = 30, 20 + 1, 10, 0; I = 100 + NR
    expect([0, 1, 2, 3].map((t) => r.m(t, 'non_recurrent'))).toEqual(['30', '21', '10', '0']);
    expect([0, 1, 2, 3].map((t) => r.m(t, 'income'))).toEqual(['130', '121', '110', '100']);
  });

  test('the ICB surplus falls with it; the underlying surplus does not move', () => {
    // P = I − 60 = 70, 61, 50, 40; underlying = P − NR = 40 every year
    expect([0, 1, 2, 3].map((t) => r.m(t, 'icb_surplus'))).toEqual(['70', '61', '50', '40']);
    expect([0, 1, 2, 3].map((t) => r.m(t, 'underlying_surplus'))).toEqual(['40', '40', '40', '40']);
  });

  test('each stream is a metric, and ring_fenced and non_recurrent_savings are not reported without either', () => {
    expect([0, 1, 2, 3].map((t) => r.m(t, 'non_recurrent.deficit_support'))).toEqual(['30', '20', '10', '0']);
    expect([0, 1, 2, 3].map((t) => r.m(t, 'non_recurrent.other'))).toEqual(['0', '1', '0', '0']);
    expect(r.at(1).ring_fenced).toBeUndefined();
    expect(r.at(1).non_recurrent_savings).toBeUndefined();
  });

  test('each stream is in the projection by year', () => {
    const p = r.result.projection;
    expect(p.plan.streams.map((st) => st.name)).toEqual(['deficit_support', 'other']);
    expect(p.streams[0]!.map(decString)).toEqual(['30', '20', '10', '0']);
    expect(p.streams[1]!.map(decString)).toEqual(['0', '1', '0', '0']);
  });
});

describe('a ring-fenced pot, and the year after it', () => {
  const pot = { virtual_wards: { amounts: { '2026/27': '5' }, ring_fenced: 'c' } };
  const r = run(base({ allocation: { recurrent: '100', growth: '0%', non_recurrent: pot } }));
  const without = run(base({}));

  test('in its year it is spent on its line: need and spend rise by the amount', () => {
    // K_c,1 = 30 × 1.1 = 33, plus the pot: 33 + 5 = 38
    expect([r.m(1, 'need.c'), r.m(1, 'spend.c')]).toEqual(['38', '38']);
    expect(r.m(1, 'gap.c')).toBe('0');
    expect(decString(r.result.projection.ringFenced[1]!)).toBe('5');
    // Reported in every year of a scenario with a pot, 0 where a year has none
    expect([0, 1, 2, 3].map((t) => r.m(t, 'ring_fenced'))).toEqual(['0', '5', '0', '0']);
    expect([0, 1, 2, 3].map((t) => r.m(t, 'non_recurrent_savings'))).toEqual(['0', '0', '0', '0']);
    expect(r.m(1, 'non_recurrent.virtual_wards')).toBe('5');
  });

  test('the year after builds on the line without it, so it never compounds', () => {
    // K_c,2 = 33 × 1.1 = 36.3 (not 38 × 1.1 = 41.8); K_c,3 = 36.3 × 1.1 = 39.93
    expect([r.m(2, 'spend.c'), r.m(3, 'spend.c')]).toEqual(['36.3', '39.93']);
    expect(r.m(2, 'spend.c')).toBe(without.m(2, 'spend.c'));
  });

  test('it changes the ICB surplus by nothing in its year, and the underlying surplus not at all', () => {
    // I_1 = 100 + 5; S_1 = 66 + 38 = 104 → P_1 = 1 = (100 − 99) without the pot
    expect(r.m(1, 'icb_surplus')).toBe('1');
    expect(r.m(1, 'icb_surplus')).toBe(without.m(1, 'icb_surplus'));
    // underlying = P − NR + RF = 1 − 5 + 5 = 1
    expect(r.m(1, 'underlying_surplus')).toBe('1');
  });

  test('a flat-cash line keeps its uplift path and its gap', () => {
    const flat = run(
      base({
        allocation: { recurrent: '100', growth: '0%', non_recurrent: pot },
        policies: [{ type: 'flat_cash', line: 'c', uplift: '0%' }],
      }),
    );
    // S_c,1 = 30 + 5 = 35, K_c,1 = 33 + 5 = 38, G = 38 − 35 = 3 (as without the pot: 33 − 30)
    expect([flat.m(1, 'spend.c'), flat.m(1, 'need.c'), flat.m(1, 'gap.c')]).toEqual(['35', '38', '3']);
    // S_c,2 = 30 × 1.00 = 30 (not 35); K_c,2 = 33 × 1.1 = 36.3
    expect([flat.m(2, 'spend.c'), flat.m(2, 'need.c'), flat.m(2, 'gap.c')]).toEqual(['30', '36.3', '6.3']);
  });

  test('one named for the base year adds to its reported figures; year 1 builds on the given spend', () => {
    const r0 = run(base({ allocation: { recurrent: '100', growth: '0%', non_recurrent: { pot: { amounts: { '2025/26': '4' }, ring_fenced: 'c' } } } }));
    // S_c,0 = 30 + 4 = 34; S_c,1 = 30 × 1.1 = 33
    expect([r0.m(0, 'spend.c'), r0.m(1, 'spend.c')]).toEqual(['34', '33']);
    // I_0 = 104, S_0 = 60 + 34 = 94: P_0 = 10; underlying = 10 − 4 + 4 = 10
    expect([r0.m(0, 'icb_surplus'), r0.m(0, 'underlying_surplus')]).toEqual(['10', '10']);
  });
});

describe('one-off savings on a line', () => {
  const r = run(base({ lines: { a: { category: 'acute', spend: '60', inflation: '10%', non_recurrent_savings: { '2026/27': '4' } }, c: { category: 'community', spend: '30' } } }));

  test('they lower the line in their year only', () => {
    // K_a,1 = 60 × 1.1 − 4 = 62; K_a,2 = 66 × 1.1 = 72.6 (not 62 × 1.1 = 68.2)
    expect([r.m(1, 'spend.a'), r.m(1, 'need.a')]).toEqual(['62', '62']);
    expect([r.m(2, 'spend.a'), r.m(3, 'spend.a')]).toEqual(['72.6', '79.86']);
    expect(decString(r.result.projection.savings[1]!)).toBe('4');
    expect([0, 1, 2, 3].map((t) => r.m(t, 'non_recurrent_savings'))).toEqual(['0', '4', '0', '0']);
    expect(r.m(1, 'ring_fenced')).toBe('0');
  });

  test('they flatter the ICB surplus, not the underlying surplus', () => {
    // S_1 = 62 + 30 = 92: P_1 = 8; underlying = 8 − 0 + 0 − 4 = 4 = 100 − (66 + 30)
    expect([r.m(1, 'icb_surplus'), r.m(1, 'underlying_surplus')]).toEqual(['8', '4']);
    // growth.a uses the reported figures: 62 / 60 − 1, then 72.6 / 62 − 1
    expect(r.m(2, 'growth.a')).toBe(decString(new Dec('72.6').dividedBy(62).minus(1)));
  });

  test('ring-fenced money comes first, then the saving', () => {
    const both = run(
      base({
        allocation: { recurrent: '100', growth: '0%', non_recurrent: { pot: { amounts: { '2026/27': '5' }, ring_fenced: 'a' } } },
        lines: { a: { category: 'acute', spend: '60', non_recurrent_savings: { '2026/27': '2' } }, c: { category: 'community', spend: '30' } },
      }),
    );
    // S_a,1 = 60 + 5 − 2 = 63; S_a,2 = 60; underlying_1 = (105 − 93) − 5 + 5 − 2 = 10 = 100 − 90
    expect([both.m(1, 'spend.a'), both.m(2, 'spend.a')]).toEqual(['63', '60']);
    expect(both.m(1, 'underlying_surplus')).toBe('10');
  });
});

describe('the plain year → amount map', () => {
  test('keeps working unchanged and names no streams', () => {
    const r = run(minimal({ allocation: { recurrent: '100', growth: '0%', non_recurrent: { '2026/27': '7' } } }));
    expect([r.m(1, 'non_recurrent'), r.m(1, 'income'), r.m(1, 'underlying_surplus')]).toEqual(['7', '107', '40']);
    expect(r.result.projection.plan.streams).toEqual([]);
    expect(r.result.projection.plan.oneOffSpend).toBe(false);
  });
});
