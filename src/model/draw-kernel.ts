/**
 * Monte Carlo's float path, specialised: one draw as a tight loop over a flat plan (flat-plan.ts)
 * and preallocated Float64Arrays, with no closure per operation and no object made per draw.
 *
 * It is the generic engine (engine.ts, providers.ts, the metric table's `value`s, checks.ts) run
 * on drawArith, written out by hand: the same floating-point operations in the same order, the
 * same half-even rounding to the penny, the same tolerant comparisons, so every draw's figures
 * are bit for bit the generic engine's. tests/montecarlo/draw-kernel.test.ts holds it to that on
 * generated scenarios, and pinned-output.test.ts to the bytes captured before it existed.
 *
 * A scenario the kernel cannot run exactly (a plan field, a metric or a check it does not know)
 * gets a reason from `compileDrawKernel`, and DrawRunner runs the generic engine instead.
 */
import type { Arith } from './arith.js';
import { CHECK_SIDES, checkYear, expandCheck, isMetricPattern } from './checks.js';
import { splitByLargestRemainder } from './engine.js';
import { compileFlatPlan, Unsupported, type FlatPlan } from './flat-plan.js';
import { cmpDraw, halfEven, roundMoney as money } from './float-arith.js';
import { metricDefs, metricEntry, type MetricDef } from './metrics.js';
import type { PlanTemplate } from './plan-template.js';
import { DrawStream, floatDist, quantile, type FloatDist } from './sampling.js';
import type { RateSpec, ScenarioSpec } from './schema.js';

/** What the kernel can read, one id per metric-table entry (a family's member is a second number). */
const enum M {
  Allocation, NonRecurrent, Income, AllocationGrowth, FairShareTarget, DistanceFromTarget, Convergence, Stream, Spend,
  RingFenced, Savings, IcbSurplus, Underlying, Cumulative, System, CareShare, LineSpend, LineNeed, LineGap, LineGrowth,
  ProviderIncome, ProviderCosts, ProviderSurplus, ProviderUnderlying, ProvidersSurplus, UnheldGap,
}

const SINGLE: Readonly<Record<string, M>> = {
  allocation: M.Allocation,
  non_recurrent: M.NonRecurrent,
  income: M.Income,
  allocation_growth: M.AllocationGrowth,
  fair_share_target: M.FairShareTarget,
  distance_from_target: M.DistanceFromTarget,
  convergence: M.Convergence,
  spend: M.Spend,
  ring_fenced: M.RingFenced,
  non_recurrent_savings: M.Savings,
  icb_surplus: M.IcbSurplus,
  underlying_surplus: M.Underlying,
  cumulative_surplus: M.Cumulative,
  system_surplus: M.System,
  care_shift_share: M.CareShare,
  providers_surplus: M.ProvidersSurplus,
  unheld_gap: M.UnheldGap,
};

const FAMILY: Readonly<Record<string, M>> = {
  non_recurrent: M.Stream,
  spend: M.LineSpend,
  need: M.LineNeed,
  gap: M.LineGap,
  growth: M.LineGrowth,
  provider_income: M.ProviderIncome,
  provider_costs: M.ProviderCosts,
  provider_surplus: M.ProviderSurplus,
  provider_underlying_surplus: M.ProviderUnderlying,
};

/** Families whose every member has a figure in every year from its first: a pattern rule over them expands the same way in any draw. */
const ALWAYS_DEFINED = new Set(['non_recurrent', 'spend', 'need', 'gap', 'provider_income', 'provider_costs', 'provider_surplus', 'provider_underlying_surplus']);

/** Every single metric and family the kernel reads, for the test that keeps it level with the metric table. */
export const KERNEL_METRICS = { single: Object.keys(SINGLE), family: Object.keys(FAMILY) };

const enum Side { Figure, Change, FromBase }

/** The kernel for this scenario, or the reason its draws must run on the generic engine. */
export function compileDrawKernel(
  spec: ScenarioSpec,
  seed: number,
  template: PlanTemplate,
  recorded: readonly MetricDef[],
  checkNames: readonly string[],
  arith: Arith<number>,
): DrawKernel | string {
  const flat = compileFlatPlan(template);
  if (typeof flat === 'string') return flat;
  try {
    return new DrawKernel(spec, seed, flat, recorded, checkNames, arith);
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    throw e;
  }
}

