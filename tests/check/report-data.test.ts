/**
 * report/check.ts: the one place a plan's run is held to its rule sets, for every output format.
 * Figures from fixture.ts's hand-computed plan (icb_surplus 0 → 1 → 1.78, care_shift_share
 * 0.2 → 0.2061 → 0.2123).
 */
import { describe, expect, it } from 'vitest';
import { decString } from '../../src/model/decimal.js';
import { parseRules } from '../../src/model/rules.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { checkedRun, checkReport, planResult, type RuleSet } from '../../src/report/check.js';
import { PLAN_DATA } from './fixture.js';

const parsed = parseScenario(PLAN_DATA);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const run = runScenario(parsed.spec);

function rules(checks: Record<string, unknown>[]): RuleSet['checks'] {
  const r = parseRules({ checks });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.rules.checks;
}

describe('planResult', () => {
  const own: RuleSet = { checks: [], where: () => ({ file: 'plan.yaml' }) };
  const file: RuleSet = {
    checks: rules([
      { name: 'surplus of 1', metric: 'icb_surplus', min: 1, each_year: true },
      { name: 'shift capped', metric: 'care_shift_share', max: '21%', year: '2027/28' },
      { name: 'no deficit', metric: 'icb_surplus', min: 0, each_year: true },
    ]),
    where: (index) => ({ file: 'rules.yaml', line: 10 * (index + 1), col: 5 }),
  };
  const result = planResult('plans/check.yaml', run, [own, file]);

  it('names the plan and the run, its units and base year', () => {
    expect([result.kind, result.file, result.scenario, result.units, result.baseYear]).toEqual(['plan', 'plans/check.yaml', 'Check ICB', '£m', '2025/26']);
  });

  it('gives each rule its place in its set, its metric kind, and its failures with the figures', () => {
    expect(
      result.rules.map((r) => ({
        name: r.name,
        kind: r.kind,
        source: r.source,
        passed: r.passed,
        failures: r.failures.map((f) => `${f.year} ${f.side} ${decString(f.value)} vs ${decString(f.limit)}`),
      })),
    ).toEqual([
      // 2025/26: surplus 0 < 1; 2026/27 (1) and 2027/28 (1.78) meet it.
      { name: 'surplus of 1', kind: 'money', source: { file: 'rules.yaml', line: 10, col: 5 }, passed: false, failures: ['2025/26 min 0 vs 1'] },
      // 0.2123 > 0.21 in the one year named.
      { name: 'shift capped', kind: 'share', source: { file: 'rules.yaml', line: 20, col: 5 }, passed: false, failures: ['2027/28 max 0.2123 vs 0.21'] },
      { name: 'no deficit', kind: 'money', source: { file: 'rules.yaml', line: 30, col: 5 }, passed: true, failures: [] },
    ]);
    expect(checkReport([result]).totals).toEqual({ plans: 1, errors: 0, rules: 3, failed: 2 });
  });
});

it('checkedRun holds a run to its own checks, the same outcomes check gives', () => {
  const withChecks = parseScenario({ ...PLAN_DATA, checks: [{ name: 'surplus of 1', metric: 'icb_surplus', min: 1, each_year: true }] });
  if (!withChecks.ok) throw new Error(JSON.stringify(withChecks.problems));
  const r = runScenario(withChecks.spec);
  const { checks } = checkedRun(r);
  const viaPlan = planResult('x.yaml', r, [{ checks: withChecks.spec.checks ?? [], where: () => ({ file: 'x.yaml' }) }]);
  expect(checks.map((o) => [o.check.name, o.passed, o.years])).toEqual([['surplus of 1', false, ['2025/26', '2026/27', '2027/28']]]);
  expect(viaPlan.rules.map((o) => [o.name, o.passed, o.years])).toEqual(checks.map((o) => [o.check.name, o.passed, o.years]));
});
