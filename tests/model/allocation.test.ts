/** MODEL.md step 1: R_t = R_{t-1} × (1 + g_t); I_t = R_t + NR_t; NR does not compound. */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

describe('allocation growth', () => {
  test('one rate compounds every year', () => {
    const r = run(minimal({ allocation: { recurrent: '100', growth: '10%' } }));
    // R1 = 100 × 1.10 = 110; R2 = 110 × 1.10 = 121
    expect([r.m(0, 'allocation'), r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['100', '110', '121']);
    expect([r.m(1, 'allocation_growth'), r.m(2, 'allocation_growth')]).toEqual(['0.1', '0.1']);
    expect([r.m(1, 'income'), r.m(2, 'income')]).toEqual(['110', '121']);
  });

  test('a list gives one rate per projection year, in order, and may be negative', () => {
    const r = run(minimal({ allocation: { recurrent: '100', growth: ['3%', '-1%'] } }));
    // R1 = 100 × 1.03 = 103; R2 = 103 × 0.99 = 101.97
    expect([r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['103', '101.97']);
    expect([r.m(1, 'allocation_growth'), r.m(2, 'allocation_growth')]).toEqual(['0.03', '-0.01']);
  });

  test('a year map gives each year its own rate, whatever order it is written in', () => {
    const r = run(minimal({ allocation: { recurrent: '100', growth: { '2027/28': '4%', '2026/27': '2.5%' } } }));
    // R1 = 100 × 1.025 = 102.5; R2 = 102.5 × 1.04 = 106.6
    expect([r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['102.5', '106.6']);
    expect([r.m(1, 'allocation_growth'), r.m(2, 'allocation_growth')]).toEqual(['0.025', '0.04']);
  });

  test('a growth rate given as a distribution runs at its central value', () => {
    const r = run(minimal({ allocation: { recurrent: '100', growth: { triangular: ['0%', '2%', '10%'] } } }));
    // The mode, 2% (the mean would be 4%): R1 = 102, R2 = 104.04
    expect([r.m(1, 'allocation'), r.m(2, 'allocation')]).toEqual(['102', '104.04']);
    expect(r.m(1, 'allocation_growth')).toBe('0.02');
  });
});

describe('non-recurrent money', () => {
  const r = run(
    minimal({
      allocation: { recurrent: '100', growth: '10%', non_recurrent: { '2025/26': '5', '2026/27': '7' } },
    }),
  );

  test('counts in income in its year only and never compounds', () => {
    // R1 = 110 (not (100 + 5) × 1.1); I1 = 110 + 7 = 117; R2 = 121, I2 = 121 + 0
    expect([r.m(1, 'allocation'), r.m(1, 'non_recurrent'), r.m(1, 'income')]).toEqual(['110', '7', '117']);
    expect([r.m(2, 'allocation'), r.m(2, 'non_recurrent'), r.m(2, 'income')]).toEqual(['121', '0', '121']);
  });

  test('base-year non-recurrent money counts in base-year income', () => {
    // I0 = R0 + NR0 = 100 + 5 = 105
    expect([r.m(0, 'allocation'), r.m(0, 'non_recurrent'), r.m(0, 'income')]).toEqual(['100', '5', '105']);
  });

  test('it lifts the ICB surplus but not the underlying surplus', () => {
    // spend stays 60: P0 = 105 − 60 = 45, underlying 45 − 5 = 40
    // P1 = 117 − 60 = 57, underlying 57 − 7 = 50; P2 = 121 − 60 = 61 = underlying
    expect([r.m(0, 'icb_surplus'), r.m(0, 'underlying_surplus')]).toEqual(['45', '40']);
    expect([r.m(1, 'icb_surplus'), r.m(1, 'underlying_surplus')]).toEqual(['57', '50']);
    expect([r.m(2, 'icb_surplus'), r.m(2, 'underlying_surplus')]).toEqual(['61', '61']);
  });

  test('a negative non-recurrent sum (a repayment) reduces income that year', () => {
    const neg = run(minimal({ allocation: { recurrent: '100', growth: '0%', non_recurrent: { '2027/28': '-2.5' } } }));
    // I2 = 100 − 2.5 = 97.5; P2 = 97.5 − 60 = 37.5; underlying = 37.5 − (−2.5) = 40
    expect([neg.m(2, 'income'), neg.m(2, 'icb_surplus'), neg.m(2, 'underlying_surplus')]).toEqual(['97.5', '37.5', '40']);
  });
});
