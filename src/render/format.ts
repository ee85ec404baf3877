/** How figures read to a finance director: thousands separators, visible deficits, percentages. */
import { Dec, decString } from '../model/decimal.js';
import type { MetricKind } from '../model/metrics.js';
import type { Units } from '../model/units.js';

/** Decimal places shown in tables: £m to 0.1 (£100k), £k and £ to whole units. */
export const DISPLAY_PLACES: Record<Units, number> = { '£m': 1, '£k': 0, '£': 0 };

function group(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** 1234.56 → "1,234.6"; a deficit shows as "-1,234.6" (a minus sign, never brackets, so it greps). */
export function formatMoney(d: Dec, places: number): string {
  const rounded = d.toDecimalPlaces(places, Dec.ROUND_HALF_EVEN);
  const text = rounded.abs().toFixed(places);
  const [whole, frac] = text.split('.');
  const body = group(whole ?? '0') + (frac ? `.${frac}` : '');
  return rounded.isNegative() && !rounded.isZero() ? `-${body}` : body;
}

/** A change as a reader sees it: signed, so a rise and a fall read apart ("+21.0", "-9.2", "0.0"). */
export function signedMoney(d: Dec, units: Units): string {
  const text = formatMoney(d, DISPLAY_PLACES[units]);
  if (text.startsWith('-')) return text;
  return /[1-9]/.test(text) ? `+${text}` : text;
}

/**
 * Money in a sentence, as a finance director writes it: £5.00m, -£0.12m, £12.5k, £1,200.00 (the
 * table's `5.0` with its unit in the heading does not read in a message).
 */
export function moneyText(d: Dec, places: number, units: Units): string {
  return withUnit(formatMoney(d, places), units);
}

/** A money figure's text with its unit around it: `-12.5` in £m is `-£12.5m`. */
export function withUnit(figure: string, units: Units): string {
  const negative = figure.startsWith('-');
  const suffix = units === '£m' ? 'm' : units === '£k' ? 'k' : '';
  return `${negative ? '-' : ''}£${negative ? figure.slice(1) : figure}${suffix}`;
}

/** 0.2734 → "27.34%": shares are shown to 0.01 percentage points. */
export function formatShare(d: Dec): string {
  return `${d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2)}%`;
}

/** Rates (growth) read to two decimal places of a per cent too. */
export const formatRate = formatShare;

export function formatMetric(d: Dec, kind: MetricKind, units: Units): string {
  return kind === 'money' ? formatMoney(d, DISPLAY_PLACES[units]) : formatShare(d);
}

/** Exact text for machine formats (JSON, CSV): MODEL.md's plain decimal strings. */
export function exactText(d: Dec): string {
  return decString(d);
}

/**
 * A whole number with thousands commas (10,000), as en-GB writes it. Not toLocaleString: its first
 * call loads the locale data, about 0.1 s, and the option help of run and report is built at every
 * start.
 */
export function thousands(n: number): string {
  return group(String(Math.trunc(n)));
}
