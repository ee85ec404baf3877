/**
 * Spending-line categories (MODEL.md "Inputs"). Apart from schema.ts so the engine's modules load
 * without zod: Monte Carlo worker threads start faster without it.
 */
export const CATEGORIES = [
  'acute', 'community', 'primary', 'mental_health', 'prevention', 'social_care', 'running', 'other',
] as const;
export const DEFAULT_CARE_SHIFT = ['community', 'primary', 'prevention'] as const;
