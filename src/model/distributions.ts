import { Dec } from './decimal.js';

/** Whether any rate of the scenario is a distribution (a RateSpec of kind normal, triangular or uniform). */
export function hasDistribution(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasDistribution);
  if (node === null || typeof node !== 'object' || node instanceof Dec) return false;
  const kind = (node as { kind?: unknown }).kind;
  if (kind === 'normal' || kind === 'triangular' || kind === 'uniform') return true;
  return Object.values(node).some(hasDistribution);
}

/** Said by run and report alike when --draws meets a scenario with nothing to draw. */
export const NO_DISTRIBUTION =
  'the scenario has no distributions ({normal: ...}, {triangular: ...}, {uniform: ...}): every draw gives the same figures';
