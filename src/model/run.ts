/** The core's front door: untrusted data in, a validated scenario, then its exact projection. */
import { exactArith } from './arith.js';
import { evaluateChecks, type CheckOutcome } from './checks.js';
import type { Dec } from './decimal.js';
import { project, type Projection } from './engine.js';
import { describeIssues, PARSE_OPTIONS, type Problem } from './issues.js';
import { computeMetrics, metricSet } from './metrics.js';
import { buildPlan, centralSampler, type Plan } from './plan.js';
import { Scenario, type CheckSpec, type ScenarioSpec } from './schema.js';
import { reservedKeyProblems, withReserved } from './reserved-keys.js';
import { PENNY_PLACES, type Units } from './units.js';
import { validateScenario } from './validate.js';

export interface YearResult {
  year: string;
  metrics: Record<string, Dec>;
}

export interface RunResult {
  scenario: string;
  units: Units;
  lines: { name: string; category: string; label: string }[];
  years: YearResult[];
  warnings: string[];
  projection: Projection<Dec>;
  spec: ScenarioSpec;
}

export type Parsed = { ok: true; spec: ScenarioSpec } | { ok: false; problems: Problem[] };

export function parseScenario(data: unknown): Parsed {
  const reserved = reservedKeyProblems(data);
  const parsed = Scenario.safeParse(data, PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, problems: withReserved(data, reserved, describeIssues(parsed.error.issues)) };
  if (reserved.length > 0) return { ok: false, problems: reserved };
  const problems = validateScenario(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec: parsed.data };
}

export function exactPlan(spec: ScenarioSpec): Plan<Dec> {
  const arith = exactArith(PENNY_PLACES[spec.units]);
  return buildPlan(spec, arith, centralSampler(arith));
}

/** The plain (central-value) run of a validated scenario. */
export function runScenario(spec: ScenarioSpec, fallbackName = 'scenario'): RunResult {
  const arith = exactArith(PENNY_PLACES[spec.units]);
  const projection = project(buildPlan(spec, arith, centralSampler(arith)), arith);
  const metrics = computeMetrics(projection, arith, metricSet(spec));
  return {
    scenario: spec.name ?? fallbackName,
    units: spec.units,
    lines: Object.entries(spec.lines).map(([name, l]) => ({ name, category: l.category, label: l.label ?? name })),
    years: projection.plan.labels.map((year, t) => ({ year, metrics: Object.fromEntries(metrics[t]!) })),
    warnings: projection.warnings,
    projection,
    spec,
  };
}

/** A run held to checks (its own unless others are given), in exact arithmetic as `check` does. */
export function runChecks(result: RunResult, checks: readonly CheckSpec[] = result.spec.checks ?? []): CheckOutcome<Dec>[] {
  const metrics = result.years.map((y) => new Map(Object.entries(y.metrics)));
  return evaluateChecks(checks, result.years.map((y) => y.year), metrics, exactArith(PENNY_PLACES[result.units]));
}
