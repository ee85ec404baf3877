/**
 * Every policy at once in one small ICB, computed by hand in MODEL.md's order: allocation, need,
 * shifts, funded spend (flat cash, cut), diversion, results. Checks that the steps compose.
 */
import { expect, test } from 'vitest';
import { run } from './helpers.js';

const r = run({
  base_year: '2025/26',
  years: '2',
  allocation: { recurrent: '1000', growth: '5%', non_recurrent: { '2026/27': '10' } },
  assumptions: { inflation: '4%' },
  lines: {
    acute: { category: 'acute', spend: '600' },
    community: { category: 'community', spend: '200' },
    prevention: { category: 'prevention', spend: '50' },
    running: { category: 'running', spend: '50' },
  },
  policies: [
    { type: 'divert_growth', share: '40%', to: { community: '75%', prevention: '25%' } },
    { type: 'shift_activity', from: 'acute', to: 'community', share: '5%', cost_ratio: '60%', lag: '1' },
    { type: 'running_cost_cut', line: 'running', cut: '20%', by: '2027/28' },
    { type: 'flat_cash', line: 'acute', uplift: '1%' },
  ],
});

test('year 1', () => {
  // R1 = 1050, ΔR1 = 50, I1 = 1050 + 10 = 1060
  // acute: K = 600 × 1.04 = 624; M1 = 5% × 624 = 31.2, not taken out yet (lag 1); S = 600 × 1.01 = 606; G = 18
  // community: 200 × 1.04 = 208; + 60% × 31.2 = 18.72; + 75% of D1 = 40% × 50 = 20 → 15: 241.72
  // prevention: 50 × 1.04 = 52 + 5 = 57
  // running: U1 = 52; S1 = 52 × (1 − 20% × 1/2) = 46.8
  // spend = 606 + 241.72 + 57 + 46.8 = 951.52; P1 = 1060 − 951.52 = 108.48
  expect(r.at(1)).toEqual({
    allocation: '1050',
    non_recurrent: '10',
    income: '1060',
    allocation_growth: '0.05',
    spend: '951.52',
    icb_surplus: '108.48',
    underlying_surplus: '98.48', // 108.48 − 10
    cumulative_surplus: '108.48',
    system_surplus: '90.48', // 108.48 − 18
    care_shift_share: '0.3139', // (241.72 + 57) / 951.52 = 0.31393...
    'spend.acute': '606',
    'spend.community': '241.72',
    'spend.prevention': '57',
    'spend.running': '46.8',
    'need.acute': '624',
    'need.community': '241.72',
    'need.prevention': '57',
    'need.running': '46.8',
    'gap.acute': '18',
    'gap.community': '0',
    'gap.prevention': '0',
    'gap.running': '0',
    'growth.acute': '0.01',
    'growth.community': '0.2086', // 241.72 / 200 − 1
    'growth.prevention': '0.14', // 57 / 50 − 1
    'growth.running': '-0.064', // 46.8 / 50 − 1
  });
});

test('year 2', () => {
  // R2 = 1102.5, ΔR2 = 52.5, D2 = 21 → community 15.75, prevention 5.25
  // acute: K = 624 × 1.04 = 648.96; M2 = 32.448; falls by M1 = 31.2 → 617.76; S = 606 × 1.01 = 612.06; G = 5.7
  // community: 241.72 × 1.04 = 251.3888 + 60% × 32.448 = 19.4688 + 15.75 = 286.6076
  // prevention: 57 × 1.04 = 59.28 + 5.25 = 64.53
  // running: U2 = 52 × 1.04 = 54.08; S2 = 54.08 × 0.8 = 43.264
  // spend = 612.06 + 286.6076 + 64.53 + 43.264 = 1006.4616; P2 = 1102.5 − 1006.4616 = 96.0384
  const y = r.at(2);
  expect([y.allocation, y.income, y.spend, y.icb_surplus, y.underlying_surplus]).toEqual(['1102.5', '1102.5', '1006.4616', '96.0384', '96.0384']);
  expect([y.cumulative_surplus, y.system_surplus]).toEqual(['204.5184', '90.3384']); // 108.48 + 96.0384; 96.0384 − 5.7
  expect([y['need.acute'], y['spend.acute'], y['gap.acute']]).toEqual(['617.76', '612.06', '5.7']);
  expect([y['spend.community'], y['spend.prevention'], y['spend.running']]).toEqual(['286.6076', '64.53', '43.264']);
  // (286.6076 + 64.53) / 1006.4616 = 0.348883...
  expect(y.care_shift_share).toBe('0.3489');
  // 43.264 / 46.8 − 1 = −0.07555…, kept to the engine's 40 significant digits
  expect(y['growth.running']).toBe('-0.0755555555555555555555555555555555555556');
});
