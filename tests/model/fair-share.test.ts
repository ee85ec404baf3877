/**
 * MODEL.md "Fair shares": T_0 = R_0 / (1 + d_0); c_t = clamp(−π × d_{t−1}, −κ, κ) or as given;
 * R_t = R_{t−1} × (1 + g_t + c_t); T_t = T_{t−1} × (1 + g_t); d_t = R_t / T_t − 1. In £, so every
 * money figure is to 0.01.
 */
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import { minimal, problems, run, type Data } from './helpers.js';

const s = (d: Dec) => decString(d);

function fairShare(fair_share: Data, growth: unknown = '2%', years = '2'): Data {
  return minimal({ units: '£', years, allocation: { recurrent: '1000', growth, fair_share } });
}

describe('pace and cap', () => {
  // d_0 = 25%, π = 10%, κ = 2.4%, g = 2%, R_0 = £1000.
  const r = run(fairShare({ distance_from_target: '25%', pace: '10%', cap: '2.4%' }));
  const p = r.result.projection;
  const fs = p.fairShare!;

  test('the target starts at R_0 / (1 + d_0) and grows by the base growth only', () => {
    // T_0 = 1000 / 1.25 = 800; T_1 = 800 × 1.02 = 816; T_2 = 816 × 1.02 = 832.32
    expect(fs.target.map(s)).toEqual(['800', '816', '832.32']);
  });

  test('a clamped year: −π × d_0 = −2.5% is beyond the cap, so c_1 = −κ = −2.4%', () => {
    // −0.1 × 0.25 = −0.025 < −0.024
    expect(s(fs.unclamped[1]!)).toBe('-0.025');
    expect(s(p.convergence[1]!)).toBe('-0.024');
    // R_1 = 1000 × (1 + 0.02 − 0.024) = 1000 × 0.996 = 996
    expect(r.m(1, 'allocation')).toBe('996');
    // allocation_growth reports the effective rate g_1 + c_1 = 0.02 − 0.024 = −0.004
    expect(r.m(1, 'allocation_growth')).toBe('-0.004');
    expect(s(p.baseGrowth[1]!)).toBe('0.02');
  });

  test('an unclamped year: c_2 = −π × d_1, inside the cap', () => {
    // d_1 = 996 / 816 − 1 = 180 / 816 = 0.22058823529411764705882352941176470588...
    const d1 = new Dec(996).dividedBy(816).minus(1);
    expect(s(fs.distance[1]!)).toBe(s(d1));
    expect(s(fs.distance[1]!).startsWith('0.220588235294117647')).toBe(true);
    // c_2 = −0.1 × d_1 = −0.022058823529411764705882352941176470588..., above −0.024
    expect(s(p.convergence[2]!)).toBe(s(d1.times('-0.1')));
    // R_2 = 996 × (1.02 − 0.0220588235294...) = 996 × 0.9979411764705882... = 993.949411764... → 993.95
    expect(r.m(2, 'allocation')).toBe('993.95');
    // d_2 = 993.95 / 832.32 − 1 (unrounded)
    expect(s(fs.distance[2]!)).toBe(s(new Dec('993.95').dividedBy('832.32').minus(1)));
  });

  test('an ICB below target gets more than the base growth', () => {
    // d_0 = −20%: T_0 = 1000 / 0.8 = 1250; c_1 = −0.5 × −0.2 = +10%, clamped to κ = 1%
    const below = run(fairShare({ distance_from_target: '-20%', pace: '50%', cap: '1%' }, '0%', '1'));
    expect(s(below.result.projection.fairShare!.target[0]!)).toBe('1250');
    // R_1 = 1000 × (1 + 0 + 0.01) = 1010
    expect(below.m(1, 'allocation')).toBe('1010');
    expect(below.m(1, 'allocation_growth')).toBe('0.01');
  });

  test('income and the surplus build on the converged allocation', () => {
    // spend stays 60: P_1 = 996 − 60 = 936
    expect(r.m(1, 'income')).toBe('996');
    expect(r.m(1, 'icb_surplus')).toBe('936');
  });
});

