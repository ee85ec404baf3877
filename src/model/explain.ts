/**
 * The audit trail of one figure: how `run` computed it, step by step in MODEL.md's order, read
 * from the exact projection's trace (the figures `run` reports), so every number shown is the
 * number `run` used. Each metric's trail is its entry's `explain` in metric-table.ts.
 * tests/analysis/explain.test.ts replays each trail's arithmetic.
 */
import type { Dec } from './decimal.js';
import { Steps, type ExplainStep } from './explain-trail.js';
import { metricDefs, metricEntry, type MetricDef } from './metrics.js';
import type { RunResult } from './run.js';

export type { ExplainStep, StepKind } from './explain-trail.js';

export interface Explanation {
  metric: MetricDef;
  year: string;
  value: Dec;
  units: RunResult['units'];
  steps: ExplainStep[];
}

export class ExplainError extends Error {}

export function explain(result: RunResult, metricName: string, year: string): Explanation {
  const p = result.projection;
  const plan = p.plan;
  const t = plan.labels.indexOf(year);
  if (t < 0) throw new ExplainError(`${year} is not in this scenario's years (${plan.labels[0]} to ${plan.labels.at(-1)})`);
  const def = metricDefs(result.spec).find((d) => d.name === metricName);
  const found = metricEntry(result.spec, metricName);
  if (!def || !found) throw new ExplainError(`unknown metric \`${metricName}\``);
  const value = result.years[t]!.metrics[metricName];
  if (value === undefined) {
    throw new ExplainError(`${metricName} has no figure in ${year}${t < def.fromYear ? ': it starts in the first projection year' : ''}`);
  }
  const steps = new Steps(p, result.spec);
  const { entry, member } = found;
  if ('family' in entry) entry.explain(steps, t, member);
  else entry.explain(steps, t);
  return { metric: def, year, value, units: result.units, steps: steps.list };
}
