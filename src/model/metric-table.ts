/**
 * Every metric icbsim reports (../shared/MODEL.md, "Metric names"), each declared once. What reads
 * this table: computeMetrics (the figures, for `run` and for every Monte Carlo draw), `explain`
 * (the audit trail), validation (which names a check may use), the run table's rows and its
 * per-line sections, compare's rows, the spreadsheet, and the JSON Schema's list of metric names.
 * The table's order is the order of the JSON output.
 *
 * Adding a metric: one entry here. A single metric (`fair_share_target`) has a `name`; one metric
 * per member of something (`provider_surplus.<p>`, `non_recurrent.<stream>`) is a family: a
 * `family` prefix, `memberOf` (what a member is: a line, a provider or a stream, for the JSON
 * Schema's patterns), `members(spec)` naming the members in the order the projection holds them
 * (member i is index i of that array), and `what`, the label after the member's name
 * ("northshire surplus"). `when(spec)` leaves a metric out of scenarios that do not have the
 * feature (without `fair_share` no fair-share metric is reported). `value` reads year t's figure
 * from the rounded projection (undefined: the year has no figure, like a share of zero spend) and
 * must stay cheap: every draw calls it. `explain` tells the trail from the exact projection, with
 * each figure tied to the metric it equals where there is one. `under: 'line'` puts a family's
 * rows under each line's sub-header in `run --lines`; other families show in the headline rows.
 */
import type { Arith } from './arith.js';
import { Dec } from './decimal.js';
import type { Projection } from './engine.js';
import {
  providerCostsTrail,
  providerIncomeTrail,
  providersSurplusTrail,
  providerSurplusTrail,
  providerUnderlyingTrail,
  systemProvidersTrail,
  unheldGapTrail,
} from './explain-providers.js';
import { baseYearLine, needTrail, ONE, spendTrail, type Steps } from './explain-trail.js';
import type { ScenarioSpec } from './schema.js';

export type MetricKind = 'money' | 'rate' | 'share';

/** Year t of a projection, as a metric's `value` reads it. */
export interface MetricYear<T> {
  p: Projection<T>;
  A: Arith<T>;
  t: number;
  /** The metrics already computed for year t − 1 (undefined in the base year). */
  before: ReadonlyMap<string, T> | undefined;
}

interface Common {
  kind: MetricKind;
  /** 1 for metrics that need a year before them, so the base year does not report them. */
  fromYear: 0 | 1;
  /** Whether a scenario reports this metric at all; default: every scenario. */
  when?: (spec: ScenarioSpec) => boolean;
  /** The run table's sub-header for rows that belong together (`Fair shares`); none: the headline rows. */
  group?: string;
}

export interface SingleMetric extends Common {
  name: string;
  label: string;
  value<T>(y: MetricYear<T>): T | undefined;
  explain(s: Steps, t: number): void;
}

export interface MetricFamily extends Common {
  /** The prefix: members are named `<family>.<member>`. */
  family: string;
  /** What the members are, for the schema and messages: `spend.<line>`, `non_recurrent.<stream>`. */
  memberOf: 'line' | 'provider' | 'stream';
  members(spec: ScenarioSpec): readonly string[];
  /** What the figure is, after the member's name: label `acute provider gap`. */
  what: string;
  /** Rows under each line's sub-header (`run --lines`), or in each provider's rows of the System block. */
  under?: 'line' | 'provider';
  value<T>(y: MetricYear<T>, i: number): T | undefined;
  explain(s: Steps, t: number, i: number): void;
}

export type MetricEntry = SingleMetric | MetricFamily;

const lineNames = (spec: ScenarioSpec): readonly string[] => Object.keys(spec.lines);
const providerNames = (spec: ScenarioSpec): readonly string[] => Object.keys(spec.providers ?? {});
/** Whether the plan models any provider as an organisation (MODEL.md "Providers"). */
export const hasProviders = (spec: ScenarioSpec): boolean => providerNames(spec).length > 0;
const hasFairShare = (spec: ScenarioSpec): boolean => spec.allocation.fair_share !== undefined;
const streamNames = (spec: ScenarioSpec): readonly string[] => {
  const nr = spec.allocation.non_recurrent;
  return nr?.kind === 'streams' ? Object.keys(nr.streams) : [];
};
const hasStreams = (spec: ScenarioSpec): boolean => streamNames(spec).length > 0;
/** MODEL.md: `ring_fenced` and `non_recurrent_savings` appear in a scenario with a ring-fenced stream or a one-off saving. */
const hasOneOffSpend = (spec: ScenarioSpec): boolean => {
  const nr = spec.allocation.non_recurrent;
  const fenced = nr?.kind === 'streams' && Object.values(nr.streams).some((st) => st.ringFenced !== undefined);
  return fenced || Object.values(spec.lines).some((l) => l.non_recurrent_savings !== undefined);
};
const FAIR_SHARES = 'Fair shares';
const ONE_OFFS = 'One-off money';
const single = (m: SingleMetric): SingleMetric => m;
const family = (m: MetricFamily): MetricFamily => m;

