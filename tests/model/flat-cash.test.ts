/** MODEL.md step 4, flat_cash: S_t = S_{t-1} × (1 + u_t); G_t = K_t − S_t; other lines have G = 0. */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

const twoLines = (policy: Record<string, unknown>, a: Record<string, unknown> = {}) =>
  minimal({
    allocation: { recurrent: '200', growth: '0%' },
    assumptions: { inflation: '3%' },
    lines: { a: { category: 'acute', spend: '100', ...a }, b: { category: 'community', spend: '50' } },
    policies: [{ type: 'flat_cash', line: 'a', ...policy }],
  });

describe('flat_cash', () => {
  test('with no uplift the line is held to last year\'s cash and the provider carries the gap', () => {
    const r = run(twoLines({}));
    // K_a: 100 × 1.03 = 103; 103 × 1.03 = 106.09. S_a stays 100.
    expect([r.m(1, 'need.a'), r.m(2, 'need.a')]).toEqual(['103', '106.09']);
    expect([r.m(1, 'spend.a'), r.m(2, 'spend.a')]).toEqual(['100', '100']);
    // G_a = K − S: 3, 6.09. Line b is funded in full: G_b = 0.
    expect([r.m(1, 'gap.a'), r.m(2, 'gap.a')]).toEqual(['3', '6.09']);
    expect([r.m(1, 'gap.b'), r.m(2, 'gap.b')]).toEqual(['0', '0']);
  });

  test('the system surplus is the ICB surplus less every provider gap', () => {
    const r = run(twoLines({}));
    // S_b = 50 × 1.03 = 51.5, then 53.045
    // P1 = 200 − (100 + 51.5) = 48.5; system = 48.5 − 3 = 45.5
    // P2 = 200 − (100 + 53.045) = 46.955; system = 46.955 − 6.09 = 40.865
    expect([r.m(1, 'icb_surplus'), r.m(1, 'system_surplus')]).toEqual(['48.5', '45.5']);
    expect([r.m(2, 'icb_surplus'), r.m(2, 'system_surplus')]).toEqual(['46.955', '40.865']);
    // base year: G = 0, so the system surplus is the ICB surplus: 200 − 150 = 50
    expect([r.m(0, 'icb_surplus'), r.m(0, 'system_surplus'), r.m(0, 'gap.a')]).toEqual(['50', '50', '0']);
  });

  test('a rate uplift compounds on the funded spend, not on need', () => {
    const r = run(twoLines({ uplift: '1%' }));
    // S: 100 × 1.01 = 101; 101 × 1.01 = 102.01. G: 103 − 101 = 2; 106.09 − 102.01 = 4.08
    expect([r.m(1, 'spend.a'), r.m(2, 'spend.a')]).toEqual(['101', '102.01']);
    expect([r.m(1, 'gap.a'), r.m(2, 'gap.a')]).toEqual(['2', '4.08']);
  });

  test('the uplift may differ by year', () => {
    const r = run(twoLines({ uplift: ['0%', '2%'] }));
    // S: 100, then 100 × 1.02 = 102; G2 = 106.09 − 102 = 4.09
    expect([r.m(1, 'spend.a'), r.m(2, 'spend.a'), r.m(2, 'gap.a')]).toEqual(['100', '102', '4.09']);
  });

  test('`inflation` (flat real) uplifts by the line\'s own inflation, so the gap is demand net of efficiency', () => {
    // The default inflation is 3%; line a overrides it with 4% and has 1% demand.
    const r = run(twoLines({ uplift: 'inflation' }, { inflation: '4%', demand: '1%' }));
    // K1 = 100 × 1.04 × 1.01 = 105.04; S1 = 100 × 1.04 = 104; G1 = 1.04
    // K2 = 105.04 × 1.0504 = 110.334016; S2 = 104 × 1.04 = 108.16; G2 = 2.174016
    expect([r.m(1, 'need.a'), r.m(1, 'spend.a'), r.m(1, 'gap.a')]).toEqual(['105.04', '104', '1.04']);
    expect([r.m(2, 'need.a'), r.m(2, 'spend.a'), r.m(2, 'gap.a')]).toEqual(['110.334016', '108.16', '2.174016']);
  });

  test('`inflation` follows a per-year inflation series', () => {
    const r = run(twoLines({ uplift: 'inflation' }, { inflation: { '2026/27': '2%', '2027/28': '5%' } }));
    // S1 = 100 × 1.02 = 102; S2 = 102 × 1.05 = 107.1; need grows by the same, so G = 0
    expect([r.m(1, 'spend.a'), r.m(2, 'spend.a'), r.m(2, 'gap.a')]).toEqual(['102', '107.1', '0']);
  });

  test('a gap is negative when need falls below the cash (the provider gains)', () => {
    const r = run(twoLines({}, { inflation: '0%', efficiency: '5%' }));
    // K1 = 100 × 0.95 = 95; S1 = 100; G1 = −5; P1 = 200 − (100 + 51.5) = 48.5; system = 48.5 + 5 = 53.5
    expect([r.m(1, 'gap.a'), r.m(1, 'system_surplus')]).toEqual(['-5', '53.5']);
  });
});
