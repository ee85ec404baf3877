/**
 * The bridge: why a surplus moved from one year to another, as a list of drivers whose amounts add
 * up to the change exactly. Read from the exact projection's trace (the figures `run` reports), so
 * every step is a difference of penny-rounded figures and the sum is exact by construction; the
 * final check below guards that promise rather than assuming it.
 *
 * Pure (no fs, console or clock): the what-if page bundles it with the engine.
 */
import { Dec } from './decimal.js';
import type { Projection } from './engine.js';

export const BRIDGE_METRICS = ['icb_surplus', 'system_surplus', 'underlying_surplus'] as const;
export type BridgeMetric = (typeof BRIDGE_METRICS)[number];

/**
 * Every driver, in the order a bridge lists them: income first, then each line's spend drivers (the
 * multiplicative ones in the order they are taken, then the policies, then one-off items). `metrics`
 * says which surpluses the driver moves: the flat-cash gap is a saving to the ICB but not to the
 * system (its providers carry it), and the underlying surplus leaves out every one-off item.
 * `scope`: what the step belongs to: the ICB as a whole, a spending line (its `line`), a named
 * stream or a provider (its `member`: the driver is then written `non_recurrent.<stream>` or
 * `other_income.<provider>`, like the metrics). A provider's contract income and costs are the
 * ICB's spend and its lines' need, already in the line steps; only its other income and costs are
 * its own (MODEL.md "Providers": system surplus = P − Σ G + Σ (O − C)).
 */
export const DRIVERS = {
  allocation_growth: { label: 'Allocation growth', scope: 'icb', metrics: BRIDGE_METRICS },
  convergence: { label: 'Fair-share convergence', scope: 'icb', metrics: BRIDGE_METRICS },
  non_recurrent: { label: 'Non-recurrent income', scope: 'stream', metrics: ['icb_surplus', 'system_surplus'] },
  inflation: { label: 'Inflation', scope: 'line', metrics: BRIDGE_METRICS },
  demand: { label: 'Demand', scope: 'line', metrics: BRIDGE_METRICS },
  efficiency: { label: 'Efficiency delivered', scope: 'line', metrics: BRIDGE_METRICS },
  shift_in: { label: 'Activity shifted in', scope: 'line', metrics: BRIDGE_METRICS },
  shift_out: { label: 'Activity shifted out', scope: 'line', metrics: BRIDGE_METRICS },
  diversion: { label: 'Growth diverted in', scope: 'line', metrics: BRIDGE_METRICS },
  flat_cash: { label: 'Flat-cash uplift below need', scope: 'line', metrics: ['icb_surplus', 'underlying_surplus'] },
  running_cost_cut: { label: 'Running-cost cut', scope: 'line', metrics: BRIDGE_METRICS },
  ring_fenced: { label: 'Ring-fenced spend', scope: 'line', metrics: ['icb_surplus', 'system_surplus'] },
  non_recurrent_savings: { label: 'One-off savings', scope: 'line', metrics: ['icb_surplus', 'system_surplus'] },
  other_income: { label: 'Other income', scope: 'provider', metrics: ['system_surplus'] },
  other_costs: { label: 'Other costs', scope: 'provider', metrics: ['system_surplus'] },
} as const satisfies Record<string, { label: string; scope: 'icb' | 'line' | 'stream' | 'provider'; metrics: readonly BridgeMetric[] }>;

export type Driver = keyof typeof DRIVERS;

export interface BridgeStep {
  driver: Driver;
  /** The spending line the step belongs to; null for an ICB-wide driver. */
  line: string | null;
  /** The named non-recurrent stream or the provider the step belongs to. */
  member?: string;
  /** The step's effect on the surplus (positive: it raises the surplus), to the penny. */
  amount: Dec;
}

export interface Bridge {
  metric: BridgeMetric;
  from: string;
  to: string;
  start: Dec;
  end: Dec;
  /** Non-zero steps only; start + Σ amount = end exactly. */
  steps: BridgeStep[];
}

export class BridgeError extends Error {}

/** The metric's figure in year t, from the same trace the steps are read from. */
export function metricValue(p: Projection<Dec>, metric: BridgeMetric, t: number): Dec {
  const surplus = p.surplus[t]!;
  switch (metric) {
    case 'icb_surplus':
      return surplus;
    case 'system_surplus':
      return p.systemSurplus[t]!;
    case 'underlying_surplus':
      return p.underlying[t]!;
  }
}

