/** Scenarios for the renderer tests, as plain data (numbers as source text, as the loader gives them). */
import { parseScenario, runScenario, type RunResult } from '../../src/model/run.js';

export function result(data: Record<string, unknown>): RunResult {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`invalid test scenario: ${JSON.stringify(parsed.problems)}`);
  return runScenario(parsed.spec, 'test');
}

/**
 * Tiny ICB: allocation 100 growing 10% a year; acute (60) and community (30) needs grow 5% a year;
 * acute is held at flat cash. Every figure below is computed by hand in TINY_FIGURES.
 */
export const TINY = {
  name: 'Tiny ICB',
  units: '£m',
  base_year: '2025/26',
  years: '2',
  allocation: { recurrent: '100', growth: '10%' },
  assumptions: { inflation: '5%' },
  lines: { acute: { category: 'acute', spend: '60' }, community: { category: 'community', spend: '30' } },
  policies: [{ type: 'flat_cash', line: 'acute', uplift: '0%' }],
};

/** MODEL.md's metrics for TINY, in MODEL.md's order, worked by hand. */
export const TINY_FIGURES: Record<string, string>[] = [
  {
    // Base year: the given figures. Spend 60 + 30 = 90; surplus 100 − 90 = 10; no gap, no NR.
    allocation: '100',
    non_recurrent: '0',
    income: '100',
    spend: '90',
    icb_surplus: '10',
    underlying_surplus: '10',
    system_surplus: '10',
    care_shift_share: '0.3333', // 30 / 90 = 0.33333… → 4 places half-even
    'spend.acute': '60',
    'spend.community': '30',
    'need.acute': '60',
    'need.community': '30',
    'gap.acute': '0',
    'gap.community': '0',
  },
  {
    allocation: '110', // 100 × 1.10
    non_recurrent: '0',
    income: '110',
    allocation_growth: '0.1',
    spend: '91.5', // acute held at 60 + community 30 × 1.05 = 31.5
    icb_surplus: '18.5', // 110 − 91.5
    underlying_surplus: '18.5',
    cumulative_surplus: '18.5',
    system_surplus: '15.5', // 18.5 − acute gap 3
    care_shift_share: '0.3443', // 31.5 / 91.5 = 0.344262… → 0.3443
    'spend.acute': '60',
    'spend.community': '31.5',
    'need.acute': '63', // 60 × 1.05
    'need.community': '31.5',
    'gap.acute': '3', // 63 − 60
    'gap.community': '0',
    'growth.acute': '0', // 60 / 60 − 1
    'growth.community': '0.05', // 31.5 / 30 − 1
  },
  {
    allocation: '121', // 110 × 1.10
    non_recurrent: '0',
    income: '121',
    allocation_growth: '0.1',
    spend: '93.075', // 60 + 31.5 × 1.05 = 60 + 33.075
    icb_surplus: '27.925', // 121 − 93.075
    underlying_surplus: '27.925',
    cumulative_surplus: '46.425', // 18.5 + 27.925
    system_surplus: '21.775', // 27.925 − 6.15
    care_shift_share: '0.3554', // 33.075 / 93.075 = 0.355358… → 0.3554
    'spend.acute': '60',
    'spend.community': '33.075',
    'need.acute': '66.15', // 63 × 1.05
    'need.community': '33.075',
    'gap.acute': '6.15', // 66.15 − 60
    'gap.community': '0',
    'growth.acute': '0',
    'growth.community': '0.05', // 33.075 / 31.5 − 1
  },
];

/**
 * In deficit from the start, in £k: income 1,234,567 against spend 1,300,000.5, so the ICB is
 * 65,433.5 short every year (no growth anywhere); shown to whole £k, half-even: -65,434.
 */
export const DEFICIT_K = {
  name: 'Deficit ICB',
  units: '£k',
  base_year: '2025/26',
  years: '1',
  allocation: { recurrent: '1234567', growth: '0%' },
  lines: { acute: { category: 'acute', spend: '1300000.5', label: 'Acute trusts' } },
};
