/** Rates as a board member reads them: as written (2.8%, not 2.80%), a distribution in words. */
import { decString, type Dec } from './decimal.js';
import type { RateSeriesSpec, RateSpec } from './schema-values.js';

export function rateText(d: Dec): string {
  return `${decString(d.times(100))}%`;
}

export function rateSpecText(r: RateSpec): string {
  switch (r.kind) {
    case 'fixed':
      return rateText(r.value);
    case 'normal':
      return `normal, mean ${rateText(r.mean)}, sd ${rateText(r.sd)}`;
    case 'triangular':
      return `triangular ${rateText(r.min)} / ${rateText(r.mode)} / ${rateText(r.max)}`;
    case 'uniform':
      return `uniform ${rateText(r.min)} to ${rateText(r.max)}`;
  }
}

export function seriesText(s: RateSeriesSpec): string {
  if (s.kind === 'one') return rateSpecText(s.rate);
  if (s.kind === 'list') return s.rates.map(rateSpecText).join(', ');
  return Object.entries(s.byYear)
    .map(([y, r]) => `${y} ${rateSpecText(r)}`)
    .join(', ');
}
