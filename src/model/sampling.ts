/**
 * Seeded random numbers and the distributions of MODEL.md "Uncertainty".
 *
 * The generator is sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 128-bit state,
 * passes PractRand), whose state is filled by splitmix32 from (seed, draw index). Every draw has
 * its own stream, so draw k's figures depend only on the seed and k: never on which worker thread
 * ran it or how many there were. Only 32-bit integer operations (Math.imul, >>>) are used, so the
 * stream is identical on every machine.
 */
import type { RateSpec } from './schema.js';

export type Random = () => number;

/** splitmix32's finaliser: a bijective 32-bit mix (Stafford variant 13 constants, 32-bit form). */
function mix32(x: number): number {
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

/** The largest seed accepted: seeds are unsigned 32-bit integers. */
export const MAX_SEED = 0xffffffff;
export const DEFAULT_SEED = 1;

/**
 * The stream of draw `draw` under `seed`: four splitmix32 outputs seed sfc32, whose first 12
 * outputs are discarded so nearby seeds start far apart. Uniforms strictly inside (0, 1). One
 * object serves draw after draw (`begin`), so a tight loop of draws allocates nothing.
 */
export class DrawStream {
  /** sfc32's a, b, c, d: in a typed array, so a step stores no boxed number. */
  private readonly s = new Uint32Array(4);

  begin(seed: number, draw: number): void {
    let sm = (mix32(seed >>> 0) ^ Math.imul(draw >>> 0, 0x9e3779b9)) >>> 0;
    const s = this.s;
    for (let i = 0; i < 4; i++) {
      sm = (sm + 0x9e3779b9) >>> 0;
      s[i] = mix32(sm);
    }
    for (let i = 0; i < 12; i++) this.u32();
  }

  private u32(): number {
    const s = this.s;
    const a = s[0]!;
    const b = s[1]!;
    const c = s[2]!;
    const d = s[3]!;
    const t = (((a + b) >>> 0) + d) >>> 0;
    s[3] = d + 1;
    s[0] = b ^ (b >>> 9);
    s[1] = c + (c << 3);
    s[2] = ((c << 21) | (c >>> 11)) + t;
    return t;
  }

  /** (k + 0.5) / 2^32: never exactly 0 or 1, so inverse CDFs stay finite. */
  uniform(): number {
    return (this.u32() + 0.5) / 4294967296;
  }
}

/** Draw `draw`'s stream under `seed` as a function (see DrawStream). */
export function drawStream(seed: number, draw: number): Random {
  const stream = new DrawStream();
  stream.begin(seed, draw);
  return () => stream.uniform();
}

/**
 * The standard normal quantile, Wichura's algorithm AS241 (PPND16): relative error about 1e-16
 * over (0, 1). Sampling a normal by inverting its CDF uses exactly one uniform per sample, which
 * keeps every draw's stream in step whatever distributions it meets.
 */
export function normalQuantile(p: number): number {
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (
      (q *
        (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r + 67265.770927008700853) * r +
          45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r +
          133.14166789178437745) * r + 3.387132872796366608)) /
      (((((((r * 5226.495278852545925 + 28729.085735721942674) * r + 39307.89580009271061) * r +
        21213.794301586595867) * r + 5394.1960214247511077) * r + 687.1870074920579083) * r +
        42.313330701600911252) * r + 1)
    );
  }
  let r = q < 0 ? p : 1 - p;
  r = Math.sqrt(-Math.log(r));
  let x: number;
  if (r <= 5) {
    r -= 1.6;
    x =
      (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r + 0.24178072517745061177) * r +
        1.27045825245236838258) * r + 3.64784832476320460504) * r + 5.7694972214606914055) * r +
        4.6303378461565452959) * r + 1.42343711074968357734) /
      (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r + 0.0151986665636164571966) * r +
        0.14810397642748007459) * r + 0.68976733498510000455) * r + 1.6763848301838038494) * r +
        2.05319162663775882187) * r + 1);
  } else {
    r -= 5;
    x =
      (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r + 0.0012426609473880784386) * r +
        0.026532189526576123093) * r + 0.29656057182850489123) * r + 1.7848265399172913358) * r +
        5.4637849111641143699) * r + 6.6579046435011037772) /
      (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r + 1.8463183175100546818e-5) * r +
        7.868691311456132591e-4) * r + 0.0148753612908506148525) * r + 0.13692988092273580531) * r +
        0.59983220655588793769) * r + 1);
  }
  return q < 0 ? -x : x;
}

/** A distribution's parameters as binary floats, for sampling. */
export type FloatDist =
  | { kind: 'fixed'; value: number }
  | { kind: 'normal'; mean: number; sd: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'uniform'; min: number; max: number };

