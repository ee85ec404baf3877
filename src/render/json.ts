/** MODEL.md's JSON, exactly: every metric of every year as a plain decimal string, in its order. */
import { decString } from '../model/decimal.js';
import type { RunResult } from '../model/run.js';

export interface RunJson {
  scenario: string;
  units: string;
  years: { year: string; metrics: Record<string, string> }[];
}

export function runJson(result: RunResult): RunJson {
  return {
    scenario: result.scenario,
    units: result.units,
    years: result.years.map((y) => ({
      year: y.year,
      // computeMetrics' order is MODEL.md's order; no metric key is integer-like, so it is kept.
      metrics: Object.fromEntries(Object.entries(y.metrics).map(([k, v]) => [k, decString(v)])),
    })),
  };
}

export function renderJson(result: RunResult): string {
  return JSON.stringify(runJson(result), null, 2) + '\n';
}
