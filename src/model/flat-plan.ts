/**
 * A draw's plan as flat numbers, for the specialised float path of Monte Carlo (draw-kernel.ts).
 *
 * Compiled once per scenario from the plan template while it still holds its markers: every
 * figure a draw may change goes into one Float64Array (`params`) at a fixed offset, and each
 * sampler call lists the offsets its value is written to. Figures no draw changes (base-year
 * spend, one-off amounts, contract shares) are worked out here once, with the very operations the
 * engine would do on them in every draw, in the same order, so the bytes do not change.
 *
 * Anything of the plan this file does not know (a field a new feature added) makes compilation
 * fail with a reason, and draws run on the generic engine instead: never a silently wrong draw.
 */
import type { Plan } from './plan.js';
import type { PlanTemplate } from './plan-template.js';
import { roundMoney } from './float-arith.js';
import type { RateSpec } from './schema.js';

export interface FlatPlan {
  labels: readonly string[];
  n: number;
  /** n + 1: every per-year block is this long, base year first. */
  Y: number;
  L: number;
  scale: number;
  params: Float64Array;
  /** The sampler's calls in buildPlan's order; params[fillPos[j]] takes call fillCall[j]'s value. */
  calls: readonly { spec: RateSpec; t: number }[];
  fillCall: Int32Array;
  fillPos: Int32Array;

  r0: number;
  income0: number;
  /** Offset of g_t (index t) in params. */
  growth: number;
  nonRecurrent: Float64Array;
  fairShare: { target0: number; distance0: number; given: boolean; convergence: number; pace: number; cap: number } | undefined;

  spend0: Float64Array;
  /** Offsets of each line's per-year drivers in params. */
  inflation: Int32Array;
  demand: Int32Array;
  efficiency: Int32Array;
  delivery: Int32Array;
  /** Offset of a flat-cash line's uplift series, or -1. */
  uplift: Int32Array;
  /** Offset of a cut line's rate, or -1; and the index of the year the cut is reached. */
  cutRate: Int32Array;
  cutBy: Int32Array;
  /** RF_{i,t} − X_{i,t} by line then year: the one-off items, in and out of need and spend. */
  oneOff: Float64Array;
  /** RF_t and X_t: the same summed over lines. */
  ringFencedTotal: Float64Array;
  savingsTotal: Float64Array;
  care: Int32Array;
  streamAmounts: Float64Array;

  shiftFrom: Int32Array;
  shiftTo: Int32Array;
  shiftShare: Int32Array;
  shiftCostRatio: Int32Array;
  shiftLag: Int32Array;

  divertShare: Int32Array;
  /** Diversion d's targets are entries targetStart[d] .. targetStart[d + 1] − 1. */
  targetStart: Int32Array;
  targetLine: Int32Array;
  targetWeight: Float64Array;
  /** The weights of each diversion as an array, for the generic split in the rare ambiguous case. */
  weights: number[][];

  P: number;
  /** Provider p's contracts are entries contractStart[p] .. contractStart[p + 1] − 1. */
  contractStart: Int32Array;
  contractLine: Int32Array;
  contractShare: Float64Array;
  otherIncome0: Float64Array;
  otherCosts0: Float64Array;
  otherIncomeGrowth: Int32Array;
  providerInflation: Int32Array;
  providerDemand: Int32Array;
  providerEfficiency: Int32Array;
  providerDelivery: Int32Array;
  providerSavings: Float64Array;
}

const PLAN_KEYS = ['labels', 'n', 'pennyPlaces', 'r0', 'growth', 'fairShare', 'nonRecurrent', 'streams', 'oneOffSpend', 'lines', 'shifts', 'diversions', 'providers'];
const LINE_KEYS = ['name', 'category', 'care', 'spend0', 'inflation', 'demand', 'efficiency', 'delivery', 'uplift', 'cut', 'savings'];
const CUT_KEYS = ['rate', 'byIndex'];
const STREAM_KEYS = ['name', 'amounts', 'ringFenced'];
const FAIR_SHARE_KEYS = ['distance0', 'rule'];
const RULE_KEYS = ['kind', 'pace', 'cap', 'convergence'];
const SHIFT_KEYS = ['from', 'to', 'share', 'costRatio', 'lag'];
const DIVERSION_KEYS = ['share', 'targets'];
const TARGET_KEYS = ['line', 'weight'];
const PROVIDER_KEYS = [
  'name', 'label', 'contracts', 'otherIncome0', 'otherCosts0', 'otherIncomeGrowth', 'inflation', 'demand', 'efficiency', 'delivery', 'savings',
];
const CONTRACT_KEYS = ['line', 'share'];

/** What the specialised path cannot run exactly; its message is the reason draws fall back to the generic engine. */
export class Unsupported extends Error {}

