/**
 * The audit trail of one figure: how `run` computed it, step by step in MODEL.md's order, read
 * from the exact projection's trace (the figures `run` reports), so every number shown is the
 * number `run` used. tests/analysis/explain.test.ts replays each trail's arithmetic.
 */
import { Dec } from './decimal.js';
import type { Projection } from './engine.js';
import { metricDefs, type MetricDef } from './metrics.js';
import { seriesSpec } from './plan.js';
import type { RunResult } from './run.js';
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

export interface Explanation {
  metric: MetricDef;
  year: string;
  value: Dec;
  units: RunResult['units'];
  steps: ExplainStep[];
}

export class ExplainError extends Error {}

const ONE = new Dec(1);
const FUNDED_IN_FULL = 'Step 4: the ICB funds the need in full';

export function explain(result: RunResult, metricName: string, year: string): Explanation {
  const p = result.projection;
  const plan = p.plan;
  const t = plan.labels.indexOf(year);
  if (t < 0) throw new ExplainError(`${year} is not in this scenario's years (${plan.labels[0]} to ${plan.labels.at(-1)})`);
  const def = metricDefs(plan.lines.map((l) => l.name)).find((d) => d.name === metricName);
  if (!def) throw new ExplainError(`unknown metric \`${metricName}\``);
  const value = result.years[t]!.metrics[metricName];
  if (value === undefined) {
    throw new ExplainError(`${metricName} has no figure in ${year}${t < def.fromYear ? ': it starts in the first projection year' : ''}`);
  }
  const steps = new Steps(p, plan.labels, result.spec);
  const [kind, rest] = splitMetric(metricName);
  if (rest === undefined) headline(steps, p, kind, t, result);
  else lineMetric(steps, p, kind, plan.lines.findIndex((l) => l.name === rest), t);
  return { metric: def, year, value, units: result.units, steps: steps.list };
}

function splitMetric(name: string): [string, string | undefined] {
  const dot = name.indexOf('.');
  return dot < 0 ? [name, undefined] : [name.slice(0, dot), name.slice(dot + 1)];
}

class Steps {
  readonly list: ExplainStep[] = [];
  constructor(
    private readonly p: Projection<Dec>,
    private readonly labels: string[],
    readonly spec: ScenarioSpec,
  ) {}

  /**
   * ` (the mean of its normal distribution)` and the like where a rate in year t is a
   * distribution: a plain run uses its central value, and the reader should know it is one.
   */
  central(series: RateSeriesSpec | undefined, t: number): string {
    if (series === undefined) return '';
    const d = seriesSpec(series, t, this.labels);
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
    if (metric !== undefined && t !== undefined) s.metric = { name: metric, year: this.labels[t]! };
    if (depth !== undefined) s.depth = depth;
    this.list.push(s);
  }

  text(label: string): void {
    this.list.push({ label, kind: 'text' });
  }

  year(t: number): string {
    return this.labels[t]!;
  }

  get projection(): Projection<Dec> {
    return this.p;
  }
}