export class DrawKernel {
  private readonly f: FlatPlan;
  private readonly P: Float64Array;
  private readonly stream = new DrawStream();
  /** Distinct samples of a draw, in the order the generic sampler first meets them. */
  private readonly uniqueDist: FloatDist[] = [];
  private readonly sampled: Float64Array;
  /** params[fillPos[j]] takes sample fillSample[j]. */
  private readonly fillPos: Int32Array;
  private readonly fillSample: Int32Array;

  // The projection of one draw, rewritten by every draw.
  private readonly alloc: Float64Array;
  private readonly growthRate: Float64Array;
  private readonly conv: Float64Array;
  private readonly target: Float64Array;
  private readonly dist: Float64Array;
  private readonly income: Float64Array;
  private readonly grown: Float64Array;
  private readonly need: Float64Array;
  private readonly spend: Float64Array;
  private readonly gap: Float64Array;
  private readonly moved: Float64Array;
  private readonly spendTotal: Float64Array;
  private readonly gapTotal: Float64Array;
  private readonly surplus: Float64Array;
  private readonly underlying: Float64Array;
  private readonly cumulative: Float64Array;
  private readonly system: Float64Array;
  private readonly contractIncome: Float64Array;
  private readonly contractCost: Float64Array;
  private readonly otherIncome: Float64Array;
  private readonly otherCostsRecurrent: Float64Array;
  private readonly otherCosts: Float64Array;
  private readonly providerIncome: Float64Array;
  private readonly providerCosts: Float64Array;
  private readonly providerSurplus: Float64Array;
  private readonly providersSurplus: Float64Array;
  private readonly unheldGap: Float64Array;
  private readonly otherNet: Float64Array;
  private readonly raw: Float64Array;
  private readonly parts: Float64Array;
  private readonly remainder: Float64Array;
  private readonly order: Int32Array;

  // The metrics a draw records or its checks read: slot s holds metric (id[s], member[s]) by year.
  private readonly metricId: Int32Array;
  private readonly metricMember: Int32Array;
  private readonly metricFrom: Int32Array;
  private readonly metricSource: (Float64Array | undefined)[];
  private readonly metricOffset: Int32Array;
  private readonly mv: Float64Array;
  private readonly recordedSlot: Int32Array;

  // Concrete checks: check c applies in years checkYears[yearStart[c] ..) and has sides sideStart[c] ...
  private readonly checkSlot: Int32Array;
  private readonly yearStart: Int32Array;
  private readonly checkYears: Int32Array;
  private readonly sideStart: Int32Array;
  private readonly sideKind: Int32Array;
  private readonly sideAtLeast: Uint8Array;
  /** The limit's metric slot, or -1 for a fixed limit (sideLimit). */
  private readonly sideLimitSlot: Int32Array;
  private readonly sideLimit: Float64Array;

