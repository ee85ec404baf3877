/**
 * Every metric icbsim reports (../shared/MODEL.md, "Metric names"), each declared once. What reads
 * this table: computeMetrics (the figures, for `run` and for every Monte Carlo draw), `explain`
 * (the audit trail), validation (which names a check may use), the run table's rows and its
 * per-line sections, compare's rows, the spreadsheet, and the JSON Schema's list of metric names.
 * The table's order is the order of the JSON output.
 *
 * Adding a metric: one entry here. A single metric (`fair_share_target`) has a `name`; one metric
 * per member of something (`provider_surplus.<p>`, `non_recurrent.<stream>`) is a family: a
 * `family` prefix, `members(spec)` naming the members in the order the projection holds them
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
const hasProviders = (spec: ScenarioSpec): boolean => providerNames(spec).length > 0;
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
      s.add(`Non-recurrent funding named for ${s.year(t)} (it does not compound)`, s.p.plan.nonRecurrent[t]!, 'money', undefined, 'non_recurrent', t);
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
      if (s.p.fairShare) {
        s.add(`Base growth for ${s.year(t)}, as given`, s.p.baseGrowth[t]!, 'rate');
        s.add('+ fair-share convergence', s.p.convergence[t]!, 'rate', '+');
        s.add(`Allocation growth rate for ${s.year(t)}`, s.p.growthRate[t]!, 'rate', '=', 'allocation_growth', t);
      } else {
        s.add(`Allocation growth rate for ${s.year(t)}, as given`, s.p.plan.growth[t]!, 'rate', undefined, 'allocation_growth', t);
      }
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
      const nr = s.p.plan.nonRecurrent[t]!;
      s.text('Step 6: the underlying surplus leaves out one-off money');
      s.add('ICB surplus', s.p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
      s.add('− non-recurrent funding', nr, 'money', '−', 'non_recurrent', t);
      s.add('Underlying surplus', s.p.surplus[t]!.minus(nr), 'money', '=', 'underlying_surplus', t);
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
