import { Decimal as DecimalBase } from 'decimal.js';

/**
 * The one Decimal constructor the model uses. 40 significant digits is comfortably more than
 * MODEL.md's minimum of 34, and half-even ("banker's") rounding is the contract's rounding rule.
 * A clone keeps these settings from leaking into, or being changed by, any other user of decimal.js.
 */
export const Dec = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_EVEN,
  toExpNeg: -30,
  toExpPos: 40,
});
export type Dec = InstanceType<typeof Dec>;

export const ZERO = new Dec(0);
export const ONE = new Dec(1);
export const HUNDRED = new Dec(100);

/** Plain decimal text: no exponent, no trailing zeros, `-0` shown as `0`. */
export function decString(d: Dec): string {
  return d.isZero() ? '0' : d.toFixed();
}
