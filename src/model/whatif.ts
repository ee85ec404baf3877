/** One figure of the exact engine for a scenario with some inputs changed: what sweep, solve and tornado evaluate. */
import type { CheckOutcome } from './checks.js';
import type { Dec } from './decimal.js';
import { specWith, type Plain } from './input-path.js';
import type { Problem } from './issues.js';
import { parseScenario, runChecks, runScenario, type RunResult } from './run.js';

export interface Probe {
  metric: string;
  year: string;
}

/** The metric's exact figure with `sets` applied (undefined where the year has none). */
export function figureWith(data: Plain, sets: readonly (readonly [string, unknown])[], probe: Probe): Dec | undefined {
  const result = runScenario(specWith(data, sets));
  const year = result.years.find((y) => y.year === probe.year);
  return year?.metrics[probe.metric];
}

export type WhatIf = { ok: true; result: RunResult; checks: CheckOutcome<Dec>[] } | { ok: false; problems: Problem[] };

/** The what-if page's recomputation: untrusted data in (the file with the reader's changes), every figure and check out. */
export function whatIf(data: Plain, fallbackName: string): WhatIf {
  const parsed = parseScenario(data);
  if (!parsed.ok) return parsed;
  const result = runScenario(parsed.spec, fallbackName);
  return { ok: true, result, checks: runChecks(result) };
}
