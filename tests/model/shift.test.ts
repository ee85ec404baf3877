/**
 * MODEL.md step 3, shift_activity: M_t = h × K_{a,t} (after step 2); b's need rises by ρ × M_t in
 * year t; a's need falls by M_{t−L} (nothing while t − L < 1); both changes are recurrent.
 */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

const shift = (lag: string | undefined, extra: Record<string, unknown> = {}, years = '3') =>
  minimal({
    years,
    allocation: { recurrent: '200', growth: '0%' },
    lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '50' } },
    policies: [{ type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '70%', ...(lag === undefined ? {} : { lag }), ...extra }],
  });

const needs = (r: ReturnType<typeof run>, line: string, years: number) =>
  Array.from({ length: years }, (_, k) => r.m(k + 1, `need.${line}`));

describe('shift_activity', () => {
  test('lag 0 (the default): the source falls in the same year, and the change is recurrent', () => {
    const r = run(shift(undefined));
    // y1: M1 = 10% × 100 = 10; b = 50 + 0.7 × 10 = 57; a = 100 − 10 = 90
    // y2: a grows from 90 (no inflation): M2 = 9; b = 57 + 6.3 = 63.3; a = 90 − 9 = 81
    // y3: M3 = 8.1; b = 63.3 + 5.67 = 68.97; a = 81 − 8.1 = 72.9
    expect(needs(r, 'a', 3)).toEqual(['90', '81', '72.9']);
    expect(needs(r, 'b', 3)).toEqual(['57', '63.3', '68.97']);
    // Funded in full: spend follows need
    expect([r.m(1, 'spend.a'), r.m(1, 'spend.b')]).toEqual(['90', '57']);
  });

  test('lag 1: a year of double running before the source falls', () => {
    const r = run(shift('1'));
    // y1: M1 = 10; b = 57; t − L = 0 < 1, so a does not fall: 100
    // y2: M2 = 10% × 100 = 10; b = 57 + 7 = 64; a = 100 − M1 = 90
    // y3: M3 = 10% × 90 = 9; b = 64 + 6.3 = 70.3; a = 90 − M2 = 80
    expect(needs(r, 'a', 3)).toEqual(['100', '90', '80']);
    expect(needs(r, 'b', 3)).toEqual(['57', '64', '70.3']);
    // Double running shows in spend: y1 = 100 + 57 = 157 > 150
    expect(r.m(1, 'spend')).toBe('157');
  });

  test('lag 2: nothing falls until year 3, which loses year 1\'s moved need', () => {
    const r = run(shift('2'));
    // y1: M1 = 10, b = 57, a = 100; y2: M2 = 10, b = 64, a = 100 (t − L = 0)
    // y3: M3 = 10, b = 71, a = 100 − M1 = 90
    expect(needs(r, 'a', 3)).toEqual(['100', '100', '90']);
    expect(needs(r, 'b', 3)).toEqual(['57', '64', '71']);
  });

  test('a lag as long as the period never lets the source fall', () => {
    const r = run(shift('3'));
    expect(needs(r, 'a', 3)).toEqual(['100', '100', '100']);
  });

  test('moved need is taken after the source grows, and the moved activity grows with its new line', () => {
    const r = run(
      minimal({
        years: '2',
        allocation: { recurrent: '200', growth: '0%' },
        lines: { a: { category: 'acute', spend: '100', inflation: '10%' }, b: { category: 'community', spend: '50', inflation: '20%' } },
        policies: [{ type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '70%' }],
      }),
    );
    // y1: a grows to 110; M1 = 11; a = 99; b = 50 × 1.2 + 7.7 = 67.7
    // y2: a grows to 108.9; M2 = 10.89; a = 98.01; b = 67.7 × 1.2 + 7.623 = 81.24 + 7.623 = 88.863
    expect(needs(r, 'a', 2)).toEqual(['99', '98.01']);
    expect(needs(r, 'b', 2)).toEqual(['67.7', '88.863']);
  });

  test('with cost ratio 100% and lag 0, total need is unchanged', () => {
    const r = run(shift('0', { cost_ratio: '100%' }));
    // a: 90, 81, 72.9; b: 60, 69, 77.1; a + b = 150 every year
    expect(needs(r, 'a', 3)).toEqual(['90', '81', '72.9']);
    expect(needs(r, 'b', 3)).toEqual(['60', '69', '77.1']);
    expect([r.m(1, 'spend'), r.m(2, 'spend'), r.m(3, 'spend')]).toEqual(['150', '150', '150']);
  });

  test('the share may differ by year', () => {
    const r = run(shift('0', { share: ['10%', '0%', '20%'] }));
    // y1: M = 10, a = 90, b = 57; y2: nothing moves; y3: M = 18, a = 72, b = 57 + 12.6 = 69.6
    expect(needs(r, 'a', 3)).toEqual(['90', '90', '72']);
    expect(needs(r, 'b', 3)).toEqual(['57', '57', '69.6']);
  });

  test('every shift measures its source after step 2, before any shift moves need', () => {
    const r = run(
      minimal({
        years: '1',
        allocation: { recurrent: '200', growth: '0%' },
        lines: {
          a: { category: 'acute', spend: '100' },
          b: { category: 'community', spend: '50' },
          c: { category: 'primary', spend: '0' },
        },
        policies: [
          { type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '70%' },
          { type: 'shift_activity', from: 'b', to: 'c', share: '10%', cost_ratio: '100%' },
        ],
      }),
    );
    // M_ab = 10% × 100 = 10; M_bc = 10% × 50 = 5 (not 10% × 57)
    // a = 90; b = 50 + 7 − 5 = 52; c = 0 + 5 = 5
    expect([r.m(1, 'need.a'), r.m(1, 'need.b'), r.m(1, 'need.c')]).toEqual(['90', '52', '5']);
  });

  test('shifting out of a flat-cash line lowers its need, not its cash: the gap falls', () => {
    const r = run(
      minimal({
        years: '1',
        allocation: { recurrent: '200', growth: '0%' },
        lines: { a: { category: 'acute', spend: '100', inflation: '5%' }, b: { category: 'community', spend: '50' } },
        policies: [
          { type: 'flat_cash', line: 'a' },
          { type: 'shift_activity', from: 'a', to: 'b', share: '2%', cost_ratio: '50%' },
        ],
      }),
    );
    // K_a after growth 105; M = 2.1; K_a = 102.9; S_a = 100; G_a = 2.9; b = 50 + 1.05 = 51.05
    expect([r.m(1, 'need.a'), r.m(1, 'spend.a'), r.m(1, 'gap.a'), r.m(1, 'spend.b')]).toEqual(['102.9', '100', '2.9', '51.05']);
  });

  test('moved amounts are rounded to the penny as they are computed (units £)', () => {
    const r = run({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '1000', growth: '0%' },
      lines: { a: { category: 'acute', spend: '10.05' }, b: { category: 'community', spend: '0' } },
      policies: [{ type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '50%' }],
    });
    // M = 10% × 10.05 = 1.005 → 1.00 (half-even); a = 10.05 − 1 = 9.05; into b = 50% × 1.00 = 0.5
    expect([r.m(1, 'need.a'), r.m(1, 'need.b')]).toEqual(['9.05', '0.5']);
  });

  test('a source that loses more than it has goes negative, with a warning', () => {
    const r = run(shift('1', { share: '60%' }));
    // y1: M1 = 60, a = 100; y2: M2 = 60, a = 100 − 60 = 40; y3: M3 = 24, a = 40 − 60 = −20
    expect(needs(r, 'a', 3)).toEqual(['100', '40', '-20']);
    expect(r.result.warnings).toHaveLength(1);
    expect(r.result.warnings[0]).toContain('2028/29');
    expect(r.result.warnings[0]).toContain('`a`');
  });
});
