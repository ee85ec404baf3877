/**
 * MODEL.md step 2's cost-growth factor f = (1 + inflation)(1 + demand)(1 − efficiency × delivery),
 * for a line and for a provider's other costs alike.
 *
 * Lines and providers that take the scenario's `assumptions` hold the very same rate values, year
 * after year, so each part of the factor is worked out once per distinct rate rather than once
 * per line and year: decimal arithmetic is most of a run's time. The same values give the same
 * figure either way (every operation is a pure function of its operands), so nothing changes but
 * the count of operations. Decimals are matched by identity, floats by value.
 */
import type { Arith } from './arith.js';

export type CostGrowth<T> = (inflation: T, demand: T, efficiency: T, delivery: T) => T;

/** A factor function with its own memory: make one per projection. */
export function costGrowth<T>(A: Arith<T>): CostGrowth<T> {
  const onePlus = memo1((x: T) => A.add(A.one, x));
  const grown = memo2((inflation: T, demand: T) => A.mul(onePlus(inflation), onePlus(demand)));
  const kept = memo2((efficiency: T, delivery: T) => A.sub(A.one, A.mul(efficiency, delivery)));
  const factor = memo2((g: T, k: T) => A.mul(g, k));
  return (inflation, demand, efficiency, delivery) => factor(grown(inflation, demand), kept(efficiency, delivery));
}

function memo1<T>(f: (a: T) => T): (a: T) => T {
  const seen = new Map<T, T>();
  return (a) => {
    let v = seen.get(a);
    if (v === undefined) {
      v = f(a);
      seen.set(a, v);
    }
    return v;
  };
}

function memo2<T>(f: (a: T, b: T) => T): (a: T, b: T) => T {
  const seen = new Map<T, Map<T, T>>();
  return (a, b) => {
    let byB = seen.get(a);
    if (byB === undefined) {
      byB = new Map();
      seen.set(a, byB);
    }
    let v = byB.get(b);
    if (v === undefined) {
      v = f(a, b);
      byB.set(b, v);
    }
    return v;
  };
}