describe('the fair-share metrics', () => {
  const r = run(fairShare({ distance_from_target: '25%', pace: '10%', cap: '2.4%' }));

  test('report T_t, d_t from the base year and c_t from year 1', () => {
    // T = 800, 816, 832.32; d_0 = 25% as given; c_1 = −2.4% (clamped)
    expect([0, 1, 2].map((t) => r.m(t, 'fair_share_target'))).toEqual(['800', '816', '832.32']);
    expect(r.m(0, 'distance_from_target')).toBe('0.25');
    expect(r.m(1, 'distance_from_target')).toBe(decString(new Dec(996).dividedBy(816).minus(1)));
    expect(r.m(1, 'convergence')).toBe('-0.024');
    expect(r.at(0).convergence).toBeUndefined();
  });

  test('are not reported without fair_share', () => {
    const plain = run(minimal({ units: '£', allocation: { recurrent: '1000', growth: '2%' } }));
    for (const t of [0, 1]) {
      for (const name of ['fair_share_target', 'distance_from_target', 'convergence']) expect(plain.at(t)[name]).toBeUndefined();
    }
  });
});

describe('an explicit convergence list', () => {
  // c = [−0.5%, +0.25%], g = 2%, d_0 = 5%.
  const r = run(fairShare({ distance_from_target: '5%', convergence: ['-0.5%', '0.25%'] }));
  const fs = r.result.projection.fairShare!;

  test('each year uses its given adjustment, whatever the distance', () => {
    // R_1 = 1000 × (1 + 0.02 − 0.005) = 1015; R_2 = 1015 × 1.0225 = 1037.8375 → 1037.84 (half-even)
    expect([r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['1015', '1037.84']);
    expect([r.m(1, 'allocation_growth'), r.m(2, 'allocation_growth')]).toEqual(['0.015', '0.0225']);
  });

  test('the target and distance still follow', () => {
    // T_0 = 1000 / 1.05 = 952.380952... → 952.38; T_1 = 952.38 × 1.02 = 971.4276 → 971.43
    expect(fs.target.slice(0, 2).map(s)).toEqual(['952.38', '971.43']);
    // d_0 is the given rate; d_1 = 1015 / 971.43 − 1
    expect(s(fs.distance[0]!)).toBe('0.05');
    expect(s(fs.distance[1]!)).toBe(s(new Dec(1015).dividedBy('971.43').minus(1)));
  });

  test('a convergence map by year works the same as the list', () => {
    const byYear = run(fairShare({ distance_from_target: '5%', convergence: { '2027/28': '0.25%', '2026/27': '-0.5%' } }));
    expect([byYear.m(1, 'allocation'), byYear.m(2, 'allocation')]).toEqual(['1015', '1037.84']);
  });
});

describe('pace 0% and no fair share', () => {
  test('pace 0% gives exactly the plain run', () => {
    const plain = run(minimal({ units: '£', allocation: { recurrent: '1000', growth: '2%' } }));
    const paced = run(fairShare({ distance_from_target: '8%', pace: '0%', cap: '1%' }));
    // c_t = clamp(−0 × d, ...) = 0: R_1 = 1020, R_2 = 1040.4 either way
    expect(paced.m(2, 'allocation')).toBe('1040.4');
    for (const t of [0, 1, 2]) {
      expect(paced.m(t, 'allocation')).toBe(plain.m(t, 'allocation'));
      expect(paced.m(t, 'icb_surplus')).toBe(plain.m(t, 'icb_surplus'));
    }
    expect(paced.m(1, 'allocation_growth')).toBe(plain.m(1, 'allocation_growth'));
  });

  test('without fair_share the projection has no target and no convergence', () => {
    const plain = run(minimal({ units: '£', allocation: { recurrent: '1000', growth: '2%' } }));
    expect(plain.result.projection.fairShare).toBeUndefined();
    expect(plain.result.projection.convergence.map(s)).toEqual(['0', '0', '0']);
  });
});

describe('a target of less than a penny is refused', () => {
  // T_0 is rounded to the penny; at zero every later distance R_t / T_t − 1 is 0/0 and the figures NaN.
  test.each([
    // £0.001 rounds to no allocation at all.
    ['an allocation under a penny', '0.001', '0%'],
    // T_0 = 0.01 / (1 + 500%) = 0.00166... → 0.00.
    ['a penny far above its target', '0.01', '500%'],
  ])('%s', (_what, recurrent, distance) => {
    const [p] = problems(minimal({ units: '£', allocation: { recurrent, growth: '2%', fair_share: { distance_from_target: distance, convergence: '0%' } } }));
    expect(p?.message).toMatch(/at least a penny/);
  });
});
