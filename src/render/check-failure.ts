/** A check's failures and places in words, as the text, JUnit and GitHub outputs write them. */
import { Dec } from '../model/decimal.js';
import type { Units } from '../model/units.js';
import type { PlanResult, RuleFailure, RuleResult } from '../report/check.js';
import { moneyText } from './format.js';

const CHECK_MONEY_PLACES: Record<Units, number> = { '£m': 2, '£k': 1, '£': 2 };

/**
 * Figures as a failure message shows them. When the usual precision would make the figure and
 * its limit look equal (2.80% < 2.80%), both are shown with enough places to see the difference.
 */
function pair(value: Dec, limit: Dec, asRate: boolean, units: Units): [string, string] {
  const show = (d: Dec, extra: number) =>
    asRate
      ? `${d.times(100).toDecimalPlaces(2 + extra, Dec.ROUND_HALF_EVEN).toFixed(2 + extra)}%`
      : moneyText(d, CHECK_MONEY_PLACES[units] + extra, units);
  for (const extra of [0, 2, 4, 6]) {
    const a = show(value, extra);
    const b = show(limit, extra);
    if (a !== b) return [a, b];
  }
  return [value.toFixed(), limit.toFixed()];
}

/** One failure in plain words: "2027/28: icb_surplus -12.30 is below the minimum 0.00". */
export function describeFailure(rule: RuleResult, f: RuleFailure, plan: PlanResult): string {
  const fromBase = f.side === 'min_change_from_base' || f.side === 'max_change_from_base';
  const asRate = fromBase || rule.kind !== 'money';
  const [value, limit] = pair(f.value, f.limit, asRate, plan.units);
  const below = f.side === 'min' || f.side === 'change_min' || f.side === 'min_change_from_base';
  const limitWord = below ? 'minimum' : 'maximum';
  const direction = below ? 'below' : 'above';
  switch (f.side) {
    case 'min':
    case 'max':
      return `${f.year}: ${rule.metric} is ${value}, ${direction} the ${limitWord} ${limit}`;
    case 'change_min':
    case 'change_max': {
      const points = rule.kind === 'money' ? '' : ' points';
      return `${f.year}: ${rule.metric} changed by ${value}${points} from the year before, ${direction} the ${limitWord} change ${limit}${points}`;
    }
    case 'min_change_from_base':
    case 'max_change_from_base':
      return `${f.year}: ${rule.metric} changed by ${value} since ${plan.baseYear}, ${direction} the ${limitWord} change ${limit}`;
  }
}

export function where(source: RuleResult['source']): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
