/** Each policy type is one file: its schema, own rules, plan step, lines and sentence, each usable alone. */
import { describe, expect, test } from 'vitest';
import * as z from 'zod/mini';
import { exactArith } from '../../src/model/arith.js';
import { buildPlan, centralSampler } from '../../src/model/plan.js';
import { describePolicy, Policy, POLICY_TYPES, policyType } from '../../src/model/policies/index.js';
import { divertGrowth } from '../../src/model/policies/divert-growth.js';
import { shiftActivity } from '../../src/model/policies/shift-activity.js';
import { parseScenario } from '../../src/model/run.js';
import { Validator } from '../../src/model/validator.js';
import { minimal } from './helpers.js';

const TWO_LINES = minimal({ lines: { a: { category: 'acute', spend: '60' }, b: { category: 'community', spend: '30' } } });

function spec(policies: unknown[]) {
  const parsed = parseScenario({ ...TWO_LINES, policies });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.spec;
}

describe('the policy union', () => {
  test('is built from the four files, in the order the schema lists them', () => {
    expect(POLICY_TYPES).toEqual(['flat_cash', 'divert_growth', 'running_cost_cut', 'shift_activity']);
    expect(z.globalRegistry.get(Policy)?.description).toBe('A policy lever: flat_cash, divert_growth, running_cost_cut or shift_activity');
  });
});

describe('one type, on its own', () => {
  test("shift_activity's schema holds each rate to its range, and its own rules tie its lines", () => {
    const read = shiftActivity.schema.safeParse({ type: 'shift_activity', from: 'a', to: 'a', share: '150%', cost_ratio: '-5%' });
    expect(read.error?.issues.map((x) => `${x.path.join('.')}: ${x.message}`)).toEqual([
      'share: the share of activity shifted must be between 0% and 100%',
      'cost_ratio: a cost ratio must be between 0% and 1000%',
    ]);
    const v = new Validator(spec([]));
    const p = shiftActivity.schema.parse({ type: 'shift_activity', from: 'a', to: 'a', share: '10%', cost_ratio: '50%' });
    shiftActivity.validate(p, (...rest) => ['policies', 0, ...rest], v);
    expect(v.problems.map((x) => `${x.path.join('.')}: ${x.message}`)).toEqual(['policies.0.to: a shift needs two different lines']);
  });

  test("divert_growth's weights are checked against 100% and its lines are its targets", () => {
    const v = new Validator(spec([]));
    const p = divertGrowth.schema.parse({ type: 'divert_growth', share: '50%', to: { a: '60%', mental_health: '30%' } });
    divertGrowth.validate(p, (...rest) => ['policies', 3, ...rest], v);
    expect(v.problems.map((x) => x.message)).toEqual([
      'no line named `mental_health` (lines: a, b)',
      'the weights must sum to 100%, they sum to 90%',
    ]);
    expect(divertGrowth.lines(p)).toEqual(['a', 'mental_health']);
  });

  test("a plan step sets only what its engine step reads: a shift's share per year and its cost ratio", () => {
    const s = spec([{ type: 'shift_activity', from: 'a', to: 'b', share: '10%', cost_ratio: '70%', lag: '1' }]);
    const A = exactArith(8);
    const plan = buildPlan(s, A, centralSampler(A));
    expect(plan.shifts).toHaveLength(1);
    const [shift] = plan.shifts;
    expect([shift!.from, shift!.to, shift!.lag, shift!.costRatio.toFixed()]).toEqual([0, 1, 1, '0.7']);
    // Index 0 (the base year) is unused; years 1 and 2 take the one rate.
    expect(shift!.share.map((x) => x.toFixed())).toEqual(['0', '0.1', '0.1']);
    expect(plan.lines.every((l) => l.uplift === undefined && l.cut === undefined)).toBe(true);
  });
});

describe('each type says what it does', () => {
  const named = (n: string) => n.toUpperCase();
  test.each([
    [{ type: 'flat_cash', line: 'a', uplift: 'inflation' }, 'A held to its inflation rate (flat real); need above that is the provider gap.', ['a']],
    [{ type: 'flat_cash', name: 'Acute freeze', line: 'a' }, 'Acute freeze: A held to an uplift of 0% a year; need above that is the provider gap.', ['a']],
    [{ type: 'running_cost_cut', line: 'b', cut: '30%', by: '2027/28' }, 'B cut by 30% of its uncut path, phased in evenly to 2027/28.', ['b']],
    [{ type: 'shift_activity', from: 'a', to: 'b', share: '1%', cost_ratio: '70%', lag: '2' }, '1% of A need moved to B each year at 70% of the cost; A need falls 2 years later.', ['a', 'b']],
    [{ type: 'divert_growth', share: '50%', to: { b: '100%' } }, "50% of each year's allocation growth diverted to B (100%).", ['b']],
  ])('%o', (data, sentence, lines) => {
    const [p] = spec([data]).policies!;
    expect(describePolicy(p!, named)).toBe(sentence);
    expect(policyType(p!).lines(p!)).toEqual(lines);
  });
});
