/**
 * Rules a single rate must meet, checked as the rate is read (a zod refinement on its field), so
 * a rate out of range is reported beside every other problem in the file instead of after them.
 * A rule reads a distribution's mean, or both ends of its range.
 */
import type { Dec } from './decimal.js';
import { Rate, RateSeries, type RateSeriesSpec, type RateSpec } from './schema-values.js';
import { transformed, type TransformCtx } from './zod.js';

export interface RateRule {
  /** The problem with this value (a fraction: 0.25 for 25%), or undefined when it is allowed. */
  problem(value: Dec): string | undefined;
}

const pct = (v: Dec) => `${v.times(100).toFixed()}%`;

export function between(lo: number, hi: number, what: string): RateRule {
  return { problem: (v) => (v.lt(lo) || v.gt(hi) ? `${what} must be between ${lo * 100}% and ${hi * 100}%` : undefined) };
}

/** Growth or a cost driver at -100% or below would leave nothing, or less than nothing. */
export function aboveMinusAll(what: string, leaves: string): RateRule {
  return { problem: (v) => (v.lte(-1) ? `${what} of ${pct(v)} is impossible: it must be more than -100% (${leaves})` : undefined) };
}

/** A cost improvement above 100% would save more than the whole cost. */
export function atMostAll(what: string, because: string): RateRule {
  return { problem: (v) => (v.gt(1) ? `${what} of ${pct(v)} is impossible: it must be at most 100% (${because})` : undefined) };
}

function valuesOf(rate: RateSpec): Dec[] {
  return rate.kind === 'fixed' ? [rate.value] : rate.kind === 'normal' ? [rate.mean] : [rate.min, rate.max];
}

/** The first problem a rule finds with a rate. */
export function rateProblem(rate: RateSpec, rule: RateRule): string | undefined {
  for (const v of valuesOf(rate)) {
    const p = rule.problem(v);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** Each rate of a series with its path, for rules that hold every year's rate to a range. */
export function seriesRates(series: RateSeriesSpec, path: PropertyKey[]): [RateSpec, PropertyKey[]][] {
  if (series.kind === 'one') return [[series.rate, path]];
  if (series.kind === 'list') return series.rates.map((r, i) => [r, [...path, i]]);
  return Object.entries(series.byYear).map(([year, r]) => [r, [...path, year]]);
}

type Ctx = TransformCtx;

export function checkRate(rate: RateSpec, rules: readonly RateRule[], ctx: Ctx, path: PropertyKey[] = []): void {
  for (const rule of rules) {
    const message = rateProblem(rate, rule);
    if (message !== undefined) ctx.addIssue({ code: 'custom', message, path });
  }
}

export function checkSeries(series: RateSeriesSpec, rules: readonly RateRule[], ctx: Ctx): void {
  for (const [rate, path] of seriesRates(series, [])) checkRate(rate, rules, ctx, path as (string | number)[]);
}

/*
 * The rules run in a transform that returns the rate unchanged, not a refinement: a refined copy
 * of Rate would be written out whole in the JSON Schema, where a transform's input is Rate itself.
 */

/** A rate that must meet these rules. */
export function ruledRate(...rules: RateRule[]) {
  return transformed(Rate, (rate, ctx) => {
    checkRate(rate, rules, ctx);
    return rate;
  });
}

/** A rate per year, each of which must meet these rules. */
export function ruledSeries(...rules: RateRule[]) {
  return transformed(RateSeries, (series, ctx) => {
    checkSeries(series, rules, ctx);
    return series;
  });
}
