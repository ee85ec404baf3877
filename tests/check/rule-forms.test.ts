/**
 * Every rule form, against the hand-computed plan of fixture.ts: each with a case that passes
 * (often exactly at the limit) and one that fails, with the failing years and figures.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactArith } from '../../src/model/arith.js';
import { evaluateChecks } from '../../src/model/checks.js';
import { Dec, decString } from '../../src/model/decimal.js';
import { parseRules } from '../../src/model/rules.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { validateChecksForPlan } from '../../src/model/validate.js';
import { PLAN_DATA } from './fixture.js';

const parsed = parseScenario(PLAN_DATA);
if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
const spec = parsed.spec;
const run = runScenario(spec);
const labels = run.years.map((y) => y.year);
const metrics = run.years.map((y) => new Map<string, Dec>(Object.entries(y.metrics)));

/** Parses one rule as a rules file would, validates it against the plan, evaluates it. */
function evaluate(rule: Record<string, unknown>) {
  const rules = parseRules({ checks: [{ name: 'rule', ...rule }] });
  if (!rules.ok) throw new Error(JSON.stringify(rules.problems));
  const problems = validateChecksForPlan(rules.rules.checks, spec);
  if (problems.length > 0) throw new Error(JSON.stringify(problems));
  const [outcome] = evaluateChecks(rules.rules.checks, labels, metrics, exactArith(8));
  return {
    passed: outcome!.passed,
    years: outcome!.years,
    failures: outcome!.failures.map((f) => ({ year: f.year, side: f.side, value: decString(f.value), limit: decString(f.limit) })),
  };
}

describe('the fixture plan is what the tests assume', () => {
  it('has the hand-computed figures', () => {
    expect(run.years.map((y) => decString(y.metrics.icb_surplus!))).toEqual(['0', '1', '1.78']);
    expect(run.years.map((y) => decString(y.metrics.care_shift_share!))).toEqual(['0.2', '0.2061', '0.2123']);
    expect(decString(run.years[2]!.metrics['spend.acute']!)).toBe('612.06');
  });
});

describe('min and max of money', () => {
  it('min 0 every year passes (surplus 0, 1, 1.78)', () => {
    expect(evaluate({ metric: 'icb_surplus', min: '0', each_year: true })).toEqual({
      passed: true, years: ['2025/26', '2026/27', '2027/28'], failures: [],
    });
  });
  it('min 1 every year fails only in the base year (0 < 1; 1 ≥ 1 passes at the limit)', () => {
    expect(evaluate({ metric: 'icb_surplus', min: '1', each_year: true }).failures).toEqual([
      { year: '2025/26', side: 'min', value: '0', limit: '1' },
    ]);
  });
  it('max of one year: spend 1038.62 passes at 1038.62, fails at 1038.61', () => {
    expect(evaluate({ metric: 'spend', max: '1038.62', year: '2027/28' }).passed).toBe(true);
    expect(evaluate({ metric: 'spend', max: '1038.61', year: '2027/28' })).toEqual({
      passed: false, years: ['2027/28'], failures: [{ year: '2027/28', side: 'max', value: '1038.62', limit: '1038.61' }],
    });
  });
  it('year: final is the plan\'s last year', () => {
    expect(evaluate({ metric: 'spend', max: '1038.61', year: 'final' }).years).toEqual(['2027/28']);
  });
});

describe('min and max of a rate', () => {
  it('care-shift share 0.2123 in the final year: min 21% passes, min 21.24% fails', () => {
    expect(evaluate({ metric: 'care_shift_share', min: '21%', year: 'final' }).passed).toBe(true);
    expect(evaluate({ metric: 'care_shift_share', min: '21.24%', year: 'final' }).failures).toEqual([
      { year: '2027/28', side: 'min', value: '0.2123', limit: '0.2124' },
    ]);
  });
  it('community grows 5% a year: max 5% passes, max 4.99% fails in both projection years', () => {
    expect(evaluate({ metric: 'growth.community', max: '5%', each_year: true }).passed).toBe(true);
    const r = evaluate({ metric: 'growth.community', max: '4.99%', each_year: true });
    // growth.* starts in year 1: the base year is not checked.
    expect(r.years).toEqual(['2026/27', '2027/28']);
    expect(r.failures.map((f) => [f.year, f.value, f.limit])).toEqual([
      ['2026/27', '0.05', '0.0499'],
      ['2027/28', '0.05', '0.0499'],
    ]);
  });
});

