/** Money moved between £, £k and £m exactly (decimal), so scenarios in different units line up. */
import { Dec } from './decimal.js';
import type { Units } from './units.js';

const POUNDS: Record<Units, number> = { '£': 1, '£k': 1_000, '£m': 1_000_000 };

export function convertMoney(d: Dec, from: Units, to: Units): Dec {
  return from === to ? d : d.times(POUNDS[from]).dividedBy(POUNDS[to]);
}
