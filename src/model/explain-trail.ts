/**
 * The pieces an audit trail (`icbsim explain`) is built from: the list of steps, and the trails of
 * a line's need and spend that several metrics share. Each metric's own trail is its entry in
 * metric-table.ts; explain.ts puts them together.
 */
import { Dec } from './decimal.js';
import type { Projection } from './engine.js';
import { seriesSpec } from './plan.js';
import type { RateSeriesSpec, ScenarioSpec } from './schema.js';

export type StepKind = 'money' | 'rate' | 'share' | 'factor' | 'text';

export interface ExplainStep {
  /** What the figure is, in words. */
  label: string;
  value?: Dec;
  kind: StepKind;
  /**
   * How it combines with the running figure above it: '+', '−', '×', '÷'; '=' is a result (money
   * to the penny, shares to 0.0001); none starts a new figure. Depth-1 steps are the parts of a
   * factor and do not combine.
   */
  op?: '+' | '−' | '×' | '÷' | '=';
  /** The run metric (and year) this figure equals, so it can be checked against `run`. */
  metric?: { name: string; year: string };
  /** Nesting: 1 for the parts of a factor. */
  depth?: number;
}

export const ONE = new Dec(1);
const FUNDED_IN_FULL = 'Step 4: the ICB funds the need in full';

export class Steps {
  readonly list: ExplainStep[] = [];
  constructor(
    readonly p: Projection<Dec>,
    readonly spec: ScenarioSpec,
  ) {}

  /**
   * ` (the mean of its normal distribution)` and the like where a rate in year t is a
   * distribution: a plain run uses its central value, and the reader should know it is one.
   */
  central(series: RateSeriesSpec | undefined, t: number): string {
    if (series === undefined) return '';
    const d = seriesSpec(series, t, this.p.plan.labels);
    switch (d.kind) {
      case 'fixed':
        return '';
      case 'normal':
        return ' (the mean of its normal distribution)';
      case 'triangular':
        return ' (the mode of its triangular distribution)';
      case 'uniform':
        return ' (the midpoint of its uniform distribution)';
    }
  }

  add(label: string, value: Dec | undefined, kind: StepKind, op?: ExplainStep['op'], metric?: string, t?: number, depth?: number): void {
    const s: ExplainStep = { label, kind };
    if (value !== undefined) s.value = value;
    if (op !== undefined) s.op = op;
    if (metric !== undefined && t !== undefined) s.metric = { name: metric, year: this.year(t) };
    if (depth !== undefined) s.depth = depth;
    this.list.push(s);
  }

  text(label: string): void {
    this.list.push({ label, kind: 'text' });
  }

  year(t: number): string {
    return this.p.plan.labels[t]!;
  }

  /** A line as the reports name it: its label, with its key where the two differ. */
  lineLabel(name: string): string {
    const label = this.spec.lines[name]?.label ?? name;
    return label !== name ? `${label} (${name})` : name;
  }
}

/** Whether line i has ring-fenced money or a one-off saving in year t. */
function hasOneOff(s: Steps, i: number, t: number): boolean {
  const tr = s.p.lines[i]!;
  return !tr.ringFenced[t]!.isZero() || !tr.savings[t]!.isZero();
}

/**
 * MODEL.md "Non-recurrent streams": ring-fenced money is added to a line's need and spend after
 * step 5, and one-off savings are taken off, in their year only.
 */
export function oneOffSteps(s: Steps, i: number, t: number): void {
  if (!hasOneOff(s, i, t)) return;
  const tr = s.p.lines[i]!;
  const plan = s.p.plan;
  s.text('One-off items, in this year only: ring-fenced money spent on this line, one-off savings taken off');
  if (!tr.ringFenced[t]!.isZero()) {
    const streams = plan.streams.filter((st) => st.ringFenced === i && !st.amounts[t]!.isZero()).map((st) => st.name);
    s.add(`+ ring-fenced money (${streams.join(', ')}): non-recurrent, never carried on`, tr.ringFenced[t]!, 'money', '+');
  }
  if (!tr.savings[t]!.isZero()) s.add('− one-off savings: non-recurrent, never carried on', tr.savings[t]!, 'money', '−');
}

/**
 * Last year's figure as next year builds on it: without last year's one-off items, so they never
 * compound. Starts a new running figure.
 */
