/** MODEL.md step 4, running_cost_cut: S_t = U_t × (1 − c × min(1, t / t_Y)), K = S, G = 0. */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

const cutScenario = (by: string, extra: Record<string, unknown> = {}) =>
  minimal({
    years: '3',
    allocation: { recurrent: '1000', growth: '0%' },
    lines: { a: { category: 'acute', spend: '500' }, r: { category: 'running', spend: '100', inflation: '10%' } },
    policies: [{ type: 'running_cost_cut', line: 'r', cut: '30%', by }],
    ...extra,
  });

describe('running_cost_cut', () => {
  test('phases in evenly to the full cut by year Y, then holds it', () => {
    const r = run(cutScenario('2027/28'));
    // U: 110, 121, 133.1 (10% inflation on the uncut path); t_Y = 2
    // S1 = 110 × (1 − 0.3 × 1/2) = 93.5; S2 = 121 × 0.7 = 84.7; S3 = 133.1 × 0.7 = 93.17
    expect([r.m(1, 'spend.r'), r.m(2, 'spend.r'), r.m(3, 'spend.r')]).toEqual(['93.5', '84.7', '93.17']);
  });

  test('the cut is real: need equals spend and there is no provider gap', () => {
    const r = run(cutScenario('2027/28'));
    expect([r.m(1, 'need.r'), r.m(2, 'need.r'), r.m(3, 'need.r')]).toEqual(['93.5', '84.7', '93.17']);
    expect([r.m(1, 'gap.r'), r.m(2, 'gap.r'), r.m(3, 'gap.r')]).toEqual(['0', '0', '0']);
    // ...so the saving shows in the ICB surplus and equally in the system surplus: 1000 − 500 − 93.5 = 406.5
    expect([r.m(1, 'icb_surplus'), r.m(1, 'system_surplus')]).toEqual(['406.5', '406.5']);
  });

  test('thirds: t_Y = 3', () => {
    const r = run(cutScenario('2028/29'));
    // S1 = 110 × (1 − 0.3/3) = 99; S2 = 121 × (1 − 0.2) = 96.8; S3 = 133.1 × 0.7 = 93.17
    expect([r.m(1, 'spend.r'), r.m(2, 'spend.r'), r.m(3, 'spend.r')]).toEqual(['99', '96.8', '93.17']);
  });

  test('a cut by the first projection year applies in full at once', () => {
    const r = run(cutScenario('2026/27'));
    // S1 = 110 × 0.7 = 77; S2 = 121 × 0.7 = 84.7
    expect([r.m(1, 'spend.r'), r.m(2, 'spend.r')]).toEqual(['77', '84.7']);
    // growth.r in year 1: 77 / 100 − 1 = −0.23
    expect(r.m(1, 'growth.r')).toBe('-0.23');
  });

  test('the uncut path is rounded on its own and the cut taken from it, not from last year\'s cut spend', () => {
    const r = run({
      base_year: '2025/26',
      years: '2',
      units: '£',
      allocation: { recurrent: '1000', growth: '0%' },
      lines: { r: { category: 'running', spend: '100.01', inflation: '2.5%' } },
      policies: [{ type: 'running_cost_cut', line: 'r', cut: '10%', by: '2026/27' }],
    });
    // U1 = 100.01 × 1.025 = 102.51025 → 102.51; S1 = 102.51 × 0.9 = 92.259 → 92.26
    // U2 = 102.51 × 1.025 = 105.07275 → 105.07; S2 = 105.07 × 0.9 = 94.563 → 94.56
    // (growing S instead would give 92.26 × 1.025 = 94.5665 → 94.57)
    expect([r.m(1, 'spend.r'), r.m(2, 'spend.r')]).toEqual(['92.26', '94.56']);
  });

  test('a cut given as a distribution runs at its central value', () => {
    const data = cutScenario('2026/27');
    (data.policies as Record<string, unknown>[])[0]!.cut = { uniform: ['20%', '40%'] };
    // midpoint 30%: S1 = 110 × 0.7 = 77
    expect(run(data).m(1, 'spend.r')).toBe('77');
  });
});
