import { Dec } from './decimal.js';

export const UNITS = ['£', '£k', '£m'] as const;
export type Units = (typeof UNITS)[number];

/** Decimal places that make one penny in each unit: £0.01, £k 0.00001, £m 0.00000001. */
export const PENNY_PLACES: Record<Units, number> = { '£': 2, '£k': 5, '£m': 8 };

export function pennyOf(units: Units): Dec {
  return pennyAt(PENNY_PLACES[units]);
}

/** One penny when money has `places` decimal places: 10^-places, read as such (no power or division at every run). */
export function pennyAt(places: number): Dec {
  return new Dec(`1e-${places}`);
}