export const METRIC_TABLE: readonly MetricEntry[] = [
  single({
    name: 'allocation',
    kind: 'money',
    fromYear: 0,
    label: 'Recurrent allocation',
    value: ({ p, t }) => p.allocation[t],
    explain(s, t) {
      const { p } = s;
      const y = s.year(t);
      if (t === 0) {
        s.add(`Recurrent allocation in ${y}, as given (R0)`, p.allocation[0]!, 'money', undefined, 'allocation', 0);
        return;
      }
      if (p.fairShare) {
        s.text('Step 1: the recurrent allocation grows by the base growth plus its convergence towards fair share');
        s.add(`Recurrent allocation in ${s.year(t - 1)}`, p.allocation[t - 1]!, 'money', undefined, 'allocation', t - 1);
        s.add('× (1 + base growth + convergence)', ONE.plus(p.growthRate[t]!), 'factor', '×');
        s.add(`base growth${s.central(s.spec.allocation.growth, t)}`, p.baseGrowth[t]!, 'rate', undefined, undefined, undefined, 1);
        s.add('convergence', p.convergence[t]!, 'rate', undefined, 'convergence', t, 1);
        s.add(`Recurrent allocation in ${y} (to the penny)`, p.allocation[t]!, 'money', '=', 'allocation', t);
        return;
      }
      s.text('Step 1: the recurrent allocation grows by its growth rate');
      s.add(`Recurrent allocation in ${s.year(t - 1)}`, p.allocation[t - 1]!, 'money', undefined, 'allocation', t - 1);
      s.add('× (1 + allocation growth)', ONE.plus(p.growthRate[t]!), 'factor', '×');
      s.add(
        p.fairShare ? 'allocation growth (base growth + fair-share convergence)' : `allocation growth${s.central(s.spec.allocation.growth, t)}`,
        p.growthRate[t]!, 'rate', undefined, 'allocation_growth', t, 1,
      );
      s.add(`Recurrent allocation in ${y} (to the penny)`, p.allocation[t]!, 'money', '=', 'allocation', t);
    },
  }),
  single({
    name: 'non_recurrent',
    kind: 'money',
    fromYear: 0,
    label: 'Non-recurrent funding',
    value: ({ p, t }) => p.plan.nonRecurrent[t],
    explain(s, t) {
      const { plan } = s.p;
      if (plan.streams.length === 0) {
        s.add(`Non-recurrent funding named for ${s.year(t)} (it does not compound)`, plan.nonRecurrent[t]!, 'money', undefined, 'non_recurrent', t);
        return;
      }
      s.text(`Non-recurrent funding is every stream's amount for ${s.year(t)} (none of it compounds)`);
      plan.streams.forEach((st) => s.add(`+ ${st.name}`, st.amounts[t]!, 'money', '+', `non_recurrent.${st.name}`, t));
      s.add('Non-recurrent funding', plan.nonRecurrent[t]!, 'money', '=', 'non_recurrent', t);
    },
  }),
  single({
    name: 'income',
    kind: 'money',
    fromYear: 0,
    label: 'Income',
    value: ({ p, t }) => p.income[t],
    explain(s, t) {
      s.text('Step 1: income is the recurrent allocation plus one-off money');
      s.add('Recurrent allocation', s.p.allocation[t]!, 'money', undefined, 'allocation', t);
      s.add('+ non-recurrent funding', s.p.plan.nonRecurrent[t]!, 'money', '+', 'non_recurrent', t);
      s.add('Income', s.p.income[t]!, 'money', '=', 'income', t);
    },
  }),
  single({
    name: 'allocation_growth',
    kind: 'rate',
    fromYear: 1,
    label: 'Allocation growth',
    value: ({ p, t }) => p.growthRate[t],
    explain(s, t) {
      if (!s.p.fairShare) {
        s.add(`Allocation growth rate for ${s.year(t)}, as given`, s.p.plan.growth[t]!, 'rate', undefined, 'allocation_growth', t);
        return;
      }
      s.text('Step 1: the allocation grows by the base growth plus its convergence towards fair share');
      s.add(`Base growth for ${s.year(t)}${s.central(s.spec.allocation.growth, t)}`, s.p.baseGrowth[t]!, 'rate');
      s.add('+ convergence', s.p.convergence[t]!, 'rate', '+', 'convergence', t);
      s.add(`Allocation growth in ${s.year(t)}`, s.p.growthRate[t]!, 'rate', '=', 'allocation_growth', t);
    },
  }),
  single({
    name: 'fair_share_target',
    kind: 'money',
    fromYear: 0,
    label: 'Fair-share target',
    when: hasFairShare,
    group: FAIR_SHARES,
    value: ({ p, t }) => p.fairShare?.target[t],
    explain(s, t) {
      const fs = s.p.fairShare!;
      if (t === 0) {
        s.text('Fair shares: the base-year target is the allocation over (1 + its distance from target)');
        s.add(`Recurrent allocation in ${s.year(0)}`, s.p.allocation[0]!, 'money', undefined, 'allocation', 0);
        s.add('÷ (1 + distance from target)', ONE.plus(fs.distance[0]!), 'factor', '÷');
        s.add('distance from target, as given', fs.distance[0]!, 'rate', undefined, 'distance_from_target', 0, 1);
        s.add(`Fair-share target in ${s.year(0)} (to the penny)`, fs.target[0]!, 'money', '=', 'fair_share_target', 0);
        return;
      }
      s.text('Fair shares: the target grows by the base growth only');
      s.add(`Fair-share target in ${s.year(t - 1)}`, fs.target[t - 1]!, 'money', undefined, 'fair_share_target', t - 1);
      s.add('× (1 + base growth)', ONE.plus(s.p.baseGrowth[t]!), 'factor', '×');
      s.add(`base growth${s.central(s.spec.allocation.growth, t)}`, s.p.baseGrowth[t]!, 'rate', undefined, undefined, undefined, 1);
      s.add(`Fair-share target in ${s.year(t)} (to the penny)`, fs.target[t]!, 'money', '=', 'fair_share_target', t);
    },
  }),
  single({
    name: 'distance_from_target',
    kind: 'rate',
    fromYear: 0,
    label: 'Distance from target',
    when: hasFairShare,
    group: FAIR_SHARES,
    value: ({ p, t }) => p.fairShare?.distance[t],
    explain(s, t) {
      const fs = s.p.fairShare!;
      if (t === 0) {
        s.add(`Distance from target in ${s.year(0)}, as given: (allocation − target) ÷ target`, fs.distance[0]!, 'rate', undefined, 'distance_from_target', 0);
        return;
      }
      s.text('Fair shares: the distance from target is the allocation over its target, less one');
      s.add(`Recurrent allocation in ${s.year(t)}`, s.p.allocation[t]!, 'money', undefined, 'allocation', t);
      s.add('÷ fair-share target', fs.target[t]!, 'money', '÷', 'fair_share_target', t);
      s.add('− 1', ONE, 'factor', '−');
      s.add(`Distance from target in ${s.year(t)}`, fs.distance[t]!, 'rate', '=', 'distance_from_target', t);
    },
  }),
  single({
    name: 'convergence',
    kind: 'rate',
    fromYear: 1,
    label: 'Convergence',
    when: hasFairShare,
    group: FAIR_SHARES,
    value: ({ p, t }) => p.convergence[t],
    explain(s, t) {
      const rule = s.p.plan.fairShare!.rule;
      const c = s.p.convergence[t]!;
      if (rule.kind === 'given') {
        const given = s.spec.allocation.fair_share?.convergence;
        s.add(`Convergence for ${s.year(t)}, as given${s.central(given, t)}`, c, 'rate', undefined, 'convergence', t);
        return;
      }
      const raw = s.p.fairShare!.unclamped[t]!;
      const binds = raw.gt(rule.cap) ? 'above +cap, so the cap applies' : raw.lt(rule.cap.neg()) ? 'below −cap, so the cap applies' : 'within ± the cap, so it stands';
      s.text(`Fair shares: convergence is minus the pace times last year's distance from target, held within ± the cap (−π × d = ${pct(raw.toDecimalPlaces(6, Dec.ROUND_HALF_EVEN))}: ${binds})`);
      s.add('Convergence: clamp(−pace × distance, −cap, +cap)', c, 'rate', undefined, 'convergence', t);
      s.add(`distance from target in ${s.year(t - 1)} (d)`, s.p.fairShare!.distance[t - 1]!, 'rate', undefined, 'distance_from_target', t - 1, 1);
      s.add('pace (π)', rule.pace, 'rate', undefined, undefined, undefined, 1);
      s.add('cap (κ)', rule.cap, 'rate', undefined, undefined, undefined, 1);
    },
  }),
  family({
    family: 'non_recurrent',
    memberOf: 'stream',
    members: streamNames,
    what: 'one-off funding',
    kind: 'money',
    fromYear: 0,
    when: hasStreams,
    group: ONE_OFFS,
    value: ({ p, t }, i) => p.streams[i]![t],
    explain(s, t, i) {
      const st = s.p.plan.streams[i]!;
      const fenced = st.ringFenced === undefined ? '' : `, ring-fenced: it must be spent on ${s.lineLabel(s.p.plan.lines[st.ringFenced]!.name)} in its year`;
      s.add(`${st.name} named for ${s.year(t)}, as given (one-off${fenced})`, st.amounts[t]!, 'money', undefined, `non_recurrent.${st.name}`, t);
    },
  }),
  single({
    name: 'spend',
    kind: 'money',
    fromYear: 0,
    label: 'Spend',
    value: ({ p, t }) => p.spend[t],
    explain(s, t) {
      s.text("Step 6: spend is the sum of every line's funded spend");
      s.p.plan.lines.forEach((l, i) => s.add(`+ ${s.lineLabel(l.name)}`, s.p.lines[i]!.spend[t]!, 'money', '+', `spend.${l.name}`, t));
      s.add('Spend', s.p.spend[t]!, 'money', '=', 'spend', t);
    },
  }),
  single({
    name: 'ring_fenced',
    kind: 'money',
    fromYear: 0,
    label: 'Ring-fenced spend',
    when: hasOneOffSpend,
    group: ONE_OFFS,
    value: ({ p, t }) => p.ringFenced[t],
    explain(s, t) {
      const { plan } = s.p;
      s.text(`Ring-fenced money is spent on its line in its year: every ring-fenced stream's amount for ${s.year(t)}`);
      plan.streams.forEach((st) => {
        if (st.ringFenced !== undefined) s.add(`+ ${st.name} (on ${s.lineLabel(plan.lines[st.ringFenced]!.name)})`, st.amounts[t]!, 'money', '+', `non_recurrent.${st.name}`, t);
      });
      if (!plan.streams.some((st) => st.ringFenced !== undefined)) s.add('+ no ring-fenced stream', s.p.ringFenced[t]!, 'money', '+');
      s.add('Ring-fenced spend', s.p.ringFenced[t]!, 'money', '=', 'ring_fenced', t);
    },
  }),
  single({
    name: 'non_recurrent_savings',
    kind: 'money',
    fromYear: 0,
    label: 'One-off savings',
    when: hasOneOffSpend,
    group: ONE_OFFS,
    value: ({ p, t }) => p.savings[t],
    explain(s, t) {
      s.text(`One-off savings lower their line's spend in ${s.year(t)} only: every line's saving for the year`);
      s.p.plan.lines.forEach((l, i) => {
        const x = s.p.lines[i]!.savings[t]!;
        if (!x.isZero()) s.add(`+ ${s.lineLabel(l.name)}`, x, 'money', '+');
      });
      if (s.p.savings[t]!.isZero()) s.add('+ no saving this year', s.p.savings[t]!, 'money', '+');
      s.add('One-off savings', s.p.savings[t]!, 'money', '=', 'non_recurrent_savings', t);
    },
  }),
  single({
    name: 'icb_surplus',
    kind: 'money',
    fromYear: 0,
    label: 'ICB surplus/(deficit)',
    value: ({ p, t }) => p.surplus[t],
    explain(s, t) {
      s.text('Step 6: the ICB surplus is income less spend (negative: a deficit)');
      s.add('Income', s.p.income[t]!, 'money', undefined, 'income', t);
      s.add('− spend', s.p.spend[t]!, 'money', '−', 'spend', t);
      s.add('ICB surplus', s.p.surplus[t]!, 'money', '=', 'icb_surplus', t);
    },
  }),
  single({
    name: 'underlying_surplus',
    kind: 'money',
    fromYear: 0,
    label: 'Underlying surplus',
    value: ({ p, t }) => p.underlying[t],
    explain(s, t) {
      const { p } = s;
      const nr = p.plan.nonRecurrent[t]!;
      s.text('Step 6: the underlying surplus takes every one-off item out: recurrent income less recurrent spend');
      s.add('ICB surplus', p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
      s.add('− non-recurrent funding', nr, 'money', '−', 'non_recurrent', t);
      if (p.plan.oneOffSpend) {
        s.add('+ ring-fenced spend (one-off spend paid for by it)', p.ringFenced[t]!, 'money', '+', 'ring_fenced', t);
        s.add('− one-off savings (they do not recur)', p.savings[t]!, 'money', '−', 'non_recurrent_savings', t);
      }
      s.add('Underlying surplus', p.underlying[t]!, 'money', '=', 'underlying_surplus', t);
    },
  }),
  single({
    name: 'cumulative_surplus',
    kind: 'money',
    fromYear: 1,
    label: 'Cumulative surplus',
    value: ({ p, A, t, before }) => A.add(before?.get('cumulative_surplus') ?? A.zero, p.surplus[t]!),
    explain(s, t) {
      s.text('Step 6: the cumulative surplus adds each projection year\'s ICB surplus');
      let sum = new Dec(0);
      for (let k = 1; k <= t; k++) {
        sum = sum.plus(s.p.surplus[k]!);
        s.add(`+ ICB surplus ${s.year(k)}`, s.p.surplus[k]!, 'money', '+', 'icb_surplus', k);
      }
      s.add('Cumulative surplus', sum, 'money', '=', 'cumulative_surplus', t);
    },
  }),
  single({
    name: 'system_surplus',
    kind: 'money',
    fromYear: 0,
    label: 'System surplus',
    value: ({ p, t }) => p.systemSurplus[t],
    explain(s, t) {
      const providers = s.p.plan.providers.length > 0;
      s.text(
        providers
          ? "Step 6: the system surplus takes the providers' gaps off the ICB surplus and adds the providers' other income less their other costs"
          : "Step 6: the system surplus takes the providers' gaps off the ICB surplus",
      );
      s.add('ICB surplus', s.p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
      s.p.plan.lines.forEach((l, i) => {
        const g = s.p.lines[i]!.gap[t]!;
        if (!g.isZero()) s.add(`− provider gap on ${s.lineLabel(l.name)}`, g, 'money', '−', `gap.${l.name}`, t);
      });
      if (providers) systemProvidersTrail(s, t);
      else s.add('System surplus', s.p.systemSurplus[t]!, 'money', '=', 'system_surplus', t);
    },
  }),
  single({
    name: 'care_shift_share',
    kind: 'share',
    fromYear: 0,
    label: 'Care closer to home',
    value({ p, A, t }) {
      if (A.isZero(p.spend[t]!)) return undefined;
      let care = A.zero;
      const lines = p.plan.lines;
      for (let i = 0; i < lines.length; i++) if (lines[i]!.care) care = A.add(care, p.lines[i]!.spend[t]!);
      return A.share(A.div(care, p.spend[t]!));
    },
    explain(s, t) {
      const { p } = s;
      s.text('Step 6: the care-shift share is spend on care closer to home over all spend');
      let care = new Dec(0);
      p.plan.lines.forEach((l, i) => {
        if (!l.care) return;
        care = care.plus(p.lines[i]!.spend[t]!);
        s.add(`+ ${s.lineLabel(l.name)} (${l.category})`, p.lines[i]!.spend[t]!, 'money', '+', `spend.${l.name}`, t);
      });
      if (p.plan.lines.some((l) => l.care)) s.add('Spend on care closer to home', care, 'money', '=');
      else s.add('Spend on care closer to home (no line is in a care-shift category)', care, 'money');
      s.add('÷ spend', p.spend[t]!, 'money', '÷', 'spend', t);
      s.add('Care-shift share (to 0.01 percentage points)', care.dividedBy(p.spend[t]!).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN), 'share', '=', 'care_shift_share', t);
    },
  }),
  family({
    family: 'spend',
    memberOf: 'line',
    members: lineNames,
    what: 'spend',
    under: 'line',
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.lines[i]!.spend[t],
    explain(s, t, i) {
      if (t === 0) baseYearLine(s, 'spend', i);
      // A cut line's spend trail is part of its need trail (its need is its spend).
      else if (s.p.plan.lines[i]!.cut) needTrail(s, i, t, false);
      else spendTrail(s, i, t);
    },
  }),
  family({
    family: 'need',
    memberOf: 'line',
    members: lineNames,
    what: 'need',
    under: 'line',
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.lines[i]!.need[t],
    explain(s, t, i) {
      if (t === 0) baseYearLine(s, 'need', i);
      else needTrail(s, i, t);
    },
  }),
  family({
    family: 'gap',
    memberOf: 'line',
    members: lineNames,
    what: 'provider gap',
    under: 'line',
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.lines[i]!.gap[t],
    explain(s, t, i) {
      if (t === 0) return baseYearLine(s, 'gap', i);
      const l = s.p.plan.lines[i]!;
      const tr = s.p.lines[i]!;
      needTrail(s, i, t);
      if (!l.cut) spendTrail(s, i, t);
      s.text('The provider gap is need less funded spend');
      s.add('Need', tr.need[t]!, 'money', undefined, `need.${l.name}`, t);
      s.add('− spend', tr.spend[t]!, 'money', '−', `spend.${l.name}`, t);
      s.add(`Provider gap in ${s.year(t)}`, tr.gap[t]!, 'money', '=', `gap.${l.name}`, t);
    },
  }),
  family({
    family: 'growth',
    memberOf: 'line',
    members: lineNames,
    what: 'spend growth',
    under: 'line',
    kind: 'rate',
    fromYear: 1,
    value({ p, A, t }, i) {
      const before = p.lines[i]!.spend[t - 1]!;
      return A.isZero(before) ? undefined : A.sub(A.div(p.lines[i]!.spend[t]!, before), A.one);
    },
    explain(s, t, i) {
      const l = s.p.plan.lines[i]!;
      const tr = s.p.lines[i]!;
      const y = s.year(t);
      s.text('Growth is this year\'s spend over last year\'s, less one');
      s.add(`Spend in ${y}`, tr.spend[t]!, 'money', undefined, `spend.${l.name}`, t);
      s.add(`÷ spend in ${s.year(t - 1)}`, tr.spend[t - 1]!, 'money', '÷', `spend.${l.name}`, t - 1);
      s.add('− 1', ONE, 'factor', '−');
      s.add(`Spend growth in ${y}`, tr.spend[t]!.dividedBy(tr.spend[t - 1]!).minus(1), 'rate', '=', `growth.${l.name}`, t);
    },
  }),
  family({
    family: 'provider_income',
    memberOf: 'provider',
    members: providerNames,
    what: 'income',
    under: 'provider',
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.providers.providers[i]!.income[t],
    explain: (s, t, i) => providerIncomeTrail(s, t, i),
  }),
  family({
    family: 'provider_costs',
    memberOf: 'provider',
    members: providerNames,
    what: 'costs',
    under: 'provider',
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.providers.providers[i]!.costs[t],
    explain: (s, t, i) => providerCostsTrail(s, t, i),
  }),
  family({
    family: 'provider_surplus',
    memberOf: 'provider',
    members: providerNames,
    what: 'surplus/(deficit)',
    under: 'provider',
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }, i) => p.providers.providers[i]!.surplus[t],
    explain: (s, t, i) => providerSurplusTrail(s, t, i),
  }),
  family({
    family: 'provider_underlying_surplus',
    memberOf: 'provider',
    members: providerNames,
    what: 'underlying surplus',
    under: 'provider',
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, A, t }, i) => A.sub(p.providers.providers[i]!.surplus[t]!, p.providers.providers[i]!.savings[t]!),
    explain: (s, t, i) => providerUnderlyingTrail(s, t, i),
  }),
  single({
    name: 'providers_surplus',
    label: "Providers' surplus",
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }) => p.providers.surplus[t],
    explain: (s, t) => providersSurplusTrail(s, t),
  }),
  single({
    name: 'unheld_gap',
    label: 'Gap held outside the scenario',
    when: hasProviders,
    kind: 'money',
    fromYear: 0,
    value: ({ p, t }) => p.providers.unheldGap[t],
    explain: (s, t) => unheldGapTrail(s, t),
  }),
];

function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}
