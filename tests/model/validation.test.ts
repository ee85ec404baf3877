/** MODEL.md's validation rules: each mistake is one clear problem at the offending key or value. */
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/model/run.js';
import { minimal, problemAt, problems } from './helpers.js';

const lines = {
  acute: { category: 'acute', spend: '100' },
  community: { category: 'community', spend: '50' },
  prevention: { category: 'prevention', spend: '5' },
  running: { category: 'running', spend: '10' },
};
const withPolicies = (policies: unknown[], extra: Record<string, unknown> = {}) => minimal({ lines, policies, ...extra });

describe('policies', () => {
  test('divert_growth weights must sum to 100%', () => {
    const p = problemAt(withPolicies([{ type: 'divert_growth', share: '50%', to: { community: '60%', prevention: '30%' } }]), 'policies.0.to');
    expect(p.message).toContain('must sum to 100%');
    expect(p.message).toContain('90%');
  });

  test('growth cannot be diverted into a flat-cash line', () => {
    const p = problemAt(
      withPolicies([
        { type: 'flat_cash', line: 'acute' },
        { type: 'divert_growth', share: '50%', to: { acute: '50%', prevention: '50%' } },
      ]),
      'policies.1.to.acute',
    );
    expect(p.message).toMatch(/flat cash/);
    expect(p.at).toBe('key');
  });

  test('the order of the policies does not matter to the flat-cash rule', () => {
    const p = problemAt(
      withPolicies([
        { type: 'divert_growth', share: '50%', to: { acute: '100%' } },
        { type: 'flat_cash', line: 'acute' },
      ]),
      'policies.0.to.acute',
    );
    expect(p.message).toMatch(/flat cash/);
  });

  test('a running-cost-cut line cannot be the source or the target of a shift, nor a diversion target', () => {
    const cut = { type: 'running_cost_cut', line: 'running', cut: '30%', by: '2027/28' };
    const from = problemAt(withPolicies([cut, { type: 'shift_activity', from: 'running', to: 'community', share: '1%', cost_ratio: '70%' }]), 'policies.1.from');
    expect(from.message).toMatch(/running_cost_cut.*source/);
    const to = problemAt(withPolicies([cut, { type: 'shift_activity', from: 'acute', to: 'running', share: '1%', cost_ratio: '70%' }]), 'policies.1.to');
    expect(to.message).toMatch(/running_cost_cut.*target/);
    const div = problemAt(withPolicies([cut, { type: 'divert_growth', share: '10%', to: { running: '100%' } }]), 'policies.1.to.running');
    expect(div.message).toMatch(/running_cost_cut/);
  });

  test('an unknown line name is named, with a did-you-mean and the lines there are', () => {
    const p = problemAt(withPolicies([{ type: 'flat_cash', line: 'acuet' }]), 'policies.0.line');
    expect(p.message).toContain('`acuet`');
    expect(p.message).toContain('did you mean `acute`?');
    expect(p.message).toContain('acute, community, prevention, running');
    const target = problemAt(withPolicies([{ type: 'divert_growth', share: '10%', to: { comunity: '100%' } }]), 'policies.0.to.comunity');
    expect(target.message).toContain('did you mean `community`?');
    // The target's name is the key of `to:`; pointing at its value (the weight) would show `100%`.
    expect(target.at).toBe('key');
    const shift = problemAt(withPolicies([{ type: 'shift_activity', from: 'acute', to: 'hospice', share: '1%', cost_ratio: '70%' }]), 'policies.0.to');
    expect(shift.message).toContain('no line named `hospice`');
    expect(shift.message).not.toContain('did you mean');
  });

  test('a shift needs two different lines', () => {
    expect(problemAt(withPolicies([{ type: 'shift_activity', from: 'acute', to: 'acute', share: '1%', cost_ratio: '70%' }]), 'policies.0.to').message).toMatch(/different/);
  });

  test('a lag is a whole number of years', () => {
    expect(problemAt(withPolicies([{ type: 'shift_activity', from: 'acute', to: 'community', share: '1%', cost_ratio: '70%', lag: '1.5' }]), 'policies.0.lag').message).toMatch(/whole number/);
  });

  test('an unknown policy type gets a did-you-mean', () => {
    expect(problemAt(withPolicies([{ type: 'flat_csh', line: 'acute' }]), 'policies.0.type').message).toContain('did you mean `flat_cash`?');
  });

  test('every problem is reported, not just the first', () => {
    const all = problems(
      withPolicies([
        { type: 'flat_cash', line: 'acuet' },
        { type: 'divert_growth', share: '50%', to: { community: '60%' } },
        { type: 'running_cost_cut', line: 'running', cut: '30%', by: '2035/36' },
      ]),
    );
    expect(all.map((p) => p.path.join('.')).sort()).toEqual(['policies.0.line', 'policies.1.to', 'policies.2.by']);
  });
});

