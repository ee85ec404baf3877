/** Validation is a list of small rules, run in order; each can be run alone and none stops the others. */
import { describe, expect, test } from 'vitest';
import { errorMap } from '../../src/model/issues.js';
import { Scenario, type ScenarioSpec } from '../../src/model/schema.js';
import { SCENARIO_RULES, validateScenario } from '../../src/model/validate.js';
import { Validator } from '../../src/model/validator.js';
import { minimal } from './helpers.js';

/** The scenario as the schema reads it, before any rule of this list has looked at it. */
function read(extra: Record<string, unknown>): ScenarioSpec {
  const parsed = Scenario.safeParse(minimal(extra), { error: errorMap });
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

function rule(name: string) {
  const r = SCENARIO_RULES.find((x) => x.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return r;
}

const messages = (v: Validator) => v.problems.map((p) => `${p.path.join('.')}: ${p.message}`);

const MESSY = read({
  lines: { a: { category: 'acute', spend: '60' }, b: { category: 'community', spend: '30' }, r: { category: 'running', spend: '5' } },
  policies: [
    { type: 'running_cost_cut', line: 'r', cut: '10%', by: '2027/28' },
    { type: 'divert_growth', share: '80%', to: { b: '50%', r: '40%' } },
    { type: 'divert_growth', share: '30%', to: { b: '100%' } },
  ],
  care_shift: { categories: ['community', 'community'] },
});

describe('the rule list', () => {
  test('names each rule once', () => {
    const names = SCENARIO_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
  });

  test('one rule run alone reports only its own problems', () => {
    const v = new Validator(MESSY);
    rule('the diversions together divert at most 100% of growth').check(MESSY, v);
    // 80% + 30% = 110%.
    expect(messages(v)).toEqual(['policies: the divert_growth policies together divert 110% of growth: at most 100%']);

    const w = new Validator(MESSY);
    rule("a cut line, or a flat-cash one, is out of other policies' reach").check(MESSY, w);
    expect(messages(w)).toEqual(['policies.1.to.r: line `r` has a running_cost_cut: growth cannot be diverted into it']);
  });

  test('the whole list reports every problem, each rule after the one before', () => {
    expect(validateScenario(MESSY).map((p) => `${p.path.join('.')}: ${p.message}`)).toEqual([
      // The first diversion's weights: 50% + 40% = 90%.
      'policies.1.to: the weights must sum to 100%, they sum to 90%',
      'policies: the divert_growth policies together divert 110% of growth: at most 100%',
      'policies.1.to.r: line `r` has a running_cost_cut: growth cannot be diverted into it',
      'care_shift.categories: a category is listed twice',
    ]);
  });
});
