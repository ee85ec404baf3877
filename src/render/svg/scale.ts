/** Axis arithmetic: a value-to-pixel map and tick values a reader can add up in their head. */

export type Scale = (v: number) => number;

export function linearScale(domain: readonly [number, number], range: readonly [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Steps of 1, 2 or 5 times a power of ten, about `count` of them, covering [min, max]. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  // A flat (or float-noise) range still needs an axis: open it around the value.
  if (!(max - min > 1e-6 * Math.max(1, Math.abs(min), Math.abs(max)))) {
    // All zero (a provider gap that never opens): an axis from 0 up, not a mirror of negative ticks.
    if (min === 0 && max === 0) return niceTicks(0, 1, count);
    const pad = Math.max(1, Math.abs(min) * 0.1);
    return niceTicks(min - pad, max + pad, count);
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10) * power;
  // Rounding to 12 significant digits stops 0.1 + 0.2 style noise reaching the labels.
  const round = (v: number): number => Number(v.toPrecision(12)) || 0;
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let i = 0; i < 60; i++) {
    const v = round(first + i * step);
    ticks.push(v);
    if (v >= max) break;
  }
  if (ticks[0]! > min) ticks.unshift(round(ticks[0]! - step));
  return ticks;
}

/** The domain a chart needs: every value, zero (bars start there), and a reference line if any. */
export function extent(values: readonly (number | null | undefined)[], include: readonly number[] = [0]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of [...values, ...include]) {
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return lo === Infinity ? [0, 1] : [lo, hi];
}
