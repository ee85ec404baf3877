import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawStream, drawStream, moments, normalQuantile, percentile, percentilesOf, quantile } from '../../src/model/sampling.js';

describe('normalQuantile (AS241)', () => {
  it('matches published standard normal quantiles', () => {
    // Reference values: R's qnorm to 16 digits.
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.9)).toBeCloseTo(1.2815515655446004, 14);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.6448536269514729, 14);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  // (Antisymmetry is tested from p = 1e-6: below that, 1 − p itself loses the digits being compared.)
  it('is antisymmetric and increasing', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), fc.double({ min: 1e-12, max: 1 - 1e-12, noNaN: true }), (p, q) => {
        expect(normalQuantile(p)).toBeCloseTo(-normalQuantile(1 - p), 9);
        if (p < q) expect(normalQuantile(p)).toBeLessThanOrEqual(normalQuantile(q));
      }),
    );
  });
});

describe('distribution quantiles (the inverse CDFs draws sample with)', () => {
  it('triangular [0, 1, 2]: the mode at p = 0.5, and 0.5 at p = 0.125', () => {
    const d = { kind: 'triangular', min: 0, mode: 1, max: 2 } as const;
    // F(x) = x²/2 on [0, 1], so F(0.5) = 0.125 and F(1) = 0.5.
    expect(quantile(d, 0.5)).toBe(1);
    expect(quantile(d, 0.125)).toBeCloseTo(0.5, 15);
    // Upper side: 1 − F(x) = (2 − x)²/2, so F(1.5) = 0.875.
    expect(quantile(d, 0.875)).toBeCloseTo(1.5, 15);
  });

  it('triangular with the mode at an end point', () => {
    // [0, 0, 1]: 1 − F(x) = (1 − x)², so the median is 1 − √0.5.
    expect(quantile({ kind: 'triangular', min: 0, mode: 0, max: 1 }, 0.5)).toBeCloseTo(1 - Math.SQRT1_2, 15);
    // [0, 1, 1]: F(x) = x², so the median is √0.5.
    expect(quantile({ kind: 'triangular', min: 0, mode: 1, max: 1 }, 0.5)).toBeCloseTo(Math.SQRT1_2, 15);
  });

  it('uniform and normal', () => {
    expect(quantile({ kind: 'uniform', min: 0.01, max: 0.03 }, 0.25)).toBeCloseTo(0.015, 15);
    // 2.5% + 0.5% × 1.2815515655446004 = 3.1407757827723%.
    expect(quantile({ kind: 'normal', mean: 0.025, sd: 0.005 }, 0.9)).toBeCloseTo(0.031407757827723, 14);
  });

  it('zero spread gives exactly the central value at every p', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (m, p) => {
        expect(quantile({ kind: 'normal', mean: m, sd: 0 }, p)).toBe(m);
        expect(quantile({ kind: 'triangular', min: m, mode: m, max: m }, p)).toBe(m);
        expect(quantile({ kind: 'uniform', min: m, max: m }, p)).toBe(m);
      }),
    );
  });

  it('moments: triangular [0, 1, 2] has mean 1 and variance (0+4+1−0−0−2)/18 = 1/6', () => {
    const m = moments({ kind: 'triangular', min: 0, mode: 1, max: 2 });
    expect(m.mean).toBe(1);
    expect(m.sd).toBeCloseTo(Math.sqrt(1 / 6), 15);
  });
});