function recurrentBefore(s: Steps, i: number, t: number, what: 'need' | 'spend'): void {
  const l = s.p.plan.lines[i]!;
  const tr = s.p.lines[i]!;
  const figures = what === 'need' ? tr.need : tr.spend;
  const title = what === 'need' ? 'Need' : 'Spend';
  s.add(`${title} in ${s.year(t - 1)}`, figures[t - 1]!, 'money', undefined, `${what}.${l.name}`, t - 1);
  if (!hasOneOff(s, i, t - 1)) return;
  if (!tr.ringFenced[t - 1]!.isZero()) s.add(`− ring-fenced money in ${s.year(t - 1)} (not carried on)`, tr.ringFenced[t - 1]!, 'money', '−');
  if (!tr.savings[t - 1]!.isZero()) s.add(`+ one-off savings in ${s.year(t - 1)} put back (not carried on)`, tr.savings[t - 1]!, 'money', '+');
  s.add(`Recurrent ${what} in ${s.year(t - 1)}`, figures[t - 1]!.minus(tr.ringFenced[t - 1]!).plus(tr.savings[t - 1]!), 'money', '=');
}

/** A line metric in the base year: given, not projected. */
export function baseYearLine(s: Steps, what: 'spend' | 'need' | 'gap', i: number): void {
  const l = s.p.plan.lines[i]!;
  const tr = s.p.lines[i]!;
  if (hasOneOff(s, i, 0)) {
    // The given spend is recurrent; the base year's one-off items are reported on top of it.
    s.add(`Base-year recurrent spend on ${l.name} in ${s.year(0)}, as given (need = spend, gap = 0)`, l.spend0, 'money');
    oneOffSteps(s, i, 0);
    s.add(`Spend in ${s.year(0)}`, tr.spend[0]!, 'money', '=', `spend.${l.name}`, 0);
  } else {
    s.add(`Base-year spend on ${l.name} in ${s.year(0)}, as given (need = spend, gap = 0)`, l.spend0, 'money', undefined, `spend.${l.name}`, 0);
  }
  if (what === 'need') s.add('Need (the base year\'s need is its given spend)', tr.need[0]!, 'money', undefined, `need.${l.name}`, 0);
  if (what === 'gap') s.add('Provider gap (none in the base year)', tr.gap[0]!, 'money', undefined, `gap.${l.name}`, 0);
}

/** `needLast` false: a cut line's trail ends on its spend (the same figure as its need). */
export function needTrail(s: Steps, i: number, t: number, needLast = true): void {
  const p = s.p;
  const plan = p.plan;
  const l = plan.lines[i]!;
  const tr = p.lines[i]!;
  const y = s.year(t);
  const names = plan.lines.map((x) => x.name);
  if (l.cut) {
    s.text(`Step 2: ${l.name} has a running-cost cut, so its uncut path grows by the cost-growth factor`);
    s.add(`Uncut running costs in ${s.year(t - 1)}`, tr.grown[t - 1]!, 'money');
  } else {
    s.text(`Step 2: need grows by inflation, demand and delivered efficiency`);
    recurrentBefore(s, i, t, 'need');
  }
  s.add('× factor (1 + inflation)(1 + demand)(1 − efficiency × delivery)', tr.factor[t]!, 'factor', '×');
  const given = s.spec.lines[l.name]!;
  const a = s.spec.assumptions ?? {};
  s.add(`inflation${s.central(given.inflation ?? a.inflation, t)}`, l.inflation[t]!, 'rate', undefined, undefined, undefined, 1);
  s.add(`demand${s.central(given.demand ?? a.demand, t)}`, l.demand[t]!, 'rate', undefined, undefined, undefined, 1);
  s.add(`efficiency${s.central(given.efficiency ?? a.efficiency, t)}`, l.efficiency[t]!, 'rate', undefined, undefined, undefined, 1);
  s.add(`delivery${s.central(given.efficiency_delivery ?? a.efficiency_delivery, t)}`, l.delivery[t]!, 'rate', undefined, undefined, undefined, 1);
  s.add(l.cut ? 'Uncut running costs (to the penny)' : 'Need grown (to the penny)', tr.grown[t]!, 'money', '=');
  if (l.cut) {
    s.text('A cut line\'s need is its funded spend: the cut is real');
    spendTrail(s, i, t);
    if (needLast) s.add(`Need in ${y}`, tr.need[t]!, 'money', '=', `need.${l.name}`, t);
    return;
  }
  plan.shifts.forEach((sh, k) => {
    const from = p.lines[sh.from]!;
    if (sh.to === i) {
      s.text(`Step 3: activity shifted in from ${names[sh.from]}, at ${pct(sh.costRatio)} of its cost there`);
      s.add('+ moved need × cost ratio (to the penny)', sh.costRatio.times(p.moved[k]![t]!).toDecimalPlaces(plan.pennyPlaces, Dec.ROUND_HALF_EVEN), 'money', '+');
      s.add(`${names[sh.from]}'s need grown in ${y} (step 2)`, from.grown[t]!, 'money', undefined, undefined, undefined, 1);
      s.add('share moved', sh.share[t]!, 'rate', undefined, undefined, undefined, 1);
      s.add('need moved (to the penny)', p.moved[k]![t]!, 'money', undefined, undefined, undefined, 1);
      s.add('cost ratio', sh.costRatio, 'rate', undefined, undefined, undefined, 1);
    }
    if (sh.from === i && t - sh.lag >= 1) {
      const when = t - sh.lag;
      s.text(`Step 3: activity shifted to ${names[sh.to]}${sh.lag === 0 ? '' : ` (moved in ${s.year(when)}, falling here after a lag of ${sh.lag})`}`);
      s.add('− need moved out (to the penny)', p.moved[k]![when]!, 'money', '−');
      s.add(`need grown in ${s.year(when)} (step 2)`, from.grown[when]!, 'money', undefined, undefined, undefined, 1);
      s.add('share moved', sh.share[when]!, 'rate', undefined, undefined, undefined, 1);
    }
  });
  if (!tr.diverted[t]!.isZero()) {
    // MODEL.md funds the need (step 4) before diverted growth lands on both need and spend (step 5).
    if (!l.uplift) s.text(FUNDED_IN_FULL);
    s.text('Step 5: a share of allocation growth is diverted to this line, adding to its need and its spend');
    s.add('+ diverted growth', tr.diverted[t]!, 'money', '+');
    // Where the part comes from: D_t = share × allocation growth (to the penny), split by weight.
    plan.diversions.forEach((d, k) => {
      const target = d.targets.find((x) => x.line === i);
      if (!target) return;
      s.add(`increase in the recurrent allocation in ${y}`, p.allocationGrowth[t]!, 'money', undefined, undefined, undefined, 1);
      s.add('share of growth diverted', d.share, 'rate', undefined, undefined, undefined, 1);
      s.add('growth diverted (to the penny)', p.diverted[k]![t]!, 'money', undefined, undefined, undefined, 1);
      s.add(`${l.name}'s weight (pennies split by largest remainder)`, target.weight, 'rate', undefined, undefined, undefined, 1);
    });
  }
  oneOffSteps(s, i, t);
  s.add(`Need in ${y}`, tr.need[t]!, 'money', '=', `need.${l.name}`, t);
}

