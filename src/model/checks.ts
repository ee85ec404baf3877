/**
 * MODEL.md "Checks": a rule names a metric, a min and/or max, and one year or every year.
 * Extensions (README, "Extensions to the model contract"): `change_min`/`change_max` bound the
 * change from the year before, `min_change_from_base`/`max_change_from_base` bound the relative
 * change since the base year, and `year: final` names the plan's last year.
 * Generic over the arithmetic so Monte Carlo draws can count how often each rule fails.
 */
import type { Arith } from './arith.js';
import type { BoundSpec, CheckSpec } from './schema.js';

/** Which limit failed: the figure itself, its change from the year before, or its change since the base year. */
export type CheckSide = 'min' | 'max' | 'change_min' | 'change_max' | 'min_change_from_base' | 'max_change_from_base';
export const CHECK_SIDES: readonly CheckSide[] = [
  'min', 'max', 'change_min', 'change_max', 'min_change_from_base', 'max_change_from_base',
];

export interface CheckFailure<T> {
  year: string;
  side: CheckSide;
  /** The figure compared with the limit: the metric, its change, or its relative change from the base year. */
  value: T;
  limit: T;
}

export interface CheckOutcome<T> {
  check: CheckSpec;
  /** Index of the check among those evaluated (its position in `checks:` or the rules file). */
  index: number;
  passed: boolean;
  /** Years the rule was applied to. */
  years: string[];
  failures: CheckFailure<T>[];
}

/** The year a `year:` rule applies to, with `final` resolved against this plan's period. */
export function checkYear(check: CheckSpec, labels: readonly string[]): string | undefined {
  return check.year === 'final' ? labels.at(-1) : check.year;
}

function limitOf<T>(bound: BoundSpec, metrics: Map<string, T>, A: Arith<T>): T | undefined {
  return bound.kind === 'metric' ? metrics.get(bound.metric) : A.of(bound.value);
}

/** Every metric a set of checks reads: each rule's own metric and any metric it is compared with. */
export function metricsReadBy(checks: readonly CheckSpec[]): Set<string> {
  // A pattern (`provider_surplus.*`) is kept as written: the metric set reads it as every member.
  const read = new Set<string>();
  for (const c of checks) {
    read.add(c.metric);
    for (const bound of [c.min, c.max, c.change_min, c.change_max]) if (bound?.kind === 'metric') read.add(bound.metric);
  }
  return read;
}

/** `provider_surplus.*`: a rule for every member of a metric family (an extension to MODEL.md). */
export function isMetricPattern(metric: string): boolean {
  return metric.endsWith('.*');
}

/**
 * The rules a check stands for: itself, or for a pattern one rule per metric it matches, in the
 * order given, each named after its member (`Each organisation breaks even: northshire`) so a
 * report or an annotation says which provider failed.
 */
export function expandCheck(check: CheckSpec, metricNames: Iterable<string>): CheckSpec[] {
  if (!isMetricPattern(check.metric)) return [check];
  const prefix = check.metric.slice(0, -1);
  const out: CheckSpec[] = [];
  for (const name of metricNames) {
    if (name.startsWith(prefix) && name.length > prefix.length) out.push({ ...check, name: `${check.name}: ${name.slice(prefix.length)}`, metric: name });
  }
  return out;
}

/** Every metric name of a run, in the order first reported. */
function namesIn<T>(metrics: readonly Map<string, T>[]): Set<string> {
  const names = new Set<string>();
  for (const m of metrics) for (const k of m.keys()) names.add(k);
  return names;
}

/**
 * `labels[t]` is year t's label and `metrics[t]` its figures, as computeMetrics returns them. A
 * pattern rule gives one outcome per metric it matches, each with the rule's own index.
 */
export function evaluateChecks<T>(
  checks: readonly CheckSpec[],
  labels: readonly string[],
  metrics: readonly Map<string, T>[],
  A: Arith<T>,
): CheckOutcome<T>[] {
  const names = checks.some((c) => isMetricPattern(c.metric)) ? namesIn(metrics) : undefined;
  const concrete = checks.flatMap((check, index) => (names === undefined ? [check] : expandCheck(check, names)).map((c) => ({ c, index })));
  return concrete.map(({ c: check, index }) => {
    const failures: CheckFailure<T>[] = [];
    const years: string[] = [];
    const only = checkYear(check, labels);
    labels.forEach((year, t) => {
      if (check.each_year !== true && only !== year) return;
      const m = metrics[t]!;
      const value = m.get(check.metric);
      // each_year skips years that do not report the metric (growth in the base year).
      if (value === undefined) return;
      // Each side's figure is worked out only when the rule has that side: draws evaluate this per draw.
      const measure = (side: CheckSide): T | undefined => {
        if (side === 'min' || side === 'max') return value;
        if (t === 0) return undefined;
        if (side === 'change_min' || side === 'change_max') {
          const before = metrics[t - 1]!.get(check.metric);
          return before === undefined ? undefined : A.sub(value, before);
        }
        const base = metrics[0]!.get(check.metric);
        return base === undefined || A.isZero(base) ? undefined : A.sub(A.div(value, base), A.one);
      };
      let applied = false;
      for (const side of CHECK_SIDES) {
        const bound = check[side];
        if (bound === undefined) continue;
        const figure = measure(side);
        if (figure === undefined) continue;
        const limit =
          side === 'min_change_from_base' || side === 'max_change_from_base'
            ? A.of(bound as NonNullable<CheckSpec['min_change_from_base']>)
            : limitOf(bound as BoundSpec, m, A);
        if (limit === undefined) continue;
        applied = true;
        const c = A.cmp(figure, limit);
        const atLeast = side === 'min' || side === 'change_min' || side === 'min_change_from_base';
        if ((atLeast && c < 0) || (!atLeast && c > 0)) failures.push({ year, side, value: figure, limit });
      }
      // A year where no limit could apply (a change rule in the base year) is not a year checked.
      if (applied) years.push(year);
    });
    return { check, index, passed: failures.length === 0, years, failures };
  });
}
