/**
 * The projection, step by step in the order of ../shared/MODEL.md ("One projection year t").
 * Written once against Arith<T> so the exact run (decimals) and Monte Carlo draws (floats) share it.
 */
import { addToTotal, type Arith } from './arith.js';
import type { Plan } from './plan.js';
import { costGrowth } from './cost-growth.js';
import { projectProviders, type ProvidersProjection } from './providers.js';

export interface LineTrace<T> {
  /** f_{i,t}: the cost-growth factor. */
  factor: T[];
  /** K after step 2 (need grown by its factor), before shifts; for a cut line, U (its uncut path). */
  grown: T[];
  /** Need moved in by shifts in year t (ρ × M_t). */
  shiftedIn: T[];
  /** Need moved out by shifts in year t (M_{t−L}). */
  shiftedOut: T[];
  /** Growth diverted to this line in year t. */
  diverted: T[];
  /** K: the cost of meeting demand. */
  need: T[];
  /** S: what the ICB pays. */
  spend: T[];
  /** G = K − S: pressure left with the provider (flat-cash lines only). */
  gap: T[];
  /** RF_{i,t}: ring-fenced money spent on this line in year t (in need and spend, never carried on). */
  ringFenced: T[];
  /** X_{i,t}: one-off savings taken off this line in year t (likewise never carried on). */
  savings: T[];
}

/** MODEL.md "Fair shares", year by year. */
export interface FairShareTrace<T> {
  /** T_t: the fair-share target. */
  target: T[];
  /** d_t: the distance from target (d_0 as given). */
  distance: T[];
  /** −π × d_{t−1} before the clamp to ±κ (pace and cap only; zero in the base year). */
  unclamped: T[];
}

export interface Projection<T> {
  plan: Plan<T>;
  allocation: T[];
  /** ΔR_t = R_t − R_{t−1} (zero in the base year). */
  allocationGrowth: T[];
  /** g_t: the base growth rate (zero in the base year). */
  baseGrowth: T[];
  /** c_t: the fair-share convergence adjustment (zero in the base year, and without fair_share). */
  convergence: T[];
  /** g_t + c_t: the rate the recurrent allocation actually grew by (`allocation_growth`). */
  growthRate: T[];
  fairShare?: FairShareTrace<T>;
  income: T[];
  /** NR_t of each named stream, by stream (plan order) then year. */
  streams: T[][];
  /** RF_t: ring-fenced money spent, summed over lines. */
  ringFenced: T[];
  /** X_t: one-off savings, summed over lines. */
  savings: T[];
  /** M_t for each shift, by shift then year. */
  moved: T[][];
  /** D_t for each diversion, by diversion then year. */
  diverted: T[][];
  lines: LineTrace<T>[];
  spend: T[];
  gap: T[];
  surplus: T[];
  /** P_t − NR_t + RF_t − X_t: recurrent income less recurrent spend. */
  underlying: T[];
  /** The providers as organisations, from the lines' reported figures (all zero-length without providers). */
  providers: ProvidersProjection<T>;
  /** P_t − Σ_i G_{i,t} + Σ_p (O_{p,t} − C_{p,t}): the ICB and its providers together. */
  systemSurplus: T[];
  /** Figures the user should look at: negative need, a line funded below zero. */
  warnings: string[];
}

