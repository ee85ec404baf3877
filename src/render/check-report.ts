/** What `icbsim check` found, in a shape every output format (text, JSON, JUnit, GitHub) reads. */
import type { Diagnostic } from '../model/diagnostic.js';
import type { CheckSide } from '../model/checks.js';
import { Dec } from '../model/decimal.js';
import type { MetricKind } from '../model/metrics.js';
import type { Units } from '../model/units.js';
import { formatMoney } from './format.js';

export interface RuleFailure {
  year: string;
  side: CheckSide;
  value: Dec;
  limit: Dec;
}

export interface RuleResult {
  name: string;
  metric: string;
  kind: MetricKind;
  /** Where the rule is written: the plan (or a file it extends) or a rules file. */
  source: { file: string; line?: number; col?: number };
  passed: boolean;
  years: string[];
  failures: RuleFailure[];
}

export interface PlanResult {
  kind: 'plan';
  file: string;
  scenario: string;
  units: Units;
  baseYear: string;
  rules: RuleResult[];
}

export interface PlanError {
  kind: 'error';
  file: string;
  diagnostics: Diagnostic[];
  /** The diagnostics with the offending source lines, plain (for JUnit). */
  text: string;
  /** The same as stderr shows them (coloured on a terminal). */
  display: string;
}

export interface CheckReport {
  entries: (PlanResult | PlanError)[];
}

export function summarise(report: CheckReport): { plans: number; errors: number; rules: number; failed: number } {
  let plans = 0, errors = 0, rules = 0, failed = 0;
  for (const e of report.entries) {
    if (e.kind === 'error') errors++;
    else {
      plans++;
      rules += e.rules.length;
      failed += e.rules.filter((r) => !r.passed).length;
    }
  }
  return { plans, errors, rules, failed };
}

const CHECK_MONEY_PLACES: Record<Units, number> = { '£m': 2, '£k': 1, '£': 2 };

/**
 * Figures as a failure message shows them. When the usual precision would make the figure and
 * its limit look equal (2.80% < 2.80%), both are shown with enough places to see the difference.
 */
function pair(value: Dec, limit: Dec, asRate: boolean, units: Units): [string, string] {
  const show = (d: Dec, extra: number) =>
    asRate
      ? `${d.times(100).toDecimalPlaces(2 + extra, Dec.ROUND_HALF_EVEN).toFixed(2 + extra)}%`
      : formatMoney(d, CHECK_MONEY_PLACES[units] + extra);
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
  const unit = asRate ? '' : ` ${plan.units}`;
  const below = f.side === 'min' || f.side === 'change_min' || f.side === 'min_change_from_base';
  const limitWord = below ? 'minimum' : 'maximum';
  const direction = below ? 'below' : 'above';
  switch (f.side) {
    case 'min':
    case 'max':
      return `${f.year}: ${rule.metric} is ${value}${unit}, ${direction} the ${limitWord} ${limit}${unit}`;
    case 'change_min':
    case 'change_max': {
      const points = rule.kind === 'money' ? '' : ' points';
      return `${f.year}: ${rule.metric} changed by ${value}${points}${unit} from the year before, ${direction} the ${limitWord} change ${limit}${points}${unit}`;
    }
    case 'min_change_from_base':
    case 'max_change_from_base':
      return `${f.year}: ${rule.metric} changed by ${value} since ${plan.baseYear}, ${direction} the ${limitWord} change ${limit}`;
  }
}

export function where(source: RuleResult['source']): string {
  return source.line === undefined ? source.file : `${source.file}:${source.line}`;
}
