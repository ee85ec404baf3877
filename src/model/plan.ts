/**
 * A validated scenario resolved into per-year numbers: the engine's only input. Resolving through
 * a sampler is what lets one engine serve both the exact central run and Monte Carlo draws.
 */
import type { Arith } from './arith.js';
import { ZERO, type Dec } from './decimal.js';
import { DEFAULT_CARE_SHIFT } from './categories.js';
import { policyType, type PlanBuild } from './policies/index.js';
import type { RateSeriesSpec, RateSpec, ScenarioSpec } from './schema.js';
import { yearLabels } from './years.js';
import { PENNY_PLACES } from './units.js';

export interface PlanLine<T> {
  name: string;
  category: string;
  /** Counted as care closer to home. */
  care: boolean;
  spend0: T;
  /** Index t = 1..N; index 0 is unused (the base year is given, not projected). */
  inflation: T[];
  demand: T[];
  efficiency: T[];
  delivery: T[];
  /** Set for a flat-cash line: its uplift per year. */
  uplift?: T[];
  /** Set for a running-cost line: the full cut and the index of the year it is reached. */
  cut?: { rate: T; byIndex: number };
  /** X_{i,t}: one-off savings by year index, base year included (zero where none). */
  savings: T[];
}

/** A named non-recurrent stream: its amount by year index (base year included). */
export interface PlanStream<T> {
  name: string;
  amounts: T[];
  /** The index of the line a ring-fenced stream must be spent on. */
  ringFenced?: number;
}

/** MODEL.md "Fair shares": d_0, and either π and κ or the adjustments c_t themselves. */
export interface PlanFairShare<T> {
  distance0: T;
  rule: { kind: 'pace'; pace: T; cap: T } | { kind: 'given'; convergence: T[] };
}

export interface PlanShift<T> {
  from: number;
  to: number;
  share: T[];
  costRatio: T;
  lag: number;
}

export interface PlanDiversion<T> {
  share: T;
  targets: { line: number; weight: T }[];
}

/** A provider (MODEL.md "Providers"), with its own drivers resolved per year like a line's. */
export interface PlanProvider<T> {
  name: string;
  label: string;
  /** σ_{p,i}: the provider's share of line `line` (an index into Plan.lines). */
  contracts: { line: number; share: T }[];
  otherIncome0: T;
  otherCosts0: T;
  /** Index t = 1..N, as for lines. */
  otherIncomeGrowth: T[];
  inflation: T[];
  demand: T[];
  efficiency: T[];
  delivery: T[];
  /** One-off cost reductions X_{p,t} by year index, base year included (0 where none). */
  savings: T[];
}

export interface Plan<T> {
  labels: string[];
  /** Number of projection years. */
  n: number;
  pennyPlaces: number;
  r0: T;
  /** g_t: the base growth every ICB gets (before any convergence). */
  growth: T[];
  fairShare?: PlanFairShare<T>;
  /** NR_t: every stream's amount in year t, summed. */
  nonRecurrent: T[];
  /** The named streams (none for a plain year → amount map). */
  streams: PlanStream<T>[];
  /** A ring-fenced stream or a one-off saving exists, so `ring_fenced` and `non_recurrent_savings` are reported. */
  oneOffSpend: boolean;
  lines: PlanLine<T>[];
  shifts: PlanShift<T>[];
  diversions: PlanDiversion<T>[];
  providers: PlanProvider<T>[];
}

/** Gives a number for a rate spec in projection year t (1..N), or for a year-less rate (t = 0). */
export type Sampler<T> = (spec: RateSpec, t: number) => T;

export function centralValue(spec: RateSpec): Dec {
  switch (spec.kind) {
    case 'fixed':
      return spec.value;
    case 'normal':
      return spec.mean;
    case 'triangular':
      return spec.mode;
    case 'uniform':
      return spec.min.plus(spec.max).dividedBy(2);
  }
}

export function centralSampler<T>(arith: Arith<T>): Sampler<T> {
  return (spec) => arith.of(centralValue(spec));
}

/** The rate spec a series gives for projection year t (validation guarantees it exists). */
export function seriesSpec(series: RateSeriesSpec, t: number, labels: readonly string[]): RateSpec {
  const spec =
    series.kind === 'one' ? series.rate : series.kind === 'list' ? series.rates[t - 1] : series.byYear[labels[t] as string];
  if (spec === undefined) throw new Error(`internal: no rate for year index ${t} (validation should have caught it)`);
  return spec;
}

