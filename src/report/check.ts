/**
 * What `icbsim check` found, in a shape every output format (text, JSON, JUnit, GitHub) reads, and
 * a run's own checks as the board report and the workbook show them: evaluated here, once.
 */
import type { CheckFailure, CheckOutcome } from '../model/checks.js';
import type { Dec } from '../model/decimal.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { metricDefs, type MetricKind } from '../model/metrics.js';
import { runChecks, type RunResult } from '../model/run.js';
import type { CheckSpec } from '../model/schema.js';
import type { Units } from '../model/units.js';

export type RuleFailure = CheckFailure<Dec>;

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

export interface CheckTotals {
  plans: number;
  errors: number;
  rules: number;
  failed: number;
}

export interface CheckReport {
  entries: (PlanResult | PlanError)[];
  totals: CheckTotals;
}

export function checkReport(entries: (PlanResult | PlanError)[]): CheckReport {
  const totals: CheckTotals = { plans: 0, errors: 0, rules: 0, failed: 0 };
  for (const e of entries) {
    if (e.kind === 'error') totals.errors++;
    else {
      totals.plans++;
      totals.rules += e.rules.length;
      totals.failed += e.rules.filter((r) => !r.passed).length;
    }
  }
  return { entries, totals };
}

/** A run with the outcome of each of its own checks. */
export interface CheckedRun {
  result: RunResult;
  checks: CheckOutcome<Dec>[];
}

export function checkedRun(result: RunResult): CheckedRun {
  return { result, checks: runChecks(result) };
}

/** A set of rules (a plan's own `checks:` or a rules file's) and where each one is written. */
export interface RuleSet {
  checks: readonly CheckSpec[];
  where(index: number): RuleResult['source'];
}

/** A plan's run held to every set of rules, in order. */
export function planResult(file: string, run: RunResult, sets: readonly RuleSet[]): PlanResult {
  const kinds = new Map(metricDefs(run.spec).map((d) => [d.name, d.kind]));
  const rules: RuleResult[] = sets.flatMap((set) =>
    runChecks(run, set.checks).map((o) => ({
      name: o.check.name,
      metric: o.check.metric,
      kind: kinds.get(o.check.metric) ?? 'money',
      source: set.where(o.index),
      passed: o.passed,
      years: o.years,
      failures: o.failures,
    })),
  );
  return { kind: 'plan', file, scenario: run.scenario, units: run.units, baseYear: run.years[0]?.year ?? '', rules };
}
