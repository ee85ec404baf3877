/**
 * The metrics of MODEL.md, named exactly as the JSON output names them, as metric-table.ts
 * declares them: which ones a scenario reports, and their figures year by year.
 */
import type { Arith } from './arith.js';
import type { Projection } from './engine.js';
import { METRIC_TABLE, type MetricEntry, type MetricFamily, type MetricKind, type SingleMetric } from './metric-table.js';
import type { ScenarioSpec } from './schema.js';
import { closest } from './suggest.js';

export type { MetricKind } from './metric-table.js';
export { hasProviders } from './metric-table.js';

export interface MetricDef {
  name: string;
  kind: MetricKind;
  /** 1 for metrics that need a year before them, so the base year does not report them. */
  fromYear: 0 | 1;
  label: string;
  /** A family's prefix (`spend` for `spend.acute`); undefined for a single metric. */
  family?: string;
  /** The family member this metric is about (`acute` for `spend.acute`). */
  member?: string;
  /** The line, for a family grouped under each line (`spend.<line>`). */
  line?: string;
  /** The provider, for a family about each provider (`provider_surplus.<p>`). */
  provider?: string;
  /** The family's words after the member's name (`provider gap`), for rows under a member's heading. */
  what?: string;
  /** The run table's sub-header for the rows this one belongs with (`Fair shares`). */
  group?: string;
}

const isFamily = (e: MetricEntry): e is MetricFamily => 'family' in e;
const reported = (e: MetricEntry, spec: ScenarioSpec): boolean => e.when === undefined || e.when(spec);

// The optional keys are assigned rather than spread in: each spread builds and copies an object,
// and every run builds these definitions at start-up. The keys keep the order of the interface.
function singleDef(e: SingleMetric): MetricDef {
  const d: MetricDef = { name: e.name, kind: e.kind, fromYear: e.fromYear, label: e.label };
  if (e.group) d.group = e.group;
  return d;
}

function memberDef(e: MetricFamily, member: string): MetricDef {
  const d: MetricDef = { name: `${e.family}.${member}`, kind: e.kind, fromYear: e.fromYear, label: `${member} ${e.what}`, family: e.family, member };
  if (e.under === 'line') d.line = member;
  if (e.under === 'provider') d.provider = member;
  d.what = e.what;
  if (e.group) d.group = e.group;
  return d;
}

/** The single metrics every scenario reports (a scenario may report more: `headlineMetricDefs`). */
export const HEADLINE_METRICS: readonly MetricDef[] = METRIC_TABLE.filter((e): e is SingleMetric => !isFamily(e) && e.when === undefined).map(singleDef);

/** The family prefixes, for messages that describe names like `spend.<line>`. */
export const METRIC_FAMILIES: readonly MetricFamily[] = METRIC_TABLE.filter(isFamily);

/**
 * A validated scenario is never changed, and one run asks for its metrics several times (its
 * validation, its table, its checks), so they are listed once per scenario.
 */
const defsBySpec = new WeakMap<ScenarioSpec, readonly MetricDef[]>();

/** Every metric this scenario reports, in the JSON output's order. */
export function metricDefs(spec: ScenarioSpec): readonly MetricDef[] {
  let defs = defsBySpec.get(spec);
  if (defs === undefined) {
    defs = METRIC_TABLE.filter((e) => reported(e, spec)).flatMap((e) => (isFamily(e) ? e.members(spec).map((m) => memberDef(e, m)) : [singleDef(e)]));
    defsBySpec.set(spec, defs);
  }
  return defs;
}

/**
 * The run table's headline rows: single metrics, and families not grouped under a line or a
 * provider. The line families are `lineMetricDefs`, shown per line under its sub-header; the
 * provider families `providerMetricDefs`.
 */
export function headlineMetricDefs(spec: ScenarioSpec): MetricDef[] {
  return metricDefs(spec).filter((d) => d.line === undefined && d.provider === undefined);
}

/** One provider's metrics, in the table's order. */
export function providerMetricDefs(spec: ScenarioSpec, provider: string): MetricDef[] {
  return METRIC_TABLE.filter((e): e is MetricFamily => isFamily(e) && e.under === 'provider' && reported(e, spec)).map((e) => memberDef(e, provider));
}