describe('years', () => {
  test('a non-recurrent year outside the period', () => {
    const p = problemAt(minimal({ allocation: { recurrent: '100', growth: '0%', non_recurrent: { '2031/32': '5' } } }), 'allocation.non_recurrent.2031/32');
    expect(p.message).toContain('outside the period 2025/26 to 2027/28');
    expect(p.at).toBe('key');
  });

  test('a running-cost cut by the base year or after the period', () => {
    const cut = (by: string) => withPolicies([{ type: 'running_cost_cut', line: 'running', cut: '30%', by }]);
    expect(problemAt(cut('2025/26'), 'policies.0.by').message).toContain('not a projection year');
    expect(problemAt(cut('2028/29'), 'policies.0.by').message).toContain('2026/27 to 2027/28');
  });

  test('a growth map with a year outside the projection, or one missing', () => {
    const extra = problemAt(minimal({ allocation: { recurrent: '100', growth: { '2026/27': '1%', '2027/28': '1%', '2028/29': '1%' } } }), 'allocation.growth.2028/29');
    expect(extra.message).toContain('not a projection year');
    const missing = problemAt(minimal({ allocation: { recurrent: '100', growth: { '2026/27': '1%' } } }), 'allocation.growth');
    expect(missing.message).toContain('missing a rate for 2027/28');
  });

  test('a missing year in a line\'s or an assumption\'s year map', () => {
    const data = minimal({
      years: '3',
      assumptions: { inflation: { '2026/27': '1%', '2028/29': '1%' } },
      lines: { a: { category: 'acute', spend: '1', demand: { '2027/28': '1%' } } },
    });
    expect(problemAt(data, 'assumptions.inflation').message).toContain('2027/28');
    expect(problemAt(data, 'lines.a.demand').message).toContain('missing rates for 2026/27, 2028/29');
  });

  test('a list of the wrong length says how many it needs', () => {
    const p = problemAt(minimal({ allocation: { recurrent: '100', growth: ['1%', '2%', '3%'] } }), 'allocation.growth');
    expect(p.message).toContain('expected 2 rates');
    expect(p.message).toContain('got 3');
    expect(problemAt(withPolicies([{ type: 'flat_cash', line: 'acute', uplift: ['1%'] }]), 'policies.0.uplift').message).toContain('expected 2 rates');
  });

  test('a badly written year gets a suggestion', () => {
    const p = problemAt(minimal({ base_year: '2025' }), 'base_year');
    expect(p.message).toContain('did you mean `2025/26`?');
  });

  test('years must be 1 to 15', () => {
    expect(problemAt(minimal({ years: '0' }), 'years').message).toContain('1 to 15');
    expect(problemAt(minimal({ years: '16' }), 'years').message).toContain('1 to 15');
  });
});