describe('min: allocation_growth (the Mental Health Investment Standard)', () => {
  it('mental health growing 2% against 2% allocation growth passes (equal is enough)', () => {
    expect(evaluate({ metric: 'growth.mental_health', min: 'allocation_growth', each_year: true }).passed).toBe(true);
  });
  it('acute growing 1% fails both years against 2%', () => {
    expect(evaluate({ metric: 'growth.acute', min: 'allocation_growth', each_year: true }).failures).toEqual([
      { year: '2026/27', side: 'min', value: '0.01', limit: '0.02' },
      { year: '2027/28', side: 'min', value: '0.01', limit: '0.02' },
    ]);
  });
});

describe('change_min / change_max: the change from the year before', () => {
  it('care-shift share rising every year: +0.61 and +0.62 points pass change_min 0%', () => {
    // 0.2061 − 0.2 = 0.0061; 0.2123 − 0.2061 = 0.0062. The base year has no year before it.
    expect(evaluate({ metric: 'care_shift_share', change_min: '0%', each_year: true })).toEqual({
      passed: true, years: ['2026/27', '2027/28'], failures: [],
    });
  });
  it('change_min 0.62% fails in 2026/27 only (0.0061 < 0.0062)', () => {
    expect(evaluate({ metric: 'care_shift_share', change_min: '0.62%', each_year: true }).failures).toEqual([
      { year: '2026/27', side: 'change_min', value: '0.0061', limit: '0.0062' },
    ]);
  });
  it('money: surplus change_max 0.5 fails both years (+1, then +0.78)', () => {
    expect(evaluate({ metric: 'icb_surplus', change_max: '0.5', each_year: true }).failures).toEqual([
      { year: '2026/27', side: 'change_max', value: '1', limit: '0.5' },
      { year: '2027/28', side: 'change_max', value: '0.78', limit: '0.5' },
    ]);
  });
  it('money at the limit: acute +6 then +6.06 (606 − 600, 612.06 − 606) against change_max 6', () => {
    expect(evaluate({ metric: 'spend.acute', change_max: '6', each_year: true }).failures).toEqual([
      { year: '2027/28', side: 'change_max', value: '6.06', limit: '6' },
    ]);
  });
});

describe('min_change_from_base / max_change_from_base: the change since the base year', () => {
  it('running costs held flat fail "down 30%" (0 > −0.3)', () => {
    expect(evaluate({ metric: 'spend.running', max_change_from_base: '-30%', year: 'final' })).toEqual({
      passed: false, years: ['2027/28'], failures: [{ year: '2027/28', side: 'max_change_from_base', value: '0', limit: '-0.3' }],
    });
  });
  it('community up 10.25% by 2027/28 (220.5 / 200 − 1): max 10.25% passes, 10.24% fails', () => {
    expect(evaluate({ metric: 'spend.community', max_change_from_base: '10.25%', year: '2027/28' }).passed).toBe(true);
    expect(evaluate({ metric: 'spend.community', max_change_from_base: '10.24%', year: '2027/28' }).failures).toEqual([
      { year: '2027/28', side: 'max_change_from_base', value: '0.1025', limit: '0.1024' },
    ]);
  });
  it('acute up 2.01% by 2027/28 (612.06 / 600 − 1): min 2.01% passes, min 2.02% fails', () => {
    expect(evaluate({ metric: 'spend.acute', min_change_from_base: '2.01%', year: 'final' }).passed).toBe(true);
    expect(evaluate({ metric: 'spend.acute', min_change_from_base: '2.02%', year: 'final' }).failures).toEqual([
      { year: '2027/28', side: 'min_change_from_base', value: '0.0201', limit: '0.0202' },
    ]);
  });
  it('each_year applies from the first projection year (1% then 2.01% against 1.5%)', () => {
    expect(evaluate({ metric: 'spend.acute', min_change_from_base: '1.5%', each_year: true }).failures).toEqual([
      { year: '2026/27', side: 'min_change_from_base', value: '0.01', limit: '0.015' },
    ]);
  });
});