  constructor(
    spec: ScenarioSpec,
    private readonly seed: number,
    flat: FlatPlan,
    recorded: readonly MetricDef[],
    checkNames: readonly string[],
    private readonly arith: Arith<number>,
  ) {
    this.f = flat;
    this.P = flat.params.slice();
    const { Y, L, P } = flat;
    const yearly = (k = 1): Float64Array => new Float64Array(k * Y);

    // The generic sampler caches by the rate spec's identity: per draw, or per year for `per: year`.
    const entries = new Map<RateSpec, number>();
    const slotOf = new Map<number, number>();
    const callSample = new Int32Array(flat.calls.length);
    flat.calls.forEach(({ spec: rate, t }, c) => {
      let e = entries.get(rate);
      if (e === undefined) {
        e = entries.size;
        entries.set(rate, e);
      }
      const perYear = rate.kind !== 'fixed' && rate.per === 'year';
      if (perYear && (t < 0 || t >= 16)) throw new Unsupported(`year index ${t} is beyond the sampler's slots`);
      const key = e * 16 + (perYear ? t : 0);
      let u = slotOf.get(key);
      if (u === undefined) {
        u = this.uniqueDist.length;
        slotOf.set(key, u);
        this.uniqueDist.push(floatDist(rate));
      }
      callSample[c] = u;
    });
    this.sampled = new Float64Array(this.uniqueDist.length);
    this.fillPos = flat.fillPos;
    this.fillSample = flat.fillCall.map((c) => callSample[c]!);

    this.alloc = yearly();
    this.growthRate = yearly();
    this.conv = yearly();
    this.target = yearly();
    this.dist = yearly();
    this.income = yearly();
    this.grown = yearly(L);
    this.need = yearly(L);
    this.spend = yearly(L);
    this.gap = yearly(L);
    this.moved = yearly(flat.shiftFrom.length);
    this.spendTotal = yearly();
    this.gapTotal = yearly();
    this.surplus = yearly();
    this.underlying = yearly();
    this.cumulative = yearly();
    this.system = yearly();
    const C = flat.contractLine.length;
    this.contractIncome = yearly(C);
    this.contractCost = yearly(C);
    this.otherIncome = yearly(P);
    this.otherCostsRecurrent = yearly(P);
    this.otherCosts = yearly(P);
    this.providerIncome = yearly(P);
    this.providerCosts = yearly(P);
    this.providerSurplus = yearly(P);
    this.providersSurplus = yearly();
    this.unheldGap = yearly();
    this.otherNet = yearly();
    const maxTargets = Math.max(0, ...flat.weights.map((w) => w.length));
    this.raw = new Float64Array(maxTargets);
    this.parts = new Float64Array(maxTargets);
    this.remainder = new Float64Array(maxTargets);
    this.order = new Int32Array(maxTargets);

    // Metrics: those recorded, then those the checks read (rule and limit).
    const names = metricDefs(spec).map((d) => d.name);
    const concrete = (spec.checks ?? []).flatMap((c) => {
      if (isMetricPattern(c.metric)) {
        const family = c.metric.slice(0, -2);
        // The generic path expands a pattern over the members a draw reported: the same only where every member always reports.
        if (!ALWAYS_DEFINED.has(family)) throw new Unsupported(`a rule on ${c.metric}, whose members may report no figure`);
      }
      return expandCheck(c, names);
    });
    if (concrete.length !== checkNames.length || concrete.some((c, i) => c.name !== checkNames[i])) {
      throw new Unsupported('the checks expand differently from the draw layout');
    }
    const slots: { id: M; member: number; from: number; name: string }[] = [];
    const slot = (name: string): number => {
      const known = slots.findIndex((s) => s.name === name);
      if (known >= 0) return known;
      const found = metricEntry(spec, name);
      if (found === undefined) throw new Unsupported(`no metric ${name}`);
      const { entry, member } = found;
      const id = 'family' in entry ? FAMILY[entry.family] : SINGLE[entry.name];
      if (id === undefined) throw new Unsupported(`the specialised path has no reader for ${name}`);
      slots.push({ id, member, from: entry.fromYear, name });
      return slots.length - 1;
    };
    this.recordedSlot = Int32Array.from(recorded.map((d) => slot(d.name)));

    const labels = flat.labels;
    const checkSlot: number[] = [];
    const yearStart: number[] = [0];
    const checkYears: number[] = [];
    const sideStart: number[] = [0];
    const sideKind: number[] = [];
    const sideAtLeast: number[] = [];
    const sideLimitSlot: number[] = [];
    const sideLimit: number[] = [];
    for (const check of concrete) {
      checkSlot.push(slot(check.metric));
      const only = checkYear(check, labels);
      labels.forEach((year, t) => {
        if (check.each_year === true || only === year) checkYears.push(t);
      });
      yearStart.push(checkYears.length);
      for (const side of CHECK_SIDES) {
        const bound = check[side];
        if (bound === undefined) continue;
        sideKind.push(side === 'min' || side === 'max' ? Side.Figure : side === 'change_min' || side === 'change_max' ? Side.Change : Side.FromBase);
        sideAtLeast.push(side === 'min' || side === 'change_min' || side === 'min_change_from_base' ? 1 : 0);
        if (side === 'min_change_from_base' || side === 'max_change_from_base') {
          sideLimitSlot.push(-1);
          sideLimit.push(arith.of(bound as NonNullable<typeof check.min_change_from_base>));
        } else {
          const b = bound as NonNullable<typeof check.min>;
          sideLimitSlot.push(b.kind === 'metric' ? slot(b.metric) : -1);
          sideLimit.push(b.kind === 'metric' ? NaN : arith.of(b.value));
        }
      }
      sideStart.push(sideKind.length);
    }
    this.checkSlot = Int32Array.from(checkSlot);
    this.yearStart = Int32Array.from(yearStart);
    this.checkYears = Int32Array.from(checkYears);
    this.sideStart = Int32Array.from(sideStart);
    this.sideKind = Int32Array.from(sideKind);
    this.sideAtLeast = Uint8Array.from(sideAtLeast);
    this.sideLimitSlot = Int32Array.from(sideLimitSlot);
    this.sideLimit = Float64Array.from(sideLimit);

    this.metricId = Int32Array.from(slots.map((s) => s.id));
    this.metricMember = Int32Array.from(slots.map((s) => s.member));
    this.metricFrom = Int32Array.from(slots.map((s) => s.from));
    this.metricSource = slots.map((s) => this.source(s.id));
    // A family member's figures start at member × Y; a single metric's (member −1) at 0.
    this.metricOffset = Int32Array.from(slots.map((s) => Math.max(0, s.member) * Y));
    // Years before a metric's first stay NaN (no figure): no draw writes them.
    this.mv = new Float64Array(slots.length * Y).fill(NaN);
  }