describe('rates', () => {
  test('a bare number where a rate is expected shows the % form', () => {
    expect(problemAt(minimal({ allocation: { recurrent: '100', growth: '2.5' } }), 'allocation.growth').message).toContain('`2.5%`');
    // a fraction: both readings are offered
    const frac = problemAt(minimal({ assumptions: { inflation: '0.025' } }), 'assumptions.inflation').message;
    expect(frac).toContain('`2.5%`');
    expect(frac).toContain('`0.025%`');
    expect(problemAt(withPolicies([{ type: 'divert_growth', share: '50', to: { community: '100%' } }]), 'policies.0.share').message).toContain('`50%`');
    expect(problemAt(withPolicies([{ type: 'divert_growth', share: '50%', to: { community: '100' } }]), 'policies.0.to.community').message).toContain('`100%`');
    expect(problemAt(minimal({ allocation: { recurrent: '100', growth: ['1%', '2'] } }), 'allocation.growth.1').message).toContain('`2%`');
  });

  test('a bare number inside a distribution is a problem, not a crash', () => {
    // zod runs the distribution's min ≤ mode ≤ max refinement even when a member failed to parse
    for (const rate of [{ normal: ['2%', '1'] }, { triangular: ['1', '2%', '3%'] }, { uniform: ['1%', '4'] }]) {
      const parsed = parseScenario(minimal({ assumptions: { inflation: rate } }));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.some((p) => p.message.includes('per cent sign'))).toBe(true);
    }
  });

  test("a distribution with too few or too many values says which values it takes, not zod's \"Too small\"", () => {
    const inflation = (rate: unknown) => problemAt(minimal({ assumptions: { inflation: rate } }), 'assumptions.inflation.' + Object.keys(rate as object)[0]).message;
    expect(inflation({ uniform: ['1%'] })).toBe('expected 2 values [min, max], got 1');
    expect(inflation({ triangular: ['1%', '2%', '3%', '4%'] })).toBe('expected 3 values [min, mode, max], got 4');
    expect(inflation({ normal: [] })).toBe('expected 2 values [mean, standard deviation], got 0');
  });

  test('distributions must be well formed', () => {
    expect(problems(minimal({ assumptions: { inflation: { triangular: ['3%', '2%', '4%'] } } }))[0]!.message).toContain('min ≤ mode ≤ max');
    expect(problems(minimal({ assumptions: { inflation: { uniform: ['3%', '2%'] } } }))[0]!.message).toContain('min ≤ max');
    expect(problems(minimal({ assumptions: { inflation: { normal: ['3%', '-1%'] } } }))[0]!.message).toContain('standard deviation');
  });

  test('a shifted share stays between 0% and 100% in every year, and a cost ratio is not negative', () => {
    const shift = (share: unknown, cost_ratio = '70%') => withPolicies([{ type: 'shift_activity', from: 'acute', to: 'community', share, cost_ratio }]);
    expect(problemAt(shift('-5%'), 'policies.0.share').message).toBe('the share of activity shifted must be between 0% and 100%');
    expect(problemAt(shift(['1%', '150%']), 'policies.0.share.1').message).toContain('between 0% and 100%');
    expect(problemAt(shift({ '2026/27': '1%', '2027/28': '-1%' }), 'policies.0.share.2027/28').message).toContain('between 0% and 100%');
    expect(problemAt(shift('1%', '-70%'), 'policies.0.cost_ratio').message).toBe('a cost ratio must be between 0% and 1000%');
    // Dearer in the new setting is allowed: 130%.
    expect(parseScenario(shift('1%', '130%')).ok).toBe(true);
  });

  test('efficiency delivery is a share achieved: 0% to 100%, in the assumptions and on a line, every year', () => {
    const msg = 'efficiency delivery must be between 0% and 100%';
    expect(problemAt(minimal({ assumptions: { efficiency_delivery: '110%' } }), 'assumptions.efficiency_delivery').message).toBe(msg);
    expect(problemAt(minimal({ lines: { a: { category: 'acute', spend: '60', efficiency_delivery: ['50%', '-5%'] } } }), 'lines.a.efficiency_delivery.1').message).toBe(msg);
    expect(problemAt(minimal({ assumptions: { efficiency_delivery: { uniform: ['70%', '120%'] } } }), 'assumptions.efficiency_delivery').message).toBe(msg);
    // The ends themselves are allowed: nothing delivered, everything delivered.
    expect(parseScenario(minimal({ assumptions: { efficiency_delivery: '0%' }, lines: { a: { category: 'acute', spend: '60', efficiency_delivery: '100%' } } })).ok).toBe(true);
  });

  test('a flat-cash uplift that is neither a rate nor `inflation` says both are allowed', () => {
    const uplift = (u: unknown) => problemAt(withPolicies([{ type: 'flat_cash', line: 'acute', uplift: u }]), 'policies.0.uplift').message;
    expect(uplift('2')).toBe('rates are written with a per cent sign: write `2%`, or `inflation`');
    expect(uplift('inflaton')).toBe('expected a rate like `2%`, or `inflation`, got `inflaton`: did you mean `inflation`?');
    expect(uplift('cpi')).toBe('expected a rate like `2%`, or `inflation`, got `cpi`');
    expect(uplift(true)).toBe('expected a rate like `2%`, or `inflation`, got `true`');
  });

  test('a cut and a diverted share stay between 0% and 100%', () => {
    expect(problemAt(withPolicies([{ type: 'running_cost_cut', line: 'running', cut: '130%', by: '2027/28' }]), 'policies.0.cut').message).toContain('between 0% and 100%');
    expect(problemAt(withPolicies([{ type: 'divert_growth', share: '-5%', to: { community: '100%' } }]), 'policies.0.share').message).toContain('between 0% and 100%');
  });
});