export function floatDist(spec: RateSpec): FloatDist {
  switch (spec.kind) {
    case 'fixed':
      return { kind: 'fixed', value: spec.value.toNumber() };
    case 'normal':
      return { kind: 'normal', mean: spec.mean.toNumber(), sd: spec.sd.toNumber() };
    case 'triangular':
      return { kind: 'triangular', min: spec.min.toNumber(), mode: spec.mode.toNumber(), max: spec.max.toNumber() };
    case 'uniform':
      return { kind: 'uniform', min: spec.min.toNumber(), max: spec.max.toNumber() };
  }
}

/**
 * The distribution's p-quantile (0 < p < 1): by inverse CDF, which is also how draws sample
 * (quantile of a uniform), so tornado's 10th/90th percentiles are the very values draws would give.
 */
export function quantile(d: FloatDist, p: number): number {
  switch (d.kind) {
    case 'fixed':
      return d.value;
    case 'normal':
      // Zero spread is exactly the mean, not mean + 0 × z, which could differ by a rounding.
      return d.sd === 0 ? d.mean : d.mean + d.sd * normalQuantile(p);
    case 'uniform':
      return d.min === d.max ? d.min : d.min + p * (d.max - d.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      if (a === b) return a;
      const width = b - a;
      return p < (c - a) / width
        ? a + Math.sqrt(p * width * (c - a))
        : b - Math.sqrt((1 - p) * width * (b - c));
    }
  }
}

/** The distribution's mean and standard deviation (for tests and the reader of a tornado chart). */
export function moments(d: FloatDist): { mean: number; sd: number } {
  switch (d.kind) {
    case 'fixed':
      return { mean: d.value, sd: 0 };
    case 'normal':
      return { mean: d.mean, sd: d.sd };
    case 'uniform':
      return { mean: (d.min + d.max) / 2, sd: (d.max - d.min) / Math.sqrt(12) };
    case 'triangular': {
      const { min: a, mode: c, max: b } = d;
      const variance = (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
      return { mean: (a + b + c) / 3, sd: Math.sqrt(variance) };
    }
  }
}

/**
 * The sample percentile used everywhere in icbsim: linear interpolation between closest ranks
 * (Hyndman & Fan type 7, the default of R, NumPy and Excel's PERCENTILE.INC). `sorted` ascending.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * `ps.map((p) => percentile(sorted, p))` for `values` not yet sorted, the very same numbers: the
 * order statistics type 7 reads are found by selection (quickselect, O(n) each) rather than a
 * full sort, which a Monte Carlo summary would otherwise do for every metric and year. `values` is
 * reordered. Selection compares with `<`, which cannot tell -0 from 0 where a typed-array sort
 * puts -0 first, so a column holding a -0 (or a NaN) is sorted as before. `ps` ascending.
 */
export function percentilesOf(values: Float64Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return ps.map(() => NaN);
  let min = values[0]!;
  let max = min;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // A NaN has no place in a selection's comparisons either; a typed-array sort puts it last.
    if ((v === 0 && 1 / v < 0) || v !== v) {
      values.sort();
      return ps.map((p) => percentile(values, p));
    }
    if (v < min) min = v;
    else if (v > max) max = v;
  }
  // Every figure the same (a figure no draw changes): each percentile is it.
  if (min === max) return ps.map(() => min);
  let from = 0;
  return ps.map((p) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const hi = Math.min(lo + 1, n - 1);
    if (lo >= from) {
      select(values, lo, from, n - 1);
      from = lo;
    }
    // After selecting lo, everything above it is at least values[lo]: hi's statistic is their least.
    let b = values[hi]!;
    if (hi > lo) {
      let at = hi;
      for (let i = hi + 1; i < n; i++) if (values[i]! < b) (b = values[i]!), (at = i);
      values[at] = values[hi]!;
      values[hi] = b;
      from = hi;
    }
    const a = values[lo]!;
    return a === b ? a : a + (h - lo) * (b - a);
  });
}

/**
 * Puts the k-th smallest of xs[left..right] at xs[k], smaller ones before it and larger after:
 * Floyd and Rivest's SELECT (CACM 1975), which first narrows the range around k by recursing on a
 * sample, so it takes about n + min(k, n − k) comparisons, not the ~3.4n of a plain quickselect
 * (the order of operations follows Vladimir Agafonkin's quickselect, ISC licence).
 */
function select(xs: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const m = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      select(xs, k, Math.max(left, Math.floor(k - (m * s) / n + sd)), Math.min(right, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = xs[k]!;
    let i = left;
    let j = right;
    swap(xs, left, k);
    if (xs[right]! > t) swap(xs, left, right);
    while (i < j) {
      swap(xs, i, j);
      i++;
      j--;
      while (xs[i]! < t) i++;
      while (xs[j]! > t) j--;
    }
    if (xs[left] === t) swap(xs, left, j);
    else swap(xs, ++j, right);
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(xs: Float64Array, i: number, j: number): void {
  const t = xs[i]!;
  xs[i] = xs[j]!;
  xs[j] = t;
}