  /** The array a metric's figures are in (member m at m × Y), or undefined for one worked out per year by `value`. */
  private source(id: M): Float64Array | undefined {
    switch (id) {
      case M.Allocation:
        return this.alloc;
      case M.NonRecurrent:
        return this.f.nonRecurrent;
      case M.Income:
        return this.income;
      case M.AllocationGrowth:
        return this.growthRate;
      case M.FairShareTarget:
        return this.target;
      case M.DistanceFromTarget:
        return this.dist;
      case M.Convergence:
        return this.conv;
      case M.Stream:
        return this.f.streamAmounts;
      case M.Spend:
        return this.spendTotal;
      case M.RingFenced:
        return this.f.ringFencedTotal;
      case M.Savings:
        return this.f.savingsTotal;
      case M.IcbSurplus:
        return this.surplus;
      case M.Underlying:
        return this.underlying;
      case M.Cumulative:
        return this.cumulative;
      case M.System:
        return this.system;
      case M.LineSpend:
        return this.spend;
      case M.LineNeed:
        return this.need;
      case M.LineGap:
        return this.gap;
      case M.ProviderIncome:
        return this.providerIncome;
      case M.ProviderCosts:
        return this.providerCosts;
      case M.ProviderSurplus:
        return this.providerSurplus;
      case M.ProvidersSurplus:
        return this.providersSurplus;
      case M.UnheldGap:
        return this.unheldGap;
      case M.CareShare:
      case M.LineGrowth:
      case M.ProviderUnderlying:
        return undefined;
    }
  }

  /** Draws [from, to): row (k − from) of `values` (metrics × years, metric-major) and of `failed`. */
  run(from: number, to: number, values: Float64Array, failed: Uint8Array): void {
    const { Y } = this.f;
    const recorded = this.recordedSlot;
    const width = recorded.length * Y;
    const nChecks = this.checkSlot.length;
    const mv = this.mv;
    for (let k = from; k < to; k++) {
      this.sample(k);
      this.project();
      this.metrics();
      const row = (k - from) * width;
      for (let j = 0; j < recorded.length; j++) {
        const s = recorded[j]! * Y;
        for (let t = 0; t < Y; t++) values[row + j * Y + t] = mv[s + t]!;
      }
      for (let c = 0; c < nChecks; c++) failed[(k - from) * nChecks + c] = this.fails(c) ? 1 : 0;
    }
  }

  /** Draw k's samples into the params, as the generic sampler and the plan template place them. */
  private sample(k: number): void {
    const P = this.P;
    const stream = this.stream;
    stream.begin(this.seed, k);
    const sampled = this.sampled;
    const dists = this.uniqueDist;
    for (let u = 0; u < dists.length; u++) sampled[u] = quantile(dists[u]!, stream.uniform());
    const { fillSample, fillPos } = this;
    for (let j = 0; j < fillPos.length; j++) P[fillPos[j]!] = sampled[fillSample[j]!]!;
  }