export function spendTrail(s: Steps, i: number, t: number): void {
  const l = s.p.plan.lines[i]!;
  const tr = s.p.lines[i]!;
  const y = s.year(t);
  if (l.uplift) {
    s.text(`Step 4: ${l.name} is held to flat cash: last year's spend grows only by its uplift`);
    recurrentBefore(s, i, t, 'spend');
    s.add('× (1 + uplift)', ONE.plus(l.uplift[t]!), 'factor', '×');
    // `uplift: inflation` (flat real) shares the line's inflation series.
    s.add(l.uplift === l.inflation ? "uplift (flat real: the line's inflation)" : 'uplift', l.uplift[t]!, 'rate', undefined, undefined, undefined, 1);
    spendResult(s, i, t);
  } else if (l.cut) {
    const phase = t >= l.cut.byIndex ? ONE : new Dec(t).dividedBy(l.cut.byIndex);
    s.text(`Step 4: running costs are cut by ${pct(l.cut.rate)}, phased in evenly by ${s.year(l.cut.byIndex)}`);
    s.add('Uncut running costs', tr.grown[t]!, 'money');
    s.add('× (1 − cut × share of the cut in place)', ONE.minus(l.cut.rate.times(phase)), 'factor', '×');
    s.add('cut', l.cut.rate, 'rate', undefined, undefined, undefined, 1);
    s.add('share of the cut in place', phase, 'share', undefined, undefined, undefined, 1);
    spendResult(s, i, t);
  } else {
    if (s.list.every((x) => x.metric?.name !== `need.${l.name}` || x.metric.year !== y)) needTrail(s, i, t);
    s.text(s.list.some((x) => x.label === FUNDED_IN_FULL) ? 'Spend is that need, diverted growth included' : FUNDED_IN_FULL);
    s.add(`Spend in ${y}`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
  }
}

/** Step 4's spend to the penny, then any one-off items on top of it. */
function spendResult(s: Steps, i: number, t: number): void {
  const l = s.p.plan.lines[i]!;
  const tr = s.p.lines[i]!;
  const y = s.year(t);
  if (!hasOneOff(s, i, t)) {
    s.add(`Spend in ${y} (to the penny)`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
    return;
  }
  s.add('Spend before one-off items (to the penny)', tr.spend[t]!.minus(tr.ringFenced[t]!).plus(tr.savings[t]!), 'money', '=');
  oneOffSteps(s, i, t);
  s.add(`Spend in ${y}`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
}

function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}