/**
 * Every step of year t − 1 to t, zeros included, in the canonical order (the same list every year,
 * so years can be added step by step). Spend drivers are negated: more spend, less surplus.
 */
function yearSteps(p: Projection<Dec>, metric: BridgeMetric, t: number): BridgeStep[] {
  const { plan } = p;
  const money = (d: Dec): Dec => d.toDecimalPlaces(plan.pennyPlaces, Dec.ROUND_HALF_EVEN);
  const all: BridgeStep[] = [];
  const step = (driver: Driver, line: string | null, amount: Dec, member?: string): void => {
    if (!(DRIVERS[driver].metrics as readonly BridgeMetric[]).includes(metric)) return;
    all.push(member === undefined ? { driver, line, amount } : { driver, line, amount, member });
  };
  const change = (xs: readonly Dec[]): Dec => xs[t]!.minus(xs[t - 1]!);

  // R_t = R_{t−1} × (1 + g_t + c_t): base growth is R_{t−1} × g_t to the penny, and convergence
  // the rest, so the allocation's rounding lands in convergence (none without fair_share).
  const atBaseGrowth = money(p.allocation[t - 1]!.times(Dec.add(1, p.baseGrowth[t]!)));
  step('allocation_growth', null, atBaseGrowth.minus(p.allocation[t - 1]!));
  step('convergence', null, p.allocation[t]!.minus(atBaseGrowth));
  if (plan.streams.length === 0) step('non_recurrent', null, change(plan.nonRecurrent));
  else plan.streams.forEach((st, k) => step('non_recurrent', null, change(p.streams[k]!), st.name));

  plan.lines.forEach((l, i) => {
    const tr = p.lines[i]!;
    // One-off items (ring-fenced money less one-off savings) are in a year's reported figures only.
    const oneOff = (k: number): Dec => tr.ringFenced[k]!.minus(tr.savings[k]!);
    // Need grows from last year's recurrent need; a cut line's from its uncut path (MODEL.md step 2).
    const base = l.cut ? tr.grown[t - 1]! : tr.need[t - 1]!.minus(oneOff(t - 1));
    // Multiplicative drivers are taken inflation, then demand, then efficiency: each running
    // product is rounded to the penny, and the last is the engine's own figure, so each step is a
    // difference of penny figures and rounding lands in the step whose factor it arises from.
    const afterInflation = money(base.times(Dec.add(1, l.inflation[t]!)));
    const afterDemand = money(base.times(Dec.add(1, l.inflation[t]!).times(Dec.add(1, l.demand[t]!))));
    const grown = tr.grown[t]!;
    step('inflation', l.name, afterInflation.minus(base).negated());
    step('demand', l.name, afterDemand.minus(afterInflation).negated());
    step('efficiency', l.name, grown.minus(afterDemand).negated());
    step('shift_in', l.name, tr.shiftedIn[t]!.negated());
    step('shift_out', l.name, tr.shiftedOut[t]!);
    step('diversion', l.name, tr.diverted[t]!.negated());
    // Spend = need − gap on a flat-cash line: the gap's growth is what the uplift saves the ICB.
    if (l.uplift) step('flat_cash', l.name, tr.gap[t]!.minus(tr.gap[t - 1]!));
    // Spend = uncut path − cut on a cut line: the growth of the cut is its saving this year.
    if (l.cut) {
      const cut = (k: number): Dec => tr.grown[k]!.minus(tr.spend[k]!.minus(oneOff(k)));
      step('running_cost_cut', l.name, cut(t).minus(cut(t - 1)));
    }
    step('ring_fenced', l.name, change(tr.ringFenced).negated());
    step('non_recurrent_savings', l.name, change(tr.savings));
  });

  plan.providers.forEach((pr, k) => {
    const tr = p.providers.providers[k]!;
    step('other_income', null, change(tr.otherIncome), pr.name);
    step('other_costs', null, change(tr.otherCosts).negated(), pr.name);
  });
  return all;
}

/** One row of a bridge over several years: a driver's step in each year and over the whole span. */
export interface BridgeRow {
  driver: Driver;
  line: string | null;
  member?: string;
  /** One per year-on-year step, from the year after `from` to `to`. */
  amounts: Dec[];
  total: Dec;
}