export function project<T>(plan: Plan<T>, A: Arith<T>): Projection<T> {
  const { n, lines } = plan;
  const zeros = (): T[] => new Array<T>(n + 1).fill(A.zero);
  const trace: LineTrace<T>[] = lines.map((l) => ({
    factor: zeros(),
    grown: [l.spend0, ...new Array<T>(n).fill(A.zero)],
    shiftedIn: zeros(),
    shiftedOut: zeros(),
    diverted: zeros(),
    need: [l.spend0, ...new Array<T>(n).fill(A.zero)],
    spend: [l.spend0, ...new Array<T>(n).fill(A.zero)],
    gap: zeros(),
    ringFenced: zeros(),
    savings: [...l.savings],
  }));
  // Ring-fenced money is spent on its line in its year, on top of whatever the line would spend.
  for (const st of plan.streams) {
    if (st.ringFenced === undefined) continue;
    const tr = trace[st.ringFenced]!;
    for (let t = 0; t <= n; t++) tr.ringFenced[t] = A.add(tr.ringFenced[t]!, st.amounts[t]!);
  }
  // One-off items change a year's reported figures only; `recurrent` takes them out again so the
  // next year builds on the figures without them and they never compound. Most plans have none
  // (no ring-fenced stream, no one-off saving): every one-off figure is then zero, and adding or
  // taking away zero gives the very figure back (each has at most 40 digits, the precision), so
  // those operations, a fifth of a run's decimal arithmetic, are skipped.
  const oneOffs = plan.oneOffSpend;
  const oneOff = (tr: LineTrace<T>, t: number): T => A.sub(tr.ringFenced[t]!, tr.savings[t]!);
  const applyOneOffs = (t: number): void => {
    if (!oneOffs) return;
    for (const tr of trace) {
      const o = oneOff(tr, t);
      if (A.isZero(o)) continue;
      tr.need[t] = A.add(tr.need[t]!, o);
      tr.spend[t] = A.add(tr.spend[t]!, o);
    }
  };
  const recurrent = (figures: T[], tr: LineTrace<T>, t: number): T => (oneOffs ? A.sub(figures[t]!, oneOff(tr, t)) : figures[t]!);
  applyOneOffs(0);

  const allocation = [plan.r0];
  const allocationGrowth = [A.zero];
  const baseGrowth = [...plan.growth];
  const convergence = zeros();
  const growthRate = [...plan.growth];
  const fs = plan.fairShare;
  let fairShare: FairShareTrace<T> | undefined;
  if (fs) {
    // T_0 = R_0 / (1 + d_0), to the penny.
    fairShare = { target: [A.money(A.div(plan.r0, A.add(A.one, fs.distance0)))], distance: [fs.distance0], unclamped: zeros() };
  }
  const income = [A.money(A.add(plan.r0, plan.nonRecurrent[0]!))];
  const moved = plan.shifts.map(() => zeros());
  const diverted = plan.diversions.map(() => zeros());
  const warnings: string[] = [];
  const factor = costGrowth(A);

  for (let t = 1; t <= n; t++) {
    // 1. Allocation, moved towards its fair-share target by c_t where a target is set.
    if (fs && fairShare) {
      let c: T;
      if (fs.rule.kind === 'given') {
        c = fs.rule.convergence[t]!;
      } else {
        const { pace, cap } = fs.rule;
        const raw = A.sub(A.zero, A.mul(pace, fairShare.distance[t - 1]!));
        fairShare.unclamped[t] = raw;
        const floor = A.sub(A.zero, cap);
        c = A.cmp(raw, cap) > 0 ? cap : A.cmp(raw, floor) < 0 ? floor : raw;
      }
      convergence[t] = c;
      growthRate[t] = A.add(plan.growth[t]!, c);
    }
    const r = A.money(A.mul(allocation[t - 1]!, A.add(A.one, growthRate[t]!)));
    allocation.push(r);
    if (fairShare) {
      const target = A.money(A.mul(fairShare.target[t - 1]!, A.add(A.one, plan.growth[t]!)));
      fairShare.target.push(target);
      fairShare.distance.push(A.sub(A.div(r, target), A.one));
    }
    const dR = A.sub(r, allocation[t - 1]!);
    allocationGrowth.push(dR);
    income.push(A.add(r, plan.nonRecurrent[t]!));

    // 2. Need grows by inflation × demand × (1 − efficiency × delivery). A cut line grows its uncut path.
    lines.forEach((l, i) => {
      const tr = trace[i]!;
      const f = factor(l.inflation[t]!, l.demand[t]!, l.efficiency[t]!, l.delivery[t]!);
      tr.factor[t] = f;
      const previous = l.cut ? tr.grown[t - 1]! : recurrent(tr.need, tr, t - 1);
      tr.grown[t] = A.money(A.mul(previous, f));
      tr.need[t] = tr.grown[t]!;
    });

    // 3. Shifts: every M_t is taken from need after step 2, before any shift moves anything.
    plan.shifts.forEach((s, k) => {
      moved[k]![t] = A.money(A.mul(s.share[t]!, trace[s.from]!.grown[t]!));
    });
    plan.shifts.forEach((s, k) => {
      const into = A.money(A.mul(s.costRatio, moved[k]![t]!));
      const to = trace[s.to]!;
      to.shiftedIn[t] = A.add(to.shiftedIn[t]!, into);
      to.need[t] = A.add(to.need[t]!, into);
      if (t - s.lag >= 1) {
        const out = moved[k]![t - s.lag]!;
        const from = trace[s.from]!;
        from.shiftedOut[t] = A.add(from.shiftedOut[t]!, out);
        from.need[t] = A.sub(from.need[t]!, out);
      }
    });

    // 4. Funded spend: in full, held to an uplift (flat cash), or cut (running costs).
    lines.forEach((l, i) => {
      const tr = trace[i]!;
      if (l.uplift) {
        tr.spend[t] = A.money(A.mul(recurrent(tr.spend, tr, t - 1), A.add(A.one, l.uplift[t]!)));
        tr.gap[t] = A.sub(tr.need[t]!, tr.spend[t]!);
      } else if (l.cut) {
        const phase = t >= l.cut.byIndex ? A.one : A.div(A.int(t), A.int(l.cut.byIndex));
        tr.spend[t] = A.money(A.mul(tr.grown[t]!, A.sub(A.one, A.mul(l.cut.rate, phase))));
        tr.need[t] = tr.spend[t]!;
      } else {
        tr.spend[t] = tr.need[t]!;
      }
    });

    // 5. Diversion of allocation growth, split to the penny by largest remainder.
    plan.diversions.forEach((d, k) => {
      const growth = A.cmp(dR, A.zero) > 0 ? dR : A.zero;
      const total = A.money(A.mul(d.share, growth));
      diverted[k]![t] = total;
      const parts = splitByLargestRemainder(A, total, d.targets.map((x) => x.weight));
      d.targets.forEach((target, j) => {
        const tr = trace[target.line]!;
        tr.diverted[t] = A.add(tr.diverted[t]!, parts[j]!);
        tr.need[t] = A.add(tr.need[t]!, parts[j]!);
        tr.spend[t] = A.add(tr.spend[t]!, parts[j]!);
      });
    });

    // Ring-fenced money and one-off savings, after step 5 (MODEL.md "Non-recurrent streams").
    applyOneOffs(t);

    lines.forEach((l, i) => {
      if (A.cmp(trace[i]!.need[t]!, A.zero) < 0) {
        warnings.push(`${plan.labels[t]}: the need on line \`${l.name}\` is negative: ${negativeNeedCause(A, trace[i]!, t)}`);
      }
    });
  }

  // 6. Totals are sums of the rounded parts, so they reconcile to the penny.
  const spend: T[] = [];
  const gap: T[] = [];
  const surplus: T[] = [];
  const ringFenced: T[] = [];
  const savings: T[] = [];
  const underlying: T[] = [];
  for (let t = 0; t <= n; t++) {
    let s = A.zero;
    let g = A.zero;
    let rf = A.zero;
    let x = A.zero;
    for (const tr of trace) {
      s = A.add(s, tr.spend[t]!);
      g = addToTotal(A, g, tr.gap[t]!);
      if (oneOffs) {
        rf = A.add(rf, tr.ringFenced[t]!);
        x = A.add(x, tr.savings[t]!);
      }
    }
    spend.push(s);
    gap.push(g);
    ringFenced.push(rf);
    savings.push(x);
    const p = A.sub(income[t]!, s);
    surplus.push(p);
    underlying.push(A.sub(A.add(A.sub(p, plan.nonRecurrent[t]!), rf), x));
  }

  const providers = projectProviders(plan, A, trace, factor);
  const systemSurplus = surplus.map((p, t) => A.add(A.sub(p, gap[t]!), providers.otherNet[t]!));

  return {
    plan,
    allocation,
    allocationGrowth,
    baseGrowth,
    convergence,
    growthRate,
    ...(fairShare ? { fairShare } : {}),
    income,
    streams: plan.streams.map((st) => st.amounts),
    ringFenced,
    savings,
    moved,
    diverted,
    lines: trace,
    spend,
    gap,
    surplus,
    underlying,
    providers,
    systemSurplus,
    warnings,
  };
}