export function buildPlan<T>(spec: ScenarioSpec, arith: Arith<T>, sample: Sampler<T>): Plan<T> {
  const labels = yearLabels(spec.base_year, spec.years);
  const n = spec.years;
  const perYear = (series: RateSeriesSpec | undefined, fallback: T): T[] => {
    const out: T[] = [arith.zero];
    for (let t = 1; t <= n; t++) out.push(series ? sample(seriesSpec(series, t, labels), t) : fallback);
    return out;
  };
  const byLabel = (amounts: Record<string, Dec> | undefined): T[] =>
    labels.map((label) => {
      const v = amounts?.[label];
      return v === undefined ? arith.zero : arith.money(arith.of(v));
    });
  const careCategories: readonly string[] = spec.care_shift?.categories ?? DEFAULT_CARE_SHIFT;
  const a = spec.assumptions ?? {};
  const names = Object.keys(spec.lines);
  const index = (name: string): number => names.indexOf(name);

  const lines: PlanLine<T>[] = names.map((name) => {
    const l = spec.lines[name]!;
    return {
      name,
      category: l.category,
      care: careCategories.includes(l.category),
      spend0: arith.money(arith.of(l.spend)),
      inflation: perYear(l.inflation ?? a.inflation, arith.zero),
      demand: perYear(l.demand ?? a.demand, arith.zero),
      efficiency: perYear(l.efficiency ?? a.efficiency, arith.zero),
      delivery: perYear(l.efficiency_delivery ?? a.efficiency_delivery, arith.one),
      savings: byLabel(l.non_recurrent_savings),
    };
  });

  const shifts: PlanShift<T>[] = [];
  const diversions: PlanDiversion<T>[] = [];
  // In the file's order: the sampler's calls (and so each draw's stream) follow it.
  const build: PlanBuild<T> = { spec, arith, sample, perYear, lines, index, shifts, diversions };
  for (const p of spec.policies ?? []) policyType(p).plan(p, build);

  const nr = spec.allocation.non_recurrent;
  const streams: PlanStream<T>[] =
    nr?.kind === 'streams'
      ? Object.entries(nr.streams).map(([name, st]) => {
          const stream: PlanStream<T> = { name, amounts: byLabel(st.amounts) };
          if (st.ringFenced !== undefined) stream.ringFenced = index(st.ringFenced);
          return stream;
        })
      : [];
  const nonRecurrent =
    nr?.kind === 'streams'
      ? labels.map((_, t) => streams.reduce((sum, st) => arith.add(sum, st.amounts[t]!), arith.zero))
      : byLabel(nr?.byYear);

  const fs = spec.allocation.fair_share;
  let fairShare: PlanFairShare<T> | undefined;
  if (fs) {
    fairShare = {
      distance0: arith.of(fs.distance_from_target),
      rule:
        fs.convergence !== undefined
          ? { kind: 'given', convergence: perYear(fs.convergence, arith.zero) }
          : { kind: 'pace', pace: sample(fs.pace!, 0), cap: sample(fs.cap!, 0) },
    };
  }

  const providers: PlanProvider<T>[] = Object.entries(spec.providers ?? {}).map(([name, p]) => ({
    name,
    label: p.label ?? name,
    contracts: Object.entries(p.contracts).map(([line, share]) => ({ line: index(line), share: arith.of(share) })),
    otherIncome0: arith.money(arith.of(p.other_income ?? ZERO)),
    otherCosts0: arith.money(arith.of(p.other_costs ?? ZERO)),
    otherIncomeGrowth: perYear(p.other_income_growth, arith.zero),
    inflation: perYear(p.inflation ?? a.inflation, arith.zero),
    demand: perYear(p.demand ?? a.demand, arith.zero),
    efficiency: perYear(p.efficiency ?? a.efficiency, arith.zero),
    delivery: perYear(p.efficiency_delivery ?? a.efficiency_delivery, arith.one),
    savings: labels.map((label) => {
      const v = p.non_recurrent_savings?.[label];
      return v === undefined ? arith.zero : arith.money(arith.of(v));
    }),
  }));

  return {
    labels,
    n,
    pennyPlaces: PENNY_PLACES[spec.units],
    r0: arith.money(arith.of(spec.allocation.recurrent)),
    growth: perYear(spec.allocation.growth, arith.zero),
    ...(fairShare ? { fairShare } : {}),
    nonRecurrent,
    streams,
    oneOffSpend: streams.some((st) => st.ringFenced !== undefined) || Object.values(spec.lines).some((l) => l.non_recurrent_savings !== undefined),
    lines,
    shifts,
    diversions,
    providers,
  };
}
