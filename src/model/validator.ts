/**
 * What a validation rule reports through: the problems found so far, and the checks many rules
 * share (a rate per projection year, a known line, a rate within a range), each worded once.
 */
import type { Problem } from './issues.js';
import type { RateSeriesSpec, RateSpec } from './schema-values.js';
import { didYouMeanSuffix } from './suggest.js';
import { yearLabels } from './years.js';

export class Validator {
  readonly problems: Problem[] = [];
  /** Every year of the plan, base year first. */
  readonly labels: readonly string[];
  readonly projection: readonly string[];
  readonly lineNames: readonly string[];

  constructor(
    s: { base_year: string; years: number; lines: Record<string, unknown> },
  ) {
    this.labels = yearLabels(s.base_year, s.years);
    this.projection = this.labels.slice(1);
    this.lineNames = Object.keys(s.lines);
  }

  fail(path: PropertyKey[], message: string, at: 'key' | 'value' = 'value'): void {
    this.problems.push({ path, message, at });
  }

  /** A series gives exactly one rate for each projection year. */
  checkSeries(series: RateSeriesSpec | undefined, path: PropertyKey[]): void {
    if (!series) return;
    const projection = this.projection;
    if (series.kind === 'list' && series.rates.length !== projection.length) {
      this.fail(path, `expected ${projection.length} rates, one per projection year (${projection.join(', ')}), got ${series.rates.length}`);
    }
    if (series.kind === 'map') {
      for (const year of Object.keys(series.byYear)) {
        if (!projection.includes(year)) this.fail([...path, year], `${year} is not a projection year: they run ${projection[0]} to ${projection.at(-1)}`, 'key');
      }
      const missing = projection.filter((y) => !(y in series.byYear));
      if (missing.length > 0) this.fail(path, `missing ${missing.length === 1 ? 'a rate for' : 'rates for'} ${missing.join(', ')}`);
    }
  }

  /** True when the line exists; otherwise reports it, with the closest name. */
  lineRef(name: string, path: PropertyKey[], at: 'key' | 'value' = 'value'): boolean {
    if (this.lineNames.includes(name)) return true;
    this.fail(path, `no line named \`${name}\`${didYouMeanSuffix(name, this.lineNames)} (lines: ${this.lineNames.join(', ')})`, at);
    return false;
  }

  /** A rate (a distribution's mean, or its whole range) lies between lo and hi, as fractions. */
  between(rate: RateSpec, lo: number, hi: number, path: PropertyKey[], what: string): void {
    const values = rate.kind === 'fixed' ? [rate.value] : rate.kind === 'normal' ? [rate.mean] : [rate.min, rate.max];
    if (values.some((v) => v.lt(lo) || v.gt(hi))) this.fail(path, `${what} must be between ${lo * 100}% and ${hi * 100}%`);
  }
}