describe('checks', () => {
  const check = (c: Record<string, unknown>) => minimal({ checks: [{ name: 'Rule', ...c }] });

  test('an unknown metric with nothing close lists the metrics there are', () => {
    expect(problemAt(check({ metric: 'deficit', min: '0', each_year: true }), 'checks.0.metric').message).toBe(
      'unknown metric `deficit` (one of allocation, non_recurrent, income, allocation_growth, spend, icb_surplus, underlying_surplus, cumulative_surplus, system_surplus, care_shift_share, or spend., need., gap. or growth. and a line name)',
    );
  });

  test('an unknown metric gets a did-you-mean', () => {
    expect(problemAt(check({ metric: 'icb_surplsu', min: '0', each_year: true }), 'checks.0.metric').message).toContain('did you mean `icb_surplus`?');
    expect(problemAt(check({ metric: 'growth.b', min: '0%', each_year: true }), 'checks.0.metric').message).toContain('did you mean `growth.a`?');
  });

  test('a year outside the period, or the base year for a metric that starts in year 1', () => {
    expect(problemAt(check({ metric: 'icb_surplus', min: '0', year: '2031/32' }), 'checks.0.year').message).toContain('outside the period');
    expect(problemAt(check({ metric: 'cumulative_surplus', min: '0', year: '2025/26' }), 'checks.0.year').message).toContain('starts in 2026/27');
  });

  test('money limits are plain numbers, rate limits carry %', () => {
    expect(problemAt(check({ metric: 'icb_surplus', min: '0%', each_year: true }), 'checks.0.min').message).toContain('money');
    // `min: 30` on a share means 30%, not 3000%
    expect(problemAt(check({ metric: 'care_shift_share', min: '30', each_year: true }), 'checks.0.min').message).toContain('like `30%`');
    const fraction = problemAt(check({ metric: 'care_shift_share', min: '0.3', each_year: true }), 'checks.0.min').message;
    expect(fraction).toContain('`30%` (if 0.3 is a fraction) or `0.3%`');
  });
});