describe('rules that cannot apply are bad input, not silent passes', () => {
  const problems = (rule: Record<string, unknown>) => {
    const rules = parseRules({ checks: [{ name: 'rule', ...rule }] });
    if (!rules.ok) return rules.problems.map((p) => p.message);
    return validateChecksForPlan(rules.rules.checks, spec).map((p) => p.message);
  };
  it('an unknown metric, with a suggestion', () => {
    expect(problems({ metric: 'spend.runing', max: '1', each_year: true })).toEqual([
      'unknown metric `spend.runing`: did you mean `spend.running`?',
    ]);
  });
  it('no limit at all, or both year and each_year', () => {
    expect(problems({ metric: 'spend', each_year: true })[0]).toMatch(/needs a limit/);
    expect(problems({ metric: 'spend', min: '0', year: 'final', each_year: true })[0]).toMatch(/not both or neither/);
  });
  it('a change rule in the base year, a rate limit on money, a from-base rule on a rate', () => {
    expect(problems({ metric: 'spend', change_min: '0', year: '2025/26' })).toEqual([
      'change_min needs a year before it: 2025/26 is the base year',
    ]);
    expect(problems({ metric: 'spend', change_min: '0%', each_year: true })[0]).toMatch(/is money in £m/);
    expect(problems({ metric: 'care_shift_share', max_change_from_base: '10%', year: 'final' })[0]).toMatch(/is a rate/);
  });
  it('a year outside the period, and a year that is not a year', () => {
    expect(problems({ metric: 'spend', max: '1', year: '2030/31' })).toEqual(['2030/31 is outside the period 2025/26 to 2027/28']);
    expect(problems({ metric: 'spend', max: '1', year: '2026' })[0]).toMatch(/did you mean `2026\/27`/);
  });
});

describe('properties', () => {
  const A = exactArith(8);
  const yearsOf = (n: number) => Array.from({ length: n }, (_, t) => `${2025 + t}/${String((26 + t) % 100).padStart(2, '0')}`);
  const money = fc.integer({ min: -100_000, max: 100_000 }).map((p) => new Dec(p).dividedBy(100));
  it('min/max each_year fails exactly in the years beyond the limit, and min ≤ x ≤ max is the two together', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 1, maxLength: 8 }), money, money, (values, lo, hi) => {
        const labels = yearsOf(values.length);
        const metrics = values.map((v) => new Map([['icb_surplus', v]]));
        const rule = (extra: Record<string, unknown>) => {
          const parsed = parseRules({ checks: [{ name: 'r', metric: 'icb_surplus', each_year: true, ...extra }] });
          if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
          return evaluateChecks(parsed.rules.checks, labels, metrics, A)[0]!;
        };
        const min = rule({ min: decString(lo) });
        const max = rule({ max: decString(hi) });
        const both = rule({ min: decString(lo), max: decString(hi) });
        expect(min.failures.map((f) => f.year)).toEqual(labels.filter((_, t) => values[t]!.lt(lo)));
        expect(max.failures.map((f) => f.year)).toEqual(labels.filter((_, t) => values[t]!.gt(hi)));
        expect(both.failures.length).toBe(min.failures.length + max.failures.length);
        expect(both.passed).toBe(values.every((v) => v.gte(lo) && v.lte(hi)));
      }),
    );
  });
  it('change_min 0 passes exactly when the figure never falls, and each change is value − previous', () => {
    fc.assert(
      fc.property(fc.array(money, { minLength: 2, maxLength: 8 }), (values) => {
        const labels = yearsOf(values.length);
        const metrics = values.map((v) => new Map([['spend', v]]));
        const parsed = parseRules({ checks: [{ name: 'r', metric: 'spend', each_year: true, change_min: '0' }] });
        if (!parsed.ok) throw new Error('bad rule');
        const [o] = evaluateChecks(parsed.rules.checks, labels, metrics, A);
        expect(o!.years).toEqual(labels.slice(1));
        expect(o!.passed).toBe(values.every((v, t) => t === 0 || v.gte(values[t - 1]!)));
        for (const f of o!.failures) {
          const t = labels.indexOf(f.year);
          expect(f.value.equals(values[t]!.minus(values[t - 1]!))).toBe(true);
        }
      }),
    );
  });
});