/** What took a line's need below zero in year t, so the warning names what is in the file. */
function negativeNeedCause<T>(A: Arith<T>, tr: LineTrace<T>, t: number): string {
  const takers: string[] = [];
  if (A.cmp(tr.shiftedOut[t]!, A.zero) > 0) takers.push('shifts move out');
  if (A.cmp(tr.savings[t]!, A.zero) > 0) takers.push('one-off savings take off');
  if (takers.length > 0) return `${takers.join(' and ')} more than it has`;
  // Validation keeps every rate in range; a Monte Carlo draw from a wide distribution may not.
  return 'its cost-growth factor (1 + inflation)(1 + demand)(1 − efficiency × delivery) is below zero';
}

/**
 * Splits `total` (whole pennies) by weights summing to one: each part is rounded down to the penny,
 * then the pennies left over go one each to the largest remainders, ties to the first listed.
 */
export function splitByLargestRemainder<T>(A: Arith<T>, total: T, weights: readonly T[]): T[] {
  const raw = weights.map((w) => A.mul(total, w));
  const parts = raw.map((x) => A.floorMoney(x));
  let allotted = A.zero;
  for (const p of parts) allotted = A.add(allotted, p);
  const left = A.pennies(A.sub(total, allotted));
  const order = raw
    .map((x, i) => ({ i, remainder: A.sub(x, parts[i]!) }))
    .sort((a, b) => A.cmp(b.remainder, a.remainder) || a.i - b.i);
  for (let k = 0; k < left && order.length > 0; k++) {
    const i = order[k % order.length]!.i;
    parts[i] = A.add(parts[i]!, A.penny);
  }
  return parts;
}
