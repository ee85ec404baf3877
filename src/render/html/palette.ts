/**
 * Colours from Paul Tol's colour-blind-safe palettes. No chart relies on colour alone: every series
 * is named in its legend, tooltips and data table, and deficits also carry a minus sign.
 */
export const CATEGORY_COLORS: Record<string, string> = {
  acute: '#CC6677',
  community: '#44AA99',
  primary: '#88CCEE',
  mental_health: '#AA4499',
  prevention: '#117733',
  social_care: '#332288',
  running: '#DDCC77',
  other: '#999933',
};

export const ICB = '#0077BB';
export const SYSTEM = '#EE7733';
export const CARE = '#009988';
export const GAP = '#CC3311';
export const NEUTRAL = '#444444';

/**
 * Providers in the system chart, in the scenario's order: Tol's muted colours, none close to the
 * ICB's blue, the system's orange or the gap's red beside them.
 */
export const PROVIDER_COLORS = ['#332288', '#117733', '#AA4499', '#999933', '#882255', '#88CCEE', '#DDCC77', '#44AA99'];

export function providerColor(i: number): string {
  return PROVIDER_COLORS[i % PROVIDER_COLORS.length]!;
}

/**
 * Scenario colours for side-by-side comparisons, in order: Tol's vibrant set, then the muted colours
 * that are not close to one of them, so up to 14 scenarios each get their own (with 8, the 9th and
 * 10th of the ten shipped scenarios repeated the 1st and 2nd).
 */
export const SCENARIO_COLORS = [
  '#0077BB', '#EE7733', '#009988', '#CC3311', '#33BBEE', '#EE3377', '#BBBBBB', '#000000',
  '#332288', '#117733', '#999933', '#882255', '#DDCC77', '#AA4499',
];

export function scenarioColor(i: number): string {
  return SCENARIO_COLORS[i % SCENARIO_COLORS.length]!;
}