  /** engine.ts's project() and providers.ts's projectProviders(), on floats. */
  private project(): void {
    const f = this.f;
    const { n, Y, L, scale, oneOff } = f;
    const P = this.P;
    const { alloc, growthRate, conv, target, dist, income, grown, need, spend, gap, moved } = this;

    for (let i = 0; i < L; i++) {
      const o = i * Y;
      const s0 = f.spend0[i]!;
      grown[o] = s0;
      need[o] = s0;
      spend[o] = s0;
    }
    this.applyOneOffs(0);
    alloc[0] = f.r0;
    income[0] = f.income0;
    growthRate[0] = P[f.growth]!;
    const fs = f.fairShare;
    if (fs) {
      target[0] = fs.target0;
      dist[0] = fs.distance0;
    }
    const nShifts = f.shiftFrom.length;
    const nDiversions = f.divertShare.length;

    for (let t = 1; t <= n; t++) {
      // 1. Allocation, moved towards its fair-share target by c_t where a target is set.
      const g = P[f.growth + t]!;
      let rate = g;
      if (fs) {
        let c: number;
        if (fs.given) {
          c = P[fs.convergence + t]!;
        } else {
          const cap = P[fs.cap]!;
          const raw = 0 - P[fs.pace]! * dist[t - 1]!;
          const floor = 0 - cap;
          c = cmpDraw(raw, cap) > 0 ? cap : cmpDraw(raw, floor) < 0 ? floor : raw;
        }
        conv[t] = c;
        rate = g + c;
      }
      growthRate[t] = rate;
      const r = money(alloc[t - 1]! * (1 + rate), scale);
      alloc[t] = r;
      if (fs) {
        const tg = money(target[t - 1]! * (1 + g), scale);
        target[t] = tg;
        dist[t] = r / tg - 1;
      }
      const dR = r - alloc[t - 1]!;
      income[t] = r + f.nonRecurrent[t]!;

      // 2. Need grows by its factor; a cut line grows its uncut path.
      for (let i = 0; i < L; i++) {
        const o = i * Y + t;
        const factor = (1 + P[f.inflation[i]! + t]!) * (1 + P[f.demand[i]! + t]!) * (1 - P[f.efficiency[i]! + t]! * P[f.delivery[i]! + t]!);
        const previous = f.cutRate[i]! >= 0 ? grown[o - 1]! : need[o - 1]! - oneOff[o - 1]!;
        const v = money(previous * factor, scale);
        grown[o] = v;
        need[o] = v;
      }

      // 3. Shifts: every M_t from need after step 2, before any shift moves anything.
      for (let k = 0; k < nShifts; k++) moved[k * Y + t] = money(P[f.shiftShare[k]! + t]! * grown[f.shiftFrom[k]! * Y + t]!, scale);
      for (let k = 0; k < nShifts; k++) {
        const into = money(P[f.shiftCostRatio[k]!]! * moved[k * Y + t]!, scale);
        const to = f.shiftTo[k]! * Y + t;
        need[to] = need[to]! + into;
        const lag = f.shiftLag[k]!;
        if (t - lag >= 1) {
          const fromAt = f.shiftFrom[k]! * Y + t;
          need[fromAt] = need[fromAt]! - moved[k * Y + t - lag]!;
        }
      }

      // 4. Funded spend: in full, held to an uplift (flat cash), or cut (running costs).
      for (let i = 0; i < L; i++) {
        const o = i * Y + t;
        const up = f.uplift[i]!;
        const cut = f.cutRate[i]!;
        if (up >= 0) {
          spend[o] = money((spend[o - 1]! - oneOff[o - 1]!) * (1 + P[up + t]!), scale);
          gap[o] = need[o]! - spend[o]!;
        } else if (cut >= 0) {
          const by = f.cutBy[i]!;
          const phase = t >= by ? 1 : t / by;
          spend[o] = money(grown[o]! * (1 - P[cut]! * phase), scale);
          need[o] = spend[o]!;
        } else {
          spend[o] = need[o]!;
        }
      }

      // 5. Diversion of allocation growth, split to the penny by largest remainder.
      for (let d = 0; d < nDiversions; d++) {
        const total = money(P[f.divertShare[d]!]! * (cmpDraw(dR, 0) > 0 ? dR : 0), scale);
        this.split(d, total);
        const start = f.targetStart[d]!;
        const m = f.targetStart[d + 1]! - start;
        for (let j = 0; j < m; j++) {
          const o = f.targetLine[start + j]! * Y + t;
          const part = this.parts[j]!;
          need[o] = need[o]! + part;
          spend[o] = spend[o]! + part;
        }
      }

      this.applyOneOffs(t);
    }

    // 6. Totals are sums of the rounded parts.
    const { spendTotal, gapTotal, surplus, underlying, cumulative } = this;
    for (let t = 0; t <= n; t++) {
      let s = 0;
      let g = 0;
      for (let i = 0; i < L; i++) {
        s = s + spend[i * Y + t]!;
        g = g + gap[i * Y + t]!;
      }
      spendTotal[t] = s;
      gapTotal[t] = g;
      const p = income[t]! - s;
      surplus[t] = p;
      underlying[t] = p - f.nonRecurrent[t]! + f.ringFencedTotal[t]! - f.savingsTotal[t]!;
    }
    let sum = 0;
    for (let t = 1; t <= n; t++) {
      sum = sum + surplus[t]!;
      cumulative[t] = sum;
    }
    this.projectProviders();
    for (let t = 0; t <= n; t++) this.system[t] = surplus[t]! - gapTotal[t]! + this.otherNet[t]!;
  }

