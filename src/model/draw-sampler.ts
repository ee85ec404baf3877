/**
 * One Monte Carlo draw's view of the scenario's uncertain inputs, as a `Sampler<number>` for
 * `buildPlan`. A `per: draw` distribution is one uncertain quantity however many lines share it
 * (cached by the RateSpec object's identity); `per: year` takes a fresh sample for each (spec, year).
 */
import type { Sampler } from './plan.js';
import { drawStream, floatDist, quantile, type FloatDist, type Random } from './sampling.js';
import type { RateSpec } from './schema.js';

interface Entry {
  dist: FloatDist;
  perYear: boolean;
  /** Index of the first of this spec's 16 cache slots (one per year index; years ≤ 15). */
  slot: number;
}

const YEAR_SLOTS = 16;

export class DrawSampler {
  private readonly entries = new Map<RateSpec, Entry>();
  private values = new Float64Array(YEAR_SLOTS * 8);
  private stamps = new Int32Array(YEAR_SLOTS * 8);
  private stamp = 0;
  private random: Random = () => 0.5;

  /** Starts draw `draw`: forgets the previous draw's samples and opens its own stream. */
  begin(seed: number, draw: number): void {
    this.stamp++;
    this.random = drawStream(seed, draw);
  }

  readonly sample: Sampler<number> = (spec, t) => {
    let e = this.entries.get(spec);
    if (e === undefined) e = this.add(spec);
    if (e.dist.kind === 'fixed') return e.dist.value;
    const slot = e.perYear ? e.slot + t : e.slot;
    if (this.stamps[slot] === this.stamp) return this.values[slot]!;
    const v = quantile(e.dist, this.random());
    this.values[slot] = v;
    this.stamps[slot] = this.stamp;
    return v;
  };

  private add(spec: RateSpec): Entry {
    const slot = this.entries.size * YEAR_SLOTS;
    if (slot + YEAR_SLOTS > this.values.length) {
      const values = new Float64Array(this.values.length * 2);
      values.set(this.values);
      const stamps = new Int32Array(this.stamps.length * 2);
      stamps.set(this.stamps);
      this.values = values;
      this.stamps = stamps;
    }
    const e: Entry = { dist: floatDist(spec), perYear: spec.kind !== 'fixed' && spec.per === 'year', slot };
    this.entries.set(spec, e);
    return e;
  }
}
