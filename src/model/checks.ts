/**
 * MODEL.md "Checks": a rule names a metric, a min and/or max, and one year or every year.
 * Generic over the arithmetic so Monte Carlo draws can count how often each rule fails.
 */
import type { Arith } from './arith.js';
import type { BoundSpec, CheckSpec } from './schema.js';

export interface CheckFailure<T> {
  year: string;
  side: 'min' | 'max';
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

function limitOf<T>(bound: BoundSpec, metrics: Map<string, T>, A: Arith<T>): T | undefined {
  return bound.kind === 'metric' ? metrics.get(bound.metric) : A.of(bound.value);
}

/** `labels[t]` is year t's label and `metrics[t]` its figures, as computeMetrics returns them. */
export function evaluateChecks<T>(
  checks: readonly CheckSpec[],
  labels: readonly string[],
  metrics: readonly Map<string, T>[],
  A: Arith<T>,
): CheckOutcome<T>[] {
  return checks.map((check, index) => {
    const failures: CheckFailure<T>[] = [];
    const years: string[] = [];
    labels.forEach((year, t) => {
      if (check.each_year !== true && check.year !== year) return;
      const m = metrics[t]!;
      const value = m.get(check.metric);
      // each_year skips years that do not report the metric (growth in the base year).
      if (value === undefined) return;
      years.push(year);
      for (const side of ['min', 'max'] as const) {
        const bound = check[side];
        if (!bound) continue;
        const limit = limitOf(bound, m, A);
        if (limit === undefined) continue;
        const c = A.cmp(value, limit);
        if ((side === 'min' && c < 0) || (side === 'max' && c > 0)) failures.push({ year, side, value, limit });
      }
    });
    return { check, index, passed: failures.length === 0, years, failures };
  });
}