/** The flat plan, or why this scenario's draws must run on the generic engine. */
export function compileFlatPlan(template: PlanTemplate): FlatPlan | string {
  if (!template.usable) return 'a sample did not land intact in the plan template';
  try {
    return compile(template.plan, template);
  } catch (e) {
    if (e instanceof Unsupported) return e.message;
    throw e;
  }
}

function keysKnown(what: string, node: object, known: readonly string[]): void {
  for (const k of Object.keys(node)) if (!known.includes(k)) throw new Unsupported(`the plan's ${what} has a field the specialised path does not know: ${k}`);
}

function compile(plan: Plan<number>, template: PlanTemplate): FlatPlan {
  keysKnown('top level', plan, PLAN_KEYS);
  const { n } = plan;
  const Y = n + 1;
  const L = plan.lines.length;
  const scale = 10 ** plan.pennyPlaces;
  const money = (a: number): number => roundMoney(a, scale);
  const values: number[] = [];
  const fills: number[][] = template.calls.map(() => []);

  /** A figure a draw may sample: its offset in params. */
  const put = (v: number): number => {
    const pos = values.length;
    values.push(v);
    const call = template.markerCall(v);
    if (call >= 0) fills[call]!.push(pos);
    return pos;
  };
  const series = (xs: readonly number[]): number => {
    if (xs.length !== Y) throw new Unsupported(`a per-year series has ${xs.length} entries, not ${Y}`);
    const at = put(xs[0]!);
    for (let t = 1; t < Y; t++) put(xs[t]!);
    return at;
  };
  /** A figure no draw changes. */
  const given = (v: number, what: string): number => {
    if (template.markerCall(v) >= 0) throw new Unsupported(`${what} is sampled, which the specialised path takes as given`);
    return v;
  };
  const givenSeries = (xs: readonly number[], what: string): number[] => {
    if (xs.length !== Y) throw new Unsupported(`${what} has ${xs.length} entries, not ${Y}`);
    return xs.map((x) => given(x, what));
  };

  const growth = series(plan.growth);
  const nonRecurrent = Float64Array.from(givenSeries(plan.nonRecurrent, 'non-recurrent funding'));
  const r0 = given(plan.r0, 'the recurrent allocation');

  let fairShare: FlatPlan['fairShare'];
  if (plan.fairShare) {
    const fs = plan.fairShare;
    keysKnown('fair share', fs, FAIR_SHARE_KEYS);
    keysKnown('fair-share rule', fs.rule, RULE_KEYS);
    const distance0 = given(fs.distance0, 'the distance from target');
    fairShare = {
      // T_0 = R_0 / (1 + d_0), to the penny, as project() does.
      target0: money(r0 / (1 + distance0)),
      distance0,
      given: fs.rule.kind === 'given',
      convergence: fs.rule.kind === 'given' ? series(fs.rule.convergence) : -1,
      pace: fs.rule.kind === 'pace' ? put(fs.rule.pace) : -1,
      cap: fs.rule.kind === 'pace' ? put(fs.rule.cap) : -1,
    };
  }

  const ints = (k: number): Int32Array => new Int32Array(k);
  const inflation = ints(L);
  const demand = ints(L);
  const efficiency = ints(L);
  const delivery = ints(L);
  const uplift = ints(L).fill(-1);
  const cutRate = ints(L).fill(-1);
  const cutBy = ints(L);
  const spend0 = new Float64Array(L);
  const care: number[] = [];
  const ringFenced = new Float64Array(L * Y);
  const savings = new Float64Array(L * Y);
  plan.lines.forEach((l, i) => {
    keysKnown('line', l, LINE_KEYS);
    spend0[i] = given(l.spend0, 'base-year spend');
    inflation[i] = series(l.inflation);
    demand[i] = series(l.demand);
    efficiency[i] = series(l.efficiency);
    delivery[i] = series(l.delivery);
    if (l.uplift) uplift[i] = series(l.uplift);
    if (l.cut) {
      keysKnown('cut', l.cut, CUT_KEYS);
      cutRate[i] = put(l.cut.rate);
      cutBy[i] = l.cut.byIndex;
    }
    if (l.care) care.push(i);
    givenSeries(l.savings, 'one-off savings').forEach((x, t) => (savings[i * Y + t] = x));
  });

  const streamAmounts = new Float64Array(plan.streams.length * Y);
  plan.streams.forEach((st, s) => {
    keysKnown('stream', st, STREAM_KEYS);
    const amounts = givenSeries(st.amounts, 'a non-recurrent stream');
    amounts.forEach((a, t) => (streamAmounts[s * Y + t] = a));
    // As project(): each line's ring-fenced money is the sum of its streams, in stream order.
    if (st.ringFenced !== undefined) for (let t = 0; t < Y; t++) ringFenced[st.ringFenced * Y + t] = ringFenced[st.ringFenced * Y + t]! + amounts[t]!;
  });
  const oneOff = new Float64Array(L * Y);
  for (let k = 0; k < L * Y; k++) oneOff[k] = ringFenced[k]! - savings[k]!;
  const ringFencedTotal = new Float64Array(Y);
  const savingsTotal = new Float64Array(Y);
  for (let t = 0; t < Y; t++) {
    let rf = 0;
    let x = 0;
    for (let i = 0; i < L; i++) {
      rf = rf + ringFenced[i * Y + t]!;
      x = x + savings[i * Y + t]!;
    }
    ringFencedTotal[t] = rf;
    savingsTotal[t] = x;
  }

  const K = plan.shifts.length;
  const shiftFrom = ints(K);
  const shiftTo = ints(K);
  const shiftShare = ints(K);
  const shiftCostRatio = ints(K);
  const shiftLag = ints(K);
  plan.shifts.forEach((s, k) => {
    keysKnown('shift', s, SHIFT_KEYS);
    shiftFrom[k] = s.from;
    shiftTo[k] = s.to;
    shiftShare[k] = series(s.share);
    shiftCostRatio[k] = put(s.costRatio);
    shiftLag[k] = s.lag;
  });

  const D = plan.diversions.length;
  const divertShare = ints(D);
  const targetStart = ints(D + 1);
  const targetLine: number[] = [];
  const targetWeight: number[] = [];
  plan.diversions.forEach((d, k) => {
    keysKnown('diversion', d, DIVERSION_KEYS);
    divertShare[k] = put(d.share);
    targetStart[k] = targetLine.length;
    for (const x of d.targets) {
      keysKnown('diversion target', x, TARGET_KEYS);
      targetLine.push(x.line);
      targetWeight.push(given(x.weight, 'a diversion weight'));
    }
  });
  targetStart[D] = targetLine.length;

  const P = plan.providers.length;
  const contractStart = ints(P + 1);
  const contractLine: number[] = [];
  const contractShare: number[] = [];
  const otherIncome0 = new Float64Array(P);
  const otherCosts0 = new Float64Array(P);
  const otherIncomeGrowth = ints(P);
  const providerInflation = ints(P);
  const providerDemand = ints(P);
  const providerEfficiency = ints(P);
  const providerDelivery = ints(P);
  const providerSavings = new Float64Array(P * Y);
  plan.providers.forEach((p, k) => {
    keysKnown('provider', p, PROVIDER_KEYS);
    contractStart[k] = contractLine.length;
    for (const c of p.contracts) {
      keysKnown('contract', c, CONTRACT_KEYS);
      contractLine.push(c.line);
      contractShare.push(given(c.share, 'a contract share'));
    }
    otherIncome0[k] = given(p.otherIncome0, 'other income');
    otherCosts0[k] = given(p.otherCosts0, 'other costs');
    otherIncomeGrowth[k] = series(p.otherIncomeGrowth);
    providerInflation[k] = series(p.inflation);
    providerDemand[k] = series(p.demand);
    providerEfficiency[k] = series(p.efficiency);
    providerDelivery[k] = series(p.delivery);
    givenSeries(p.savings, "a provider's one-off savings").forEach((x, t) => (providerSavings[k * Y + t] = x));
  });
  contractStart[P] = contractLine.length;

  const unplaced = fills.findIndex((f) => f.length === 0);
  if (unplaced >= 0) throw new Unsupported('a sampled figure lies where the specialised path does not read');

  return {
    labels: plan.labels,
    n,
    Y,
    L,
    scale,
    params: Float64Array.from(values),
    calls: template.calls,
    fillCall: Int32Array.from(fills.flatMap((f, c) => f.map(() => c))),
    fillPos: Int32Array.from(fills.flat()),
    r0,
    income0: money(r0 + nonRecurrent[0]!),
    growth,
    nonRecurrent,
    fairShare,
    spend0,
    inflation,
    demand,
    efficiency,
    delivery,
    uplift,
    cutRate,
    cutBy,
    oneOff,
    ringFencedTotal,
    savingsTotal,
    care: Int32Array.from(care),
    streamAmounts,
    shiftFrom,
    shiftTo,
    shiftShare,
    shiftCostRatio,
    shiftLag,
    divertShare,
    targetStart,
    targetLine: Int32Array.from(targetLine),
    targetWeight: Float64Array.from(targetWeight),
    weights: plan.diversions.map((d) => d.targets.map((x) => x.weight)),
    P,
    contractStart,
    contractLine: Int32Array.from(contractLine),
    contractShare: Float64Array.from(contractShare),
    otherIncome0,
    otherCosts0,
    otherIncomeGrowth,
    providerInflation,
    providerDemand,
    providerEfficiency,
    providerDelivery,
    providerSavings,
  };
}
