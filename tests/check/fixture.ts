/**
 * The plan the check tests compute by hand. Base year 2025/26, two projection years, no
 * non-recurrent money, allocation growth 2% a year:
 *   allocation  1000 → 1020 → 1040.4
 *   acute (1%)   600 →  606 →  612.06
 *   community (5%) 200 → 210 → 220.5
 *   mental_health (2%) 150 → 153 → 156.06
 *   running (0%)  50 →   50 →   50
 *   spend       1000 → 1019 → 1038.62
 *   icb_surplus    0 →    1 →    1.78      (1020 − 1019; 1040.4 − 1038.62)
 *   care_shift_share (community / spend, 4 places):
 *     0.2 → 210/1019 = 0.20608… → 0.2061 → 220.5/1038.62 = 0.21230… → 0.2123
 */
export const PLAN = `
  name: Check ICB
  base_year: 2025/26
  years: 2
  allocation:
    recurrent: 1000
    growth: 2%
  lines:
    acute: {category: acute, spend: 600, inflation: 1%}
    community: {category: community, spend: 200, inflation: 5%}
    mental_health: {category: mental_health, spend: 150, inflation: 2%}
    running: {category: running, spend: 50}
`;

export const PLAN_DATA = {
  name: 'Check ICB',
  base_year: '2025/26',
  years: '2',
  allocation: { recurrent: '1000', growth: '2%' },
  lines: {
    acute: { category: 'acute', spend: '600', inflation: '1%' },
    community: { category: 'community', spend: '200', inflation: '5%' },
    mental_health: { category: 'mental_health', spend: '150', inflation: '2%' },
    running: { category: 'running', spend: '50' },
  },
};