  private applyOneOffs(t: number): void {
    const { Y, L, oneOff } = this.f;
    const { need, spend } = this;
    for (let i = 0; i < L; i++) {
      const o = i * Y + t;
      const x = oneOff[o]!;
      if (x === 0) continue;
      need[o] = need[o]! + x;
      spend[o] = spend[o]! + x;
    }
  }

  /** splitByLargestRemainder into this.parts, without allocating unless the order is ambiguous. */
  private split(d: number, total: number): void {
    const f = this.f;
    const { scale } = f;
    const { raw, parts, remainder, order } = this;
    const start = f.targetStart[d]!;
    const m = f.targetStart[d + 1]! - start;
    for (let j = 0; j < m; j++) {
      const x = total * f.targetWeight[start + j]!;
      raw[j] = x;
      // floatArith's floorMoney.
      parts[j] = Math.floor(x * scale + 1e-6) / scale;
    }
    let allotted = 0;
    for (let j = 0; j < m; j++) allotted = allotted + parts[j]!;
    const left = Math.round((total - allotted) * scale);
    if (!(left > 0) || m === 0) return;
    // The generic split sorts by remainder (tolerant comparison), ties to the first listed. Where
    // that comparison is a strict order (no two remainders within tolerance unless equal), any
    // sort gives the same order; otherwise the generic split itself decides.
    for (let j = 0; j < m; j++) remainder[j] = raw[j]! - parts[j]!;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        if (cmpDraw(remainder[a]!, remainder[b]!) === 0 && remainder[a] !== remainder[b]) {
          const generic = splitByLargestRemainder(this.arith, total, f.weights[d]!);
          for (let j = 0; j < m; j++) parts[j] = generic[j]!;
          return;
        }
      }
    }
    for (let j = 0; j < m; j++) {
      let at = j;
      while (at > 0 && remainder[order[at - 1]!]! < remainder[j]!) {
        order[at] = order[at - 1]!;
        at--;
      }
      order[at] = j;
    }
    const penny = 1 / scale;
    for (let k = 0; k < left; k++) {
      const i = order[k % m]!;
      parts[i] = parts[i]! + penny;
    }
  }

  private projectProviders(): void {
    const f = this.f;
    const { n, Y, P: nP, scale } = f;
    const P = this.P;
    const { spend, need, contractIncome, contractCost, otherIncome, otherCostsRecurrent, otherCosts } = this;
    const { providerIncome, providerCosts, providerSurplus } = this;
    for (let p = 0; p < nP; p++) {
      const c0 = f.contractStart[p]!;
      const c1 = f.contractStart[p + 1]!;
      for (let q = c0; q < c1; q++) {
        const share = f.contractShare[q]!;
        const line = f.contractLine[q]! * Y;
        for (let t = 0; t <= n; t++) {
          contractIncome[q * Y + t] = money(share * spend[line + t]!, scale);
          contractCost[q * Y + t] = money(share * need[line + t]!, scale);
        }
      }
      const o = p * Y;
      otherIncome[o] = f.otherIncome0[p]!;
      otherCostsRecurrent[o] = f.otherCosts0[p]!;
      for (let t = 1; t <= n; t++) {
        otherIncome[o + t] = money(otherIncome[o + t - 1]! * (1 + P[f.otherIncomeGrowth[p]! + t]!), scale);
        const factor =
          (1 + P[f.providerInflation[p]! + t]!) * (1 + P[f.providerDemand[p]! + t]!) * (1 - P[f.providerEfficiency[p]! + t]! * P[f.providerDelivery[p]! + t]!);
        otherCostsRecurrent[o + t] = money(otherCostsRecurrent[o + t - 1]! * factor, scale);
      }
      for (let t = 0; t <= n; t++) {
        const oc = otherCostsRecurrent[o + t]! - f.providerSavings[o + t]!;
        otherCosts[o + t] = oc;
        let inc = otherIncome[o + t]!;
        let cost = oc;
        for (let q = c0; q < c1; q++) {
          inc = inc + contractIncome[q * Y + t]!;
          cost = cost + contractCost[q * Y + t]!;
        }
        providerIncome[o + t] = inc;
        providerCosts[o + t] = cost;
        providerSurplus[o + t] = inc - cost;
      }
    }
    for (let t = 0; t <= n; t++) {
      let total = 0;
      let held = 0;
      let other = 0;
      for (let p = 0; p < nP; p++) {
        total = total + providerSurplus[p * Y + t]!;
        other = other + (otherIncome[p * Y + t]! - otherCosts[p * Y + t]!);
        for (let q = f.contractStart[p]!; q < f.contractStart[p + 1]!; q++) held = held + (contractCost[q * Y + t]! - contractIncome[q * Y + t]!);
      }
      this.providersSurplus[t] = total;
      this.unheldGap[t] = this.gapTotal[t]! - held;
      this.otherNet[t] = other;
    }
  }

  /** The metric-table `value`s the draw needs, NaN where a year has no figure. */
  private metrics(): void {
    const { Y } = this.f;
    const mv = this.mv;
    for (let s = 0; s < this.metricId.length; s++) {
      const from = this.metricFrom[s]!;
      const src = this.metricSource[s];
      if (src !== undefined) {
        const off = this.metricOffset[s]!;
        for (let t = from; t < Y; t++) mv[s * Y + t] = src[off + t]!;
        continue;
      }
      const id = this.metricId[s]!;
      const member = this.metricMember[s]!;
      for (let t = from; t < Y; t++) mv[s * Y + t] = this.value(id, member, t);
    }
  }

  /** A figure worked out from the projection (the others are read from their arrays as they are). */
  private value(id: M, m: number, t: number): number {
    const { Y } = this.f;
    switch (id) {
      case M.CareShare: {
        const total = this.spendTotal[t]!;
        if (total === 0) return NaN;
        let care = 0;
        const lines = this.f.care;
        for (let k = 0; k < lines.length; k++) care = care + this.spend[lines[k]! * Y + t]!;
        return halfEven((care / total) * 10000) / 10000;
      }
      case M.LineGrowth: {
        const before = this.spend[m * Y + t - 1]!;
        return before === 0 ? NaN : this.spend[m * Y + t]! / before - 1;
      }
      case M.ProviderUnderlying:
        return this.providerSurplus[m * Y + t]! - this.f.providerSavings[m * Y + t]!;
      default:
        throw new Error(`internal: metric ${id} is read from its array`);
    }
  }

  /**
   * checks.ts's evaluateChecks for concrete check c, reduced to whether it failed. A NaN (no
   * figure) never fails, as in the generic path, where a missing figure is skipped and a NaN
   * compares equal to every limit.
   */
  private fails(c: number): boolean {
    const { Y } = this.f;
    const mv = this.mv;
    const s = this.checkSlot[c]! * Y;
    for (let y = this.yearStart[c]!; y < this.yearStart[c + 1]!; y++) {
      const t = this.checkYears[y]!;
      const value = mv[s + t]!;
      if (Number.isNaN(value)) continue;
      for (let k = this.sideStart[c]!; k < this.sideStart[c + 1]!; k++) {
        let figure: number;
        const kind = this.sideKind[k]!;
        if (kind === Side.Figure) {
          figure = value;
        } else {
          if (t === 0) continue;
          if (kind === Side.Change) {
            figure = value - mv[s + t - 1]!;
          } else {
            const base = mv[s]!;
            if (Number.isNaN(base) || base === 0) continue;
            figure = value / base - 1;
          }
          if (Number.isNaN(figure)) continue;
        }
        const ls = this.sideLimitSlot[k]!;
        const limit = ls < 0 ? this.sideLimit[k]! : mv[ls * Y + t]!;
        if (Number.isNaN(limit)) continue;
        const cmp = cmpDraw(figure, limit);
        if (this.sideAtLeast[k] === 1 ? cmp < 0 : cmp > 0) return true;
      }
    }
    return false;
  }
}