describe('drawStream', () => {
  it('is fixed by (seed, draw) and differs between draws and seeds', () => {
    const take = (seed: number, draw: number) => {
      const r = drawStream(seed, draw);
      return [r(), r(), r()];
    };
    expect(take(1, 0)).toEqual(take(1, 0));
    expect(take(1, 0)).not.toEqual(take(1, 1));
    expect(take(1, 0)).not.toEqual(take(2, 0));
  });

  it('gives uniforms strictly inside (0, 1) with mean 1/2 within 3 standard errors', () => {
    const n = 200_000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let k = 0; k < n / 4; k++) {
      const r = drawStream(7, k);
      for (let j = 0; j < 4; j++) {
        const u = r();
        sum += u;
        min = Math.min(min, u);
        max = Math.max(max, u);
      }
    }
    // SE of the mean of n U(0,1): √(1/12)/√n = 0.000645.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(3 * Math.sqrt(1 / 12 / n));
    expect(min).toBeGreaterThan(0);
    expect(max).toBeLessThan(1);
  });

  it('first draws of neighbouring seeds are not correlated (Pearson |r| below 4/√n)', () => {
    const n = 20_000;
    let sx = 0, sy = 0, sxy = 0, sxx = 0, syy = 0;
    for (let k = 0; k < n; k++) {
      const x = drawStream(k, 0)();
      const y = drawStream(k + 1, 0)();
      sx += x; sy += y; sxy += x * y; sxx += x * x; syy += y * y;
    }
    const r = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
    expect(Math.abs(r)).toBeLessThan(4 / Math.sqrt(n));
  });
});

describe('percentile (type 7, linear interpolation)', () => {
  it('interpolates between closest ranks', () => {
    const xs = [1, 2, 3, 4];
    // h = (n − 1)p: p = 0.5 → h = 1.5 → 2 + 0.5 × (3 − 2) = 2.5; p = 0.05 → h = 0.15 → 1.15.
    expect(percentile(xs, 0.5)).toBe(2.5);
    expect(percentile(xs, 0.05)).toBeCloseTo(1.15, 15);
    expect(percentile(xs, 0)).toBe(1);
    expect(percentile(xs, 1)).toBe(4);
    expect(percentile([7], 0.95)).toBe(7);
  });

  it('lies between the smallest and largest value and grows with p', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (xs, p, q) => {
        const s = Float64Array.from(xs).sort();
        const v = percentile(s, p);
        expect(v).toBeGreaterThanOrEqual(s[0]!);
        expect(v).toBeLessThanOrEqual(s[s.length - 1]!);
        if (p <= q) expect(v).toBeLessThanOrEqual(percentile(s, q) + 1e-9);
      }),
    );
  });
});

describe('percentilesOf (selection instead of a sort)', () => {
  const sortedPercentiles = (xs: number[], ps: number[]): number[] => {
    const sorted = Float64Array.from(xs).sort();
    return ps.map((p) => percentile(sorted, p));
  };
  // Few distinct values (ties), wide values, signed zeros: the cases where a selection could pick a different element.
  const value = fc.oneof(fc.constantFrom(0, -0, 1, -1, 0.5, 1e-8), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }));
  const ps = fc.uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }).map((xs) => [...xs].sort((a, b) => a - b));

  it('gives the very numbers (bit for bit, -0 included) a full sort and type 7 give', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), ps, (xs, p) => {
        const got = percentilesOf(Float64Array.from(xs), p);
        const want = sortedPercentiles(xs, p);
        got.forEach((g, k) => expect(Object.is(g, want[k]), `p=${p[k]}: ${g} vs ${want[k]}`).toBe(true));
      }),
      { numRuns: 500 },
    );
  });

  it('the same on columns long enough for the selection to narrow its range by a sample first (over 600)', () => {
    fc.assert(
      // No -0 here (a column with one is sorted instead): every case takes the selection.
      fc.property(fc.array(value.map((v) => (v === 0 ? 0 : v)), { minLength: 601, maxLength: 3000 }), ps, (xs, p) => {
        const got = percentilesOf(Float64Array.from(xs), p);
        const want = sortedPercentiles(xs, p);
        got.forEach((g, k) => expect(Object.is(g, want[k]), `p=${p[k]}: ${g} vs ${want[k]}`).toBe(true));
      }),
      { numRuns: 60 },
    );
  });

  it('on a Monte Carlo column: 10,000 draws of a skewed sum, the summary\'s 5th, 50th and 95th', () => {
    const s = new DrawStream();
    const xs = Array.from({ length: 10_000 }, (_, k) => {
      s.begin(3, k);
      return Math.round(quantile({ kind: 'triangular', min: -5, mode: 1, max: 20 }, s.uniform()) * 100) / 100;
    });
    expect(percentilesOf(Float64Array.from(xs), [0.05, 0.5, 0.95])).toEqual(sortedPercentiles(xs, [0.05, 0.5, 0.95]));
  });
});
