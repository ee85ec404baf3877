import { Dec } from './decimal.js';
import { pennyAt } from './units.js';

/**
 * The arithmetic the engine is written against. The exact engine runs on decimals; Monte Carlo
 * draws run the very same engine code on binary floats, which is ~100x faster and agrees with the
 * exact run to well within a penny per £1m (tests/model/float-agreement.test.ts).
 */
export interface Arith<T> {
  readonly zero: T;
  readonly one: T;
  /** One penny in the scenario's units. */
  readonly penny: T;
  of(d: Dec): T;
  /** A whole number (a year index). */
  int(n: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  /** Half-even to the penny: every money figure passes through this as soon as it is computed. */
  money(a: T): T;
  /** Down to the penny (a ≥ 0), for the largest-remainder split. */
  floorMoney(a: T): T;
  /** A whole number of pennies, as a JS integer. */
  pennies(a: T): number;
  /** Half-even to 4 decimal places: shares are shown to 0.01 percentage points. */
  share(a: T): T;
  cmp(a: T, b: T): number;
  isZero(a: T): boolean;
  toDec(a: T): Dec;
  toNumber(a: T): number;
}

export function exactArith(pennyPlaces: number): Arith<Dec> {
  const penny = pennyAt(pennyPlaces);
  return {
    zero: new Dec(0),
    one: new Dec(1),
    penny,
    of: (d) => d,
    int: (n) => new Dec(n),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.dividedBy(b),
    money: (a) => a.toDecimalPlaces(pennyPlaces, Dec.ROUND_HALF_EVEN),
    floorMoney: (a) => a.toDecimalPlaces(pennyPlaces, Dec.ROUND_FLOOR),
    pennies: (a) => a.dividedBy(penny).toNumber(),
    share: (a) => a.toDecimalPlaces(4, Dec.ROUND_HALF_EVEN),
    cmp: (a, b) => a.comparedTo(b),
    isZero: (a) => a.isZero(),
    toDec: (a) => a,
    toNumber: (a) => a.toNumber(),
  };
}

/**
 * total + x, for a running total that starts at zero: a zero x gives the total back as it is
 * (decimal.js would copy it, same digits and sign; a total begun at +0 never becomes -0), so a sum
 * of mostly zero figures, such as the gaps of lines not held to flat cash, costs nothing for them.
 */
export function addToTotal<T>(A: Arith<T>, total: T, x: T): T {
  return A.isZero(x) ? total : A.add(total, x);
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  // Math.round sends .5 up; send exact halves to the even neighbour instead.
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function floatArith(pennyPlaces: number): Arith<number> {
  const scale = 10 ** pennyPlaces;
  return {
    zero: 0,
    one: 1,
    penny: 1 / scale,
    of: (d) => d.toNumber(),
    int: (n) => n,
    add: (a, b) => a + b,
    sub: (a, b) => a - b,
    mul: (a, b) => a * b,
    div: (a, b) => a / b,
    money: (a) => roundHalfEven(a * scale) / scale,
    // The epsilon keeps 0.29999999999 (really 0.3) from losing a penny to binary representation.
    floorMoney: (a) => Math.floor(a * scale + 1e-6) / scale,
    pennies: (a) => Math.round(a * scale),
    share: (a) => roundHalfEven(a * 10000) / 10000,
    cmp: (a, b) => (a < b ? -1 : a > b ? 1 : 0),
    isZero: (a) => a === 0,
    toDec: (a) => new Dec(a),
    toNumber: (a) => a,
  };
}