export interface BridgeYears {
  metric: BridgeMetric;
  /** The years `from` to `to`, `from` first. */
  years: string[];
  /** The metric in each of those years. */
  values: Dec[];
  /** Rows with a non-zero step in some year, in the canonical order. */
  rows: BridgeRow[];
}

function checkSpan(p: Projection<Dec>, from: number, to: number): void {
  const { labels } = p.plan;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= p.plan.n && from < to)) {
    throw new BridgeError(`a bridge runs from an earlier year to a later one, within ${labels[0]} to ${labels.at(-1)}`);
  }
}

/** The bridge of `metric` from year index `from` to year index `to`, year by year. */
export function bridgeYears(p: Projection<Dec>, metric: BridgeMetric, from: number, to: number): BridgeYears {
  checkSpan(p, from, to);
  const perYear: BridgeStep[][] = [];
  for (let t = from + 1; t <= to; t++) perYear.push(yearSteps(p, metric, t));
  const rows = perYear[0]!
    .map((s, k) => {
      const amounts = perYear.map((year) => year[k]!.amount);
      return { ...s, amounts, total: amounts.reduce((a, b) => a.plus(b)) };
    })
    .filter((r) => r.amounts.some((a) => !a.isZero()));
  const values: Dec[] = [];
  for (let t = from; t <= to; t++) values.push(metricValue(p, metric, t));
  // The promise every output makes, checked for each year-on-year step.
  values.slice(1).forEach((end, k) => {
    const total = rows.reduce((acc, r) => acc.plus(r.amounts[k]!), values[k]!);
    if (!total.equals(end)) {
      throw new Error(`internal: the ${metric} bridge to ${p.plan.labels[from + k + 1]} adds up to ${total.toFixed()}, not ${end.toFixed()}`);
    }
  });
  return { metric, years: p.plan.labels.slice(from, to + 1), values, rows };
}

/** The bridge of `metric` from year index `from` to year index `to` (from < to), steps summed over the years. */
export function bridge(p: Projection<Dec>, metric: BridgeMetric, from: number, to: number): Bridge {
  return spanBridge(bridgeYears(p, metric, from, to));
}

/** The whole span of a year-by-year bridge as one bridge. */
export function spanBridge(b: BridgeYears): Bridge {
  return {
    metric: b.metric,
    from: b.years[0]!,
    to: b.years.at(-1)!,
    start: b.values[0]!,
    end: b.values.at(-1)!,
    steps: b.rows.filter((r) => !r.total.isZero()).map((r) => rowStep(r, r.total)),
  };
}

/** Each year-on-year step of a year-by-year bridge as a bridge of its own. */
export function yearBridges(b: BridgeYears): Bridge[] {
  return b.years.slice(1).map((to, k) => ({
    metric: b.metric,
    from: b.years[k]!,
    to,
    start: b.values[k]!,
    end: b.values[k + 1]!,
    steps: b.rows.filter((r) => !r.amounts[k]!.isZero()).map((r) => rowStep(r, r.amounts[k]!)),
  }));
}

function rowStep(r: BridgeRow, amount: Dec): BridgeStep {
  return r.member === undefined ? { driver: r.driver, line: r.line, amount } : { driver: r.driver, line: r.line, member: r.member, amount };
}

/** The driver as JSON names it: `inflation`; `non_recurrent.<stream>`, `other_income.<provider>`. */
export function driverKey(step: Pick<BridgeStep, 'driver' | 'member'>): string {
  return step.member === undefined ? step.driver : `${step.driver}.${step.member}`;
}

export interface Labels {
  line(name: string): string;
  provider(name: string): string;
}

/** `Acute hospital services: inflation`, `Allocation growth`, `Non-recurrent income: deficit_support`, `Northshire FT: other income`. */
export function driverLabel(step: Pick<BridgeStep, 'driver' | 'line' | 'member'>, labels: Labels = { line: (n) => n, provider: (n) => n }): string {
  const def = DRIVERS[step.driver];
  const d = def.label;
  const lower = `${d.charAt(0).toLowerCase()}${d.slice(1)}`;
  if (step.member !== undefined) return def.scope === 'provider' ? `${labels.provider(step.member)}: ${lower}` : `${d}: ${step.member}`;
  return step.line === null ? d : `${labels.line(step.line)}: ${lower}`;
}