function headline(s: Steps, p: Projection<Dec>, name: string, t: number, result: RunResult): void {
  const plan = p.plan;
  const y = s.year(t);
  const nr = plan.nonRecurrent[t]!;
  switch (name) {
    case 'allocation':
      if (t === 0) {
        s.add(`Recurrent allocation in ${y}, as given (R0)`, p.allocation[0]!, 'money', undefined, 'allocation', 0);
      } else {
        s.text('Step 1: the recurrent allocation grows by its growth rate');
        s.add(`Recurrent allocation in ${s.year(t - 1)}`, p.allocation[t - 1]!, 'money', undefined, 'allocation', t - 1);
        s.add('× (1 + allocation growth)', ONE.plus(plan.growth[t]!), 'factor', '×');
        s.add(`allocation growth${s.central(result.spec.allocation.growth, t)}`, plan.growth[t]!, 'rate', undefined, 'allocation_growth', t, 1);
        s.add(`Recurrent allocation in ${y} (to the penny)`, p.allocation[t]!, 'money', '=', 'allocation', t);
      }
      return;
    case 'non_recurrent':
      s.add(`Non-recurrent funding named for ${y} (it does not compound)`, nr, 'money', undefined, 'non_recurrent', t);
      return;
    case 'income':
      s.text('Step 1: income is the recurrent allocation plus one-off money');
      s.add('Recurrent allocation', p.allocation[t]!, 'money', undefined, 'allocation', t);
      s.add('+ non-recurrent funding', nr, 'money', '+', 'non_recurrent', t);
      s.add('Income', p.income[t]!, 'money', '=', 'income', t);
      return;
    case 'allocation_growth':
      s.add(`Allocation growth rate for ${y}, as given`, plan.growth[t]!, 'rate', undefined, 'allocation_growth', t);
      return;
    case 'spend':
      s.text("Step 6: spend is the sum of every line's funded spend");
      plan.lines.forEach((l, i) => s.add(`+ ${lineLabel(result, l.name)}`, p.lines[i]!.spend[t]!, 'money', '+', `spend.${l.name}`, t));
      s.add('Spend', p.spend[t]!, 'money', '=', 'spend', t);
      return;
    case 'icb_surplus':
      s.text('Step 6: the ICB surplus is income less spend (negative: a deficit)');
      s.add('Income', p.income[t]!, 'money', undefined, 'income', t);
      s.add('− spend', p.spend[t]!, 'money', '−', 'spend', t);
      s.add('ICB surplus', p.surplus[t]!, 'money', '=', 'icb_surplus', t);
      return;
    case 'underlying_surplus':
      s.text('Step 6: the underlying surplus leaves out one-off money');
      s.add('ICB surplus', p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
      s.add('− non-recurrent funding', nr, 'money', '−', 'non_recurrent', t);
      s.add('Underlying surplus', p.surplus[t]!.minus(nr), 'money', '=', 'underlying_surplus', t);
      return;
    case 'cumulative_surplus': {
      s.text('Step 6: the cumulative surplus adds each projection year\'s ICB surplus');
      let sum = new Dec(0);
      for (let k = 1; k <= t; k++) {
        sum = sum.plus(p.surplus[k]!);
        s.add(`+ ICB surplus ${s.year(k)}`, p.surplus[k]!, 'money', '+', 'icb_surplus', k);
      }
      s.add('Cumulative surplus', sum, 'money', '=', 'cumulative_surplus', t);
      return;
    }
    case 'system_surplus': {
      s.text('Step 6: the system surplus takes the providers\' gaps off the ICB surplus');
      s.add('ICB surplus', p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
      plan.lines.forEach((l, i) => {
        const g = p.lines[i]!.gap[t]!;
        if (!g.isZero()) s.add(`− provider gap on ${lineLabel(result, l.name)}`, g, 'money', '−', `gap.${l.name}`, t);
      });
      s.add('System surplus', p.surplus[t]!.minus(p.gap[t]!), 'money', '=', 'system_surplus', t);
      return;
    }
    case 'care_shift_share': {
      s.text('Step 6: the care-shift share is spend on care closer to home over all spend');
      let care = new Dec(0);
      plan.lines.forEach((l, i) => {
        if (!l.care) return;
        care = care.plus(p.lines[i]!.spend[t]!);
        s.add(`+ ${lineLabel(result, l.name)} (${l.category})`, p.lines[i]!.spend[t]!, 'money', '+', `spend.${l.name}`, t);
      });
      if (plan.lines.some((l) => l.care)) s.add('Spend on care closer to home', care, 'money', '=');
      else s.add('Spend on care closer to home (no line is in a care-shift category)', care, 'money');
      s.add('÷ spend', p.spend[t]!, 'money', '÷', 'spend', t);
      s.add('Care-shift share (to 0.01 percentage points)', care.dividedBy(p.spend[t]!).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN), 'share', '=', 'care_shift_share', t);
      return;
    }
  }
  throw new ExplainError(`no explanation for \`${name}\``);
}

function lineLabel(result: RunResult, name: string): string {
  const l = result.lines.find((x) => x.name === name);
  return l && l.label !== name ? `${l.label} (${name})` : name;
}

function lineMetric(s: Steps, p: Projection<Dec>, kind: string, i: number, t: number): void {
  const l = p.plan.lines[i]!;
  const tr = p.lines[i]!;
  const y = s.year(t);
  if (t === 0) {
    s.add(`Base-year spend on ${l.name} in ${y}, as given (need = spend, gap = 0)`, l.spend0, 'money', undefined, `spend.${l.name}`, 0);
    if (kind === 'need') s.add('Need (the base year\'s need is its given spend)', tr.need[0]!, 'money', undefined, `need.${l.name}`, 0);
    if (kind === 'gap') s.add('Provider gap (none in the base year)', tr.gap[0]!, 'money', undefined, `gap.${l.name}`, 0);
    return;
  }
  switch (kind) {
    case 'need':
      needTrail(s, p, i, t);
      return;
    case 'spend':
      // A cut line's spend trail is part of its need trail (its need is its spend).
      if (l.cut) needTrail(s, p, i, t, false);
      else spendTrail(s, p, i, t);
      return;
    case 'gap':
      needTrail(s, p, i, t);
      if (!l.cut) spendTrail(s, p, i, t);
      s.text('The provider gap is need less funded spend');
      s.add('Need', tr.need[t]!, 'money', undefined, `need.${l.name}`, t);
      s.add('− spend', tr.spend[t]!, 'money', '−', `spend.${l.name}`, t);
      s.add(`Provider gap in ${y}`, tr.gap[t]!, 'money', '=', `gap.${l.name}`, t);
      return;
    case 'growth': {
      s.text('Growth is this year\'s spend over last year\'s, less one');
      s.add(`Spend in ${y}`, tr.spend[t]!, 'money', undefined, `spend.${l.name}`, t);
      s.add(`÷ spend in ${s.year(t - 1)}`, tr.spend[t - 1]!, 'money', '÷', `spend.${l.name}`, t - 1);
      s.add('− 1', ONE, 'factor', '−');
      s.add(`Spend growth in ${y}`, tr.spend[t]!.dividedBy(tr.spend[t - 1]!).minus(1), 'rate', '=', `growth.${l.name}`, t);
      return;
    }
  }
  throw new ExplainError(`no explanation for \`${kind}\``);
}

/** `needLast` false: a cut line's trail ends on its spend (the same figure as its need). */
function needTrail(s: Steps, p: Projection<Dec>, i: number, t: number, needLast = true): void {
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
    s.add(`Need in ${s.year(t - 1)}`, tr.need[t - 1]!, 'money', undefined, `need.${l.name}`, t - 1);
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
    spendTrail(s, p, i, t);
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
  s.add(`Need in ${y}`, tr.need[t]!, 'money', '=', `need.${l.name}`, t);
}

function spendTrail(s: Steps, p: Projection<Dec>, i: number, t: number): void {
  const l = p.plan.lines[i]!;
  const tr = p.lines[i]!;
  const y = s.year(t);
  if (l.uplift) {
    s.text(`Step 4: ${l.name} is held to flat cash: last year's spend grows only by its uplift`);
    s.add(`Spend in ${s.year(t - 1)}`, tr.spend[t - 1]!, 'money', undefined, `spend.${l.name}`, t - 1);
    s.add('× (1 + uplift)', ONE.plus(l.uplift[t]!), 'factor', '×');
    // `uplift: inflation` (flat real) shares the line's inflation series.
    s.add(l.uplift === l.inflation ? "uplift (flat real: the line's inflation)" : 'uplift', l.uplift[t]!, 'rate', undefined, undefined, undefined, 1);
    s.add(`Spend in ${y} (to the penny)`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
  } else if (l.cut) {
    const phase = t >= l.cut.byIndex ? ONE : new Dec(t).dividedBy(l.cut.byIndex);
    s.text(`Step 4: running costs are cut by ${pct(l.cut.rate)}, phased in evenly by ${s.year(l.cut.byIndex)}`);
    s.add('Uncut running costs', tr.grown[t]!, 'money');
    s.add('× (1 − cut × share of the cut in place)', ONE.minus(l.cut.rate.times(phase)), 'factor', '×');
    s.add('cut', l.cut.rate, 'rate', undefined, undefined, undefined, 1);
    s.add('share of the cut in place', phase, 'share', undefined, undefined, undefined, 1);
    s.add(`Spend in ${y} (to the penny)`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
  } else {
    if (s.list.every((x) => x.metric?.name !== `need.${l.name}` || x.metric.year !== y)) needTrail(s, p, i, t);
    s.text(s.list.some((x) => x.label === FUNDED_IN_FULL) ? 'Spend is that need, diverted growth included' : FUNDED_IN_FULL);
    s.add(`Spend in ${y}`, tr.spend[t]!, 'money', '=', `spend.${l.name}`, t);
  }
}

function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}
