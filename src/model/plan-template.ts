/**
 * A float plan built once per scenario, whose sampled slots are overwritten for each draw.
 *
 * `buildPlan` per draw costs as much as the projection itself (labels, closures, arrays). Draws
 * only change the numbers a sampler returns, so the template runs `buildPlan` once with a sampler
 * that returns a distinct marker per call, finds where each marker landed in the plan, and a draw
 * then writes its samples into those places, calling the sampler in the very order `buildPlan`
 * does (so a draw's stream, and its figures, are the same as a fresh `buildPlan` would give).
 * If `buildPlan` ever did arithmetic on a sample (so a marker did not land intact), the template
 * says so and callers build the plan per draw instead.
 */
import type { Arith } from './arith.js';
import type { Plan, Sampler } from './plan.js';
import { buildPlan } from './plan.js';
import type { RateSpec, ScenarioSpec } from './schema.js';

/** Markers are whole numbers far below any rate or amount a scenario can hold. */
const MARKER_BASE = -(2 ** 45);

interface Slot {
  target: Record<PropertyKey, unknown>;
  key: PropertyKey;
  call: number;
}

export class PlanTemplate {
  readonly plan: Plan<number>;
  /** False when the markers could not all be found: build the plan per draw instead. */
  readonly usable: boolean;
  /** The sampler's calls in buildPlan's order: a draw samples them in this order. */
  readonly calls: { spec: RateSpec; t: number }[] = [];
  private readonly slots: Slot[] = [];

  constructor(spec: ScenarioSpec, arith: Arith<number>) {
    this.plan = buildPlan(spec, arith, (s, t) => {
      if (s.kind === 'fixed') return arith.of(s.value);
      this.calls.push({ spec: s, t });
      return MARKER_BASE - (this.calls.length - 1);
    });
    const found = new Uint8Array(this.calls.length);
    let stray = false;
    const seen = new Set<object>();
    const walk = (node: Record<PropertyKey, unknown>): void => {
      if (seen.has(node)) return;
      seen.add(node);
      for (const key of Object.keys(node)) {
        const v = node[key];
        if (typeof v === 'number') {
          const call = this.markerCall(v);
          if (call >= 0) {
            this.slots.push({ target: node, key: Array.isArray(node) ? Number(key) : key, call });
            found[call] = 1;
          } else if (v <= MARKER_BASE / 2) {
            stray = true;
          }
        } else if (v !== null && typeof v === 'object') {
          walk(v as Record<PropertyKey, unknown>);
        }
      }
    };
    walk(this.plan as unknown as Record<PropertyKey, unknown>);
    this.usable = !stray && found.every((f) => f === 1);
    // Calls in buildPlan's order; a value used in two places (a shared array) is one call.
    this.slots.sort((a, b) => a.call - b.call);
  }

  /**
   * The sampler call whose marker `v` is, or -1 for a number of the scenario's own. Only meaningful
   * before the first `fill`, while the plan still holds the markers.
   */
  markerCall(v: number): number {
    const call = MARKER_BASE - v;
    return Number.isInteger(call) && call >= 0 && call < this.calls.length ? call : -1;
  }

  /** Writes one draw's samples into the plan and returns it (the same object every time). */
  fill(sample: Sampler<number>): Plan<number> {
    let last = -1;
    let value = 0;
    for (const slot of this.slots) {
      if (slot.call !== last) {
        const c = this.calls[slot.call]!;
        value = sample(c.spec, c.t);
        last = slot.call;
      }
      slot.target[slot.key] = value;
    }
    return this.plan;
  }
}
