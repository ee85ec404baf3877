/**
 * The arithmetic Monte Carlo draws run the engine on: `floatArith` with two adjustments that
 * change no formula. Reading a decimal input into a float is cached (the same Dec objects are read
 * in every draw), and comparisons ignore float noise far below a penny, so a surplus that is
 * exactly zero in decimals is not a deficit because a sum of floats came to -1e-13.
 */
import { floatArith, type Arith } from './arith.js';
import type { Dec } from './decimal.js';

/** Relative tolerance for comparisons: 1e-12 of £2bn in £ is £0.002, well below a penny. */
const REL_TOL = 1e-12;

/**
 * Half-even to a whole number, as floatArith's, without the `%` (a library call in V8): the
 * engine rounds every money figure, so this is the draws' hottest operation.
 */
export function halfEven(x: number): number {
  const f = Math.floor(x);
  const d = x - f;
  if (d !== 0.5) return d < 0.5 ? f : f + 1;
  return f % 2 === 0 ? f : f + 1;
}

/** drawArith's money: half-even to the penny, `scale` pennies to the unit (the kernel rounds with it too). */
export function roundMoney(a: number, scale: number): number {
  return halfEven(a * scale) / scale;
}

/** drawArith's comparison: -1, 0 or 1, with float noise far below a penny counted as equal. */
export function cmpDraw(a: number, b: number): number {
  const tol = REL_TOL * Math.max(Math.abs(a), Math.abs(b));
  return a < b - tol ? -1 : a > b + tol ? 1 : 0;
}

export function drawArith(pennyPlaces: number): Arith<number> {
  const base = floatArith(pennyPlaces);
  const scale = 10 ** pennyPlaces;
  const read = new WeakMap<Dec, number>();
  return {
    ...base,
    money: (a) => roundMoney(a, scale),
    share: (a) => halfEven(a * 10000) / 10000,
    of: (d) => {
      let v = read.get(d);
      if (v === undefined) {
        v = d.toNumber();
        read.set(d, v);
      }
      return v;
    },
    cmp: cmpDraw,
  };
}