/** One line's metrics, in the table's order. */
export function lineMetricDefs(spec: ScenarioSpec, line: string): MetricDef[] {
  return METRIC_TABLE.filter((e): e is MetricFamily => isFamily(e) && e.under === 'line' && reported(e, spec)).map((e) => memberDef(e, line));
}

/**
 * What is wrong with a metric name given before any scenario is read (batch's `--metric`), or
 * undefined: a name is a single metric (`icb_surplus`), a family's member
 * (`provider_surplus.northshire`: whether the member exists depends on the scenario) or all of a
 * family's members (`provider_surplus.*`).
 */
export function metricNameProblem(name: string): string | undefined {
  const singles = METRIC_TABLE.filter((e): e is SingleMetric => !isFamily(e)).map((e) => e.name);
  const families = METRIC_FAMILIES.map((f) => f.family);
  const dot = name.indexOf('.');
  if (singles.includes(name) || (dot > 0 && dot < name.length - 1 && families.includes(name.slice(0, dot)))) return undefined;
  // A misspelt family keeps its member: `provider_surplu.northshire` → `provider_surplus.northshire`.
  const family = dot > 0 ? closest(name.slice(0, dot), families) : undefined;
  const suggestion = family !== undefined ? `${family}${name.slice(dot)}` : closest(name, [...singles, ...families.map((f) => `${f}.*`)]);
  return (
    `unknown metric \`${name}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ''} (a metric such as ${singles.slice(0, 3).join(', ')}, ` +
    `a family's member such as spend.acute or provider_surplus.northshire, or a whole family: ${families.map((f) => `${f}.*`).join(', ')})`
  );
}

/** The table entry behind a metric name, and the member index for a family's metric. */
export function metricEntry(spec: ScenarioSpec, name: string): { entry: MetricEntry; member: number } | undefined {
  for (const e of METRIC_TABLE) {
    if (!reported(e, spec)) continue;
    if (!isFamily(e)) {
      if (e.name === name) return { entry: e, member: -1 };
      continue;
    }
    if (!name.startsWith(`${e.family}.`)) continue;
    const member = e.members(spec).indexOf(name.slice(e.family.length + 1));
    if (member >= 0) return { entry: e, member };
  }
  return undefined;
}

/**
 * The metrics to compute for a scenario, with their map keys built once rather than once a year or
 * once a draw (fresh key strings each need hashing). A key left undefined is a family member not
 * wanted: Monte Carlo draws compute only the members their checks read, and those are most of
 * the work. Single metrics are always computed.
 */
export interface MetricSet {
  entries: readonly { entry: MetricEntry; keys: readonly (string | undefined)[] }[];
}

export function metricSet(spec: ScenarioSpec, wanted?: ReadonlySet<string>): MetricSet {
  // A rule on `provider_surplus.*` reads every member of the family.
  const keep = (family: string, key: string): string | undefined =>
    wanted === undefined || wanted.has(key) || wanted.has(`${family}.*`) ? key : undefined;
  return {
    entries: METRIC_TABLE.filter((e) => reported(e, spec)).map((entry) => ({
      entry,
      keys: isFamily(entry) ? entry.members(spec).map((m) => keep(entry.family, `${entry.family}.${m}`)) : [entry.name],
    })),
  };
}

/**
 * Every metric of every year, in MODEL.md's order, from the rounded projection figures.
 * A metric a year cannot have (growth in the base year, a share of zero spend) is left out.
 */
export function computeMetrics<T>(p: Projection<T>, A: Arith<T>, metrics: MetricSet): Map<string, T>[] {
  const out: Map<string, T>[] = [];
  const entries = metrics.entries;
  for (let t = 0; t <= p.plan.n; t++) {
    const m = new Map<string, T>();
    const year = { p, A, t, before: out[t - 1] };
    for (let e = 0; e < entries.length; e++) {
      const { entry, keys } = entries[e]!;
      if (t < entry.fromYear) continue;
      if (!isFamily(entry)) {
        const v = entry.value(year);
        if (v !== undefined) m.set(keys[0]!, v);
        continue;
      }
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i];
        if (key === undefined) continue;
        const v = entry.value(year, i);
        if (v !== undefined) m.set(key, v);
      }
    }
    out.push(m);
  }
  return out;
}
