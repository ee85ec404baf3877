/**
 * Scenarios for the model tests are plain data, as the YAML loader hands them over (numbers as their
 * source text), so the tests exercise the same parse → validate → run path as a real file.
 */
import { expect } from 'vitest';
import { decString } from '../../src/model/decimal.js';
import type { Problem } from '../../src/model/issues.js';
import { parseScenario, runScenario, type RunResult } from '../../src/model/run.js';

export type Data = Record<string, unknown>;

/** The smallest valid scenario: one acute line, no growth in anything. */
export function minimal(extra: Data = {}): Data {
  return {
    base_year: '2025/26',
    years: '2',
    allocation: { recurrent: '100', growth: '0%' },
    lines: { a: { category: 'acute', spend: '60' } },
    ...extra,
  };
}

export interface Run {
  result: RunResult;
  /** Every metric of year t (0 = base year) as its plain decimal string. */
  at(t: number): Record<string, string>;
  /** One metric of year t; throws if the year does not report it. */
  m(t: number, metric: string): string;
}

export function run(data: Data): Run {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`expected a valid scenario, got: ${parsed.problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ')}`);
  const result = runScenario(parsed.spec, 'test');
  const at = (t: number): Record<string, string> => {
    const year = result.years[t];
    if (!year) throw new Error(`no year index ${t}`);
    return Object.fromEntries(Object.entries(year.metrics).map(([k, v]) => [k, decString(v)]));
  };
  return {
    result,
    at,
    m(t, metric) {
      const v = at(t)[metric];
      if (v === undefined) throw new Error(`year ${t} has no metric ${metric}`);
      return v;
    },
  };
}

/** A generated scenario, run; one that does not validate is the generator's fault, so its data goes in the error. */
export function runValid(data: Data): RunResult {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`generated an invalid scenario: ${JSON.stringify(parsed.problems)}\n${JSON.stringify(data)}`);
  return runScenario(parsed.spec, 'generated');
}

/** The problems of a scenario that must not validate. */
export function problems(data: Data): Problem[] {
  const parsed = parseScenario(data);
  expect(parsed.ok, 'expected the scenario to be rejected').toBe(false);
  return parsed.ok ? [] : parsed.problems;
}

/** The one problem at `path` (joined with dots), with its message. */
export function problemAt(data: Data, path: string): Problem {
  const all = problems(data);
  const found = all.filter((p) => p.path.map(String).join('.') === path);
  expect(found.map((p) => p.message), `problems: ${JSON.stringify(all)}`).toHaveLength(1);
  return found[0]!;
}