describe('the rest of the file', () => {
  test('unknown keys get a did-you-mean', () => {
    const p = problemAt(minimal({ allocaton: {} }), 'allocaton');
    expect(p.message).toContain('did you mean `allocation`?');
    expect(p.at).toBe('key');
  });

  test('a missing or misspelt category is one problem, not also "got `undefined`"', () => {
    expect(problems(minimal({ lines: { a: { spend: '1' } } })).map((p) => [p.path.join('.'), p.message])).toEqual([
      ['lines.a', expect.stringMatching(/^missing key `category`/)],
    ]);
    expect(problems(minimal({ lines: { a: { categroy: 'acute', spend: '1' } } })).map((p) => p.message)).toEqual([
      'unknown key `categroy`: did you mean `category`?',
    ]);
  });

  test('a line with a negative spend or an unknown category', () => {
    expect(problemAt(minimal({ lines: { a: { category: 'acute', spend: '-1' } } }), 'lines.a.spend').message).toContain('zero or more');
    expect(problemAt(minimal({ lines: { a: { category: 'acutee', spend: '1' } } }), 'lines.a.category').message).toContain('did you mean `acute`?');
  });

  test('a scenario needs at least one line', () => {
    expect(problemAt(minimal({ lines: {} }), 'lines').message).toContain('at least one');
  });

  test('a list or a map where one word is expected says so, rather than printing it', () => {
    const list = problemAt(minimal({ lines: { a: { category: ['acute'], spend: '1' } } }), 'lines.a.category').message;
    expect(list).toContain('got a list');
    expect(list).not.toContain('got `acute`');
    expect(problemAt(minimal({ units: { a: '1' } }), 'units').message).toContain('got a map');
    const type = problemAt(minimal({ policies: [{ type: { a: '1' }, line: 'a' }] }), 'policies.0.type').message;
    expect(type).toContain('got a map');
    expect(type).not.toContain('[object Object]');
  });

  test('a list, a map, `true` or nothing where a number is expected says what the key wants, not "Invalid input"', () => {
    const money = problemAt(minimal({ allocation: { recurrent: ['100'], growth: '0%' } }), 'allocation.recurrent').message;
    expect(money).toBe("expected an amount of money (a plain number in the scenario's units, like `1250.5`), got a list");
    expect(problemAt(minimal({ lines: { a: { category: 'acute', spend: { x: '1' } } } }), 'lines.a.spend').message).toContain('got a map');
    expect(problemAt(minimal({ lines: { a: { category: 'acute', spend: null } } }), 'lines.a.spend').message).toContain('got nothing (the key has no value)');
    // `policies:` with every policy under it commented out.
    expect(problemAt(minimal({ policies: null }), 'policies').message).toMatch(/^expected a list, got nothing \(the key has no value\): each policy is a list item/);
    expect(problemAt(minimal({ years: true }), 'years').message).toBe('expected a whole number of projection years from 1 to 15, got `true`');
    const lag = problemAt(withPolicies([{ type: 'shift_activity', from: 'acute', to: 'community', share: '1%', cost_ratio: '70%', lag: {} }]), 'policies.0.lag');
    expect(lag.message).toBe('expected a whole number of years (0 or more), got a map');
    const bound = problemAt(minimal({ checks: [{ name: 'Rule', metric: 'icb_surplus', min: ['0'], each_year: true }] }), 'checks.0.min');
    expect(bound.message).toBe('expected a limit: money (`0`), a rate (`25%`) or `allocation_growth`, got a list');
    // A missing number is still a missing key, not "got nothing".
    expect(problemAt(minimal({ allocation: { growth: '0%' } }), 'allocation').message).toBe('missing key `recurrent`');
  });

  test('a huge amount or rate (a slip like 1e400) is refused, while the largest sane figures run', () => {
    expect(problemAt(minimal({ allocation: { recurrent: '1e400', growth: '0%' } }), 'allocation.recurrent').message).toBe(
      "`1e400` is too large for an amount of money: it must be below 1,000,000,000,000,000 in the scenario's units",
    );
    // 16 digits: one past the limit.
    expect(problemAt(minimal({ lines: { a: { category: 'acute', spend: '1000000000000000' } } }), 'lines.a.spend').message).toContain('too large');
    // decimal.js reads an exponent beyond its range as Infinity: still refused, not run.
    expect(problemAt(minimal({ allocation: { recurrent: '100', growth: '0%', non_recurrent: { '2026/27': '-1e99999999999999999999' } } }), 'allocation.non_recurrent.2026/27').message).toContain('too large');
    expect(problemAt(minimal({ allocation: { recurrent: '100', growth: '1e6%' } }), 'allocation.growth').message).toBe(
      '`1e6%` is out of range for a rate: it must be between -1000% and 1000%',
    );
    expect(problemAt(minimal({ assumptions: { inflation: { normal: ['2%', '1001%'] } } }), 'assumptions.inflation.normal.1').message).toContain('out of range');
    const limit = (min: string) => minimal({ checks: [{ name: 'Rule', metric: 'icb_surplus', min, each_year: true }] });
    expect(problemAt(limit('1e20'), 'checks.0.min').message).toContain('too large');
    // The bounds themselves are allowed: 999,999,999,999,999.99 and ±1000% (-1000% in a check's
    // limit: growth or a cost driver at -100% or below is impossible, a rule of its own).
    const lowest = [{ name: 'Rule', metric: 'allocation_growth', min: '-1000%', each_year: true }];
    expect(parseScenario(minimal({ allocation: { recurrent: '999999999999999.99', growth: '1000%' }, checks: lowest })).ok).toBe(true);
  });

  test('money written as in a spreadsheet gets the plain number to write instead', () => {
    const spend = (text: string) => problemAt(minimal({ lines: { a: { category: 'acute', spend: text } } }), 'lines.a.spend').message;
    expect(spend('1,050.5')).toMatch(/got `1,050\.5`: write `1050\.5`, without separators$/);
    expect(spend('1_050')).toMatch(/: write `1050`, without separators$/);
    expect(spend('£8')).toMatch(/: write `8`; the units are set once for the file, by `units:`$/);
    expect(spend('£1,000')).toMatch(/: write `1000`, without separators$/);
    expect(spend('186m')).toMatch(/: write `186` in a file with `units: £m`$/);
    expect(spend('20k')).toMatch(/: write `20` in a file with `units: £k`$/);
    // £2.5bn is 2.5 × 1000 = £2,500m.
    expect(spend('2.5bn')).toMatch(/: write `2500` in a file with `units: £m`$/);
    // Nothing to suggest for a word.
    expect(spend('twenty')).toMatch(/got `twenty`$/);
    // In a flow map, `{spend: 1,050}` reaches the schema as spend 1 and a key `050`.
    const split = problemAt(minimal({ lines: { a: { category: 'acute', spend: '1', '050': null } } }), 'lines.a.050');
    expect(split.message).toBe('unknown key `050`: inside `{...}` a comma separates entries, so a number like `1,050` splits in two: write it without the comma');
  });

  test('lines as a list, or policies and checks as a map, say which shape is wanted', () => {
    expect(problemAt(minimal({ lines: [{ name: 'a', category: 'acute', spend: '1' }] }), 'lines').message).toBe(
      'expected a map of keys, got a list: each line is a key (its name) with its figures, e.g. `acute: {category: acute, spend: 1060}`',
    );
    expect(problemAt(minimal({ policies: { flat_cash: { line: 'a' } } }), 'policies').message).toMatch(/^expected a list, got a map: each policy is a list item starting with `- `/);
    expect(problemAt(minimal({ checks: { breakeven: {} } }), 'checks').message).toMatch(/^expected a list, got a map: each check is a list item/);
  });

  test('units written as a finance team would (m, GBPm, £000s, £bn) get the unit meant', () => {
    const units = (u: string) => problemAt(minimal({ units: u }), 'units').message;
    expect(units('m')).toBe('expected one of `£`, `£k`, `£m`, got `m`: did you mean `£m`?');
    expect(units('GBPm')).toMatch(/did you mean `£m`\?$/);
    expect(units('£000s')).toMatch(/did you mean `£k`\?$/);
    expect(units('GBP')).toMatch(/did you mean `£`\?$/);
    expect(units('£bn')).toBe('expected one of `£`, `£k`, `£m`, got `£bn`: there is no £bn; write money in `£m` (£1bn is 1000)');
  });

  test('units are £, £k or £m', () => {
    expect(problemAt(minimal({ units: '£bn' }), 'units').message).toContain('`£m`');
  });
});
