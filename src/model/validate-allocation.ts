/**
 * The rules of MODEL.md "Fair shares" and "Non-recurrent streams" that tie one key to another:
 * which convergence rule is given, its ranges, the years of one-off money and the lines it names.
 */
import { Dec } from './decimal.js';
import type { RateSeriesSpec, RateSpec, ScenarioSpec } from './schema.js';
import { PENNY_PLACES } from './units.js';

export interface RuleContext {
  fail(path: PropertyKey[], message: string, at?: 'key' | 'value'): void;
  checkSeries(series: RateSeriesSpec | undefined, path: PropertyKey[]): void;
  lineRef(name: string, path: PropertyKey[], at?: 'key' | 'value'): boolean;
  between(rate: RateSpec, lo: number, hi: number, path: PropertyKey[], what: string): void;
  /** Every year of the plan, base year first. */
  labels: readonly string[];
}

export function fairShareRules(s: ScenarioSpec, r: RuleContext): void {
  const fs = s.allocation.fair_share;
  if (!fs) return;
  const at = (...rest: PropertyKey[]) => ['allocation', 'fair_share', ...rest];
  // An allocation at or below -100% of its target would be nothing at all, and T_0 = R_0 / (1 + d_0) breaks.
  if (fs.distance_from_target.lte(-1)) {
    r.fail(at('distance_from_target'), `the distance from target must be more than -100% (the allocation less its target, over the target), got ${fs.distance_from_target.times(100).toFixed()}%`);
  }
  // T_0 is rounded to the penny: an allocation that leaves it at nothing (a fraction of a penny, or
  // a penny far above target) makes every later distance 0/0, so every figure after it NaN.
  const places = PENNY_PLACES[s.units];
  const target0 = fs.distance_from_target.gt(-1) ? s.allocation.recurrent.dividedBy(fs.distance_from_target.plus(1)).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN) : undefined;
  if (s.allocation.recurrent.toDecimalPlaces(places, Dec.ROUND_HALF_EVEN).isZero() || target0?.isZero() === true) {
    r.fail(at(), 'a fair-share target needs a recurrent allocation above zero whose target, R_0 / (1 + distance), is at least a penny: the distance from target is a share of it');
  }
  const paced = fs.pace !== undefined || fs.cap !== undefined;
  if (fs.convergence !== undefined && paced) {
    const key = fs.pace !== undefined ? 'pace' : 'cap';
    r.fail(at(key), `give either \`pace\` and \`cap\` or \`convergence\`, not both: \`convergence\` sets the adjustment itself, so \`${key}\` would be ignored`, 'key');
    return;
  }
  if (fs.convergence !== undefined) {
    r.checkSeries(fs.convergence, at('convergence'));
    return;
  }
  if (!paced) {
    r.fail(at(), 'fair_share needs a convergence rule: `pace` and `cap` (e.g. `pace: 20%` and `cap: 0.5%`), or `convergence` (the adjustment for each year)');
    return;
  }
  if (fs.pace === undefined) r.fail(at(), 'missing key `pace` (the share of the distance from target closed each year, e.g. `pace: 20%`): `cap` needs it', 'key');
  if (fs.cap === undefined) r.fail(at(), 'missing key `cap` (the most convergence moves growth in a year, e.g. `cap: 0.5%`): `pace` needs it', 'key');
  if (fs.pace !== undefined) r.between(fs.pace, 0, 1, at('pace'), 'the pace of convergence');
  if (fs.cap !== undefined) r.between(fs.cap, 0, 10, at('cap'), 'the cap on convergence');
}

export function nonRecurrentRules(s: ScenarioSpec, r: RuleContext): void {
  const period = `${r.labels[0]} to ${r.labels.at(-1)}`;
  const years = (amounts: Record<string, unknown>, path: PropertyKey[]) => {
    for (const year of Object.keys(amounts)) {
      if (!r.labels.includes(year)) r.fail([...path, year], `${year} is outside the period ${period}`, 'key');
    }
  };
  const nr = s.allocation.non_recurrent;
  if (nr?.kind === 'years') years(nr.byYear, ['allocation', 'non_recurrent']);
  if (nr?.kind === 'streams') {
    for (const [name, stream] of Object.entries(nr.streams)) {
      const at = ['allocation', 'non_recurrent', name];
      if (stream.ringFenced === undefined) {
        years(stream.amounts, at);
        continue;
      }
      years(stream.amounts, [...at, 'amounts']);
      r.lineRef(stream.ringFenced, [...at, 'ring_fenced']);
      for (const [year, amount] of Object.entries(stream.amounts)) {
        // Ring-fenced money is spent on its line: a negative amount would be spend taken away.
        if (amount.isNegative()) r.fail([...at, 'amounts', year], 'a ring-fenced amount is money spent on its line: it cannot be negative');
      }
    }
  }
  for (const [name, line] of Object.entries(s.lines)) {
    if (line.non_recurrent_savings) years(line.non_recurrent_savings, ['lines', name, 'non_recurrent_savings']);
  }
}
