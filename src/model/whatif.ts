/** One figure of the exact engine for a scenario with some inputs changed: what sweep, solve and tornado evaluate. */
import type { Dec } from './decimal.js';
import { specWith, type Plain } from './input-path.js';
import { runScenario } from './run.js';

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
