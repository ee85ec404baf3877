/** Every shipped scenario (scenarios/*.yaml) loads, validates and runs, and tells the story it claims. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { exactArith } from '../../src/model/arith.js';
import { evaluateChecks } from '../../src/model/checks.js';
import { Dec } from '../../src/model/decimal.js';
import { runScenario, type RunResult } from '../../src/model/run.js';

const DIR = path.resolve(import.meta.dirname, '../../scenarios');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

function load(file: string): RunResult {
  const loaded = loadScenario(path.join(DIR, file));
  if (!loaded.ok) throw new Error(`${file}: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
  return runScenario(loaded.scenario.spec, loaded.scenario.name);
}

const metric = (r: RunResult, t: number, key: string): Dec => {
  const v = r.years[t]?.metrics[key];
  if (v === undefined) throw new Error(`${r.scenario}: no ${key} in year ${t}`);
  return v;
};
const last = (r: RunResult) => r.years.length - 1;

describe('shipped scenarios', () => {
  test('the default and every variant the issue asks for are there', () => {
    for (const f of ['base', 'default', 'do-nothing', 'flat-cash-acute', 'flat-real-acute', 'running-costs-30', 'running-costs-50', 'left-shift', 'sr-settlement']) {
      expect(FILES).toContain(`${f}.yaml`);
    }
  });

  test.each(FILES)('%s runs without problems or warnings', (file) => {
    const r = load(file);
    expect(r.warnings).toEqual([]);
    expect(r.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31']);
  });

  // A variant may build on another variant (uncertain.yaml is the balanced plan with ranges), but
  // every chain must end at the one base ICB so that all variants compare like with like.
  const parentOf = (file: string): string | undefined => /^extends: (\S+\.yaml)$/m.exec(readFileSync(path.join(DIR, file), 'utf8'))?.[1];

  // An ICB in deficit on named one-off streams cannot extend base.yaml: maps merge key by key, and
  // base.yaml's one-off money is a plain year map, which named streams may not be mixed with.
  const STANDALONE = ['deficit-support-withdrawn.yaml'];

  test.each(FILES.filter((f) => f !== 'base.yaml'))('%s extends base.yaml (directly or through a variant) and opens with the question it answers', (file) => {
    const text = readFileSync(path.join(DIR, file), 'utf8');
    const chain = [file];
    for (let p = parentOf(file); p !== undefined && !chain.includes(p); p = parentOf(p)) chain.push(p);
    expect(chain.at(-1)).toBe(STANDALONE.includes(file) ? file : 'base.yaml');
    const opening = text.split('\n').filter((l) => l.startsWith('#') && !l.includes('yaml-language-server'));
    expect(opening.join(' ')).toMatch(/\?/);
  });
});

describe('the base ICB is sized like a real one', () => {
  const r = load('base.yaml');
  const spend = (line: string) => metric(r, 0, `spend.${line}`).dividedBy(metric(r, 0, 'spend')).toNumber();

  test('about £2bn, its lines in typical proportions', () => {
    expect(metric(r, 0, 'allocation').toNumber()).toBe(2000);
    expect(spend('acute')).toBeGreaterThanOrEqual(0.5);
    expect(spend('acute')).toBeLessThanOrEqual(0.55);
    expect(spend('mental_health')).toBeGreaterThanOrEqual(0.09);
    expect(spend('community')).toBeGreaterThanOrEqual(0.09);
    expect(spend('primary_care') + spend('prescribing')).toBeGreaterThanOrEqual(0.18);
    expect(spend('primary_care') + spend('prescribing')).toBeLessThanOrEqual(0.2);
    expect(spend('running')).toBeCloseTo(0.01, 3);
  });
});

describe('the story the scenarios tell', () => {
  const doNothing = load('do-nothing.yaml');
  const plan = load('default.yaml');

  test('doing nothing drifts into a deficit that deepens every year', () => {
    const surplus = doNothing.years.slice(1).map((y) => y.metrics.icb_surplus!);
    expect(surplus.every((s) => s.isNegative())).toBe(true);
    for (let k = 1; k < surplus.length; k++) expect(surplus[k]!.lessThan(surplus[k - 1]!)).toBe(true);
  });

  test('the default plan breaks even every year and passes its own checks', () => {
    for (const y of plan.years) expect(y.metrics.icb_surplus!.isNegative(), y.year).toBe(false);
    const outcomes = evaluateChecks(plan.spec.checks ?? [], plan.years.map((y) => y.year), plan.years.map((y) => new Map(Object.entries(y.metrics))), exactArith(8));
    expect(outcomes.length).toBeGreaterThanOrEqual(2);
    for (const o of outcomes) expect(o.failures, o.check.name).toEqual([]);
  });

  test('...at a cost to the acute providers, so the system as a whole is in deficit', () => {
    expect(metric(plan, last(plan), 'gap.acute').greaterThan(0)).toBe(true);
    expect(metric(plan, last(plan), 'system_surplus').isNegative()).toBe(true);
  });

  test('flat cash acute balances the ICB by pushing a larger gap onto providers than any other plan', () => {
    const flat = load('flat-cash-acute.yaml');
    const real = load('flat-real-acute.yaml');
    expect(metric(flat, last(flat), 'icb_surplus').isNegative()).toBe(false);
    expect(metric(flat, last(flat), 'gap.acute').greaterThan(metric(real, last(real), 'gap.acute'))).toBe(true);
    expect(metric(flat, last(flat), 'system_surplus').lessThan(metric(doNothing, last(doNothing), 'system_surplus'))).toBe(true);
  });

  test('flat real acute moves the deficit onto providers without changing the system position', () => {
    const real = load('flat-real-acute.yaml');
    for (let t = 0; t <= last(real); t++) expect(metric(real, t, 'system_surplus').toFixed()).toBe(metric(doNothing, t, 'system_surplus').toFixed());
  });

  test('a 50% running-cost cut saves more than 30%, and both more than doing nothing', () => {
    const c30 = load('running-costs-30.yaml');
    const c50 = load('running-costs-50.yaml');
    const n = last(c30);
    expect(metric(c50, n, 'icb_surplus').greaterThan(metric(c30, n, 'icb_surplus'))).toBe(true);
    expect(metric(c30, n, 'icb_surplus').greaterThan(metric(doNothing, n, 'icb_surplus'))).toBe(true);
  });

  test('the left shift costs more in its first year (double running) and saves later', () => {
    const shift = load('left-shift.yaml');
    expect(metric(shift, 1, 'icb_surplus').lessThan(metric(doNothing, 1, 'icb_surplus'))).toBe(true);
    expect(metric(shift, last(shift), 'icb_surplus').greaterThan(metric(doNothing, last(doNothing), 'icb_surplus'))).toBe(true);
    expect(metric(shift, last(shift), 'care_shift_share').greaterThan(metric(doNothing, last(doNothing), 'care_shift_share'))).toBe(true);
  });

  test('withdrawing deficit support: the ICB surplus flatters, the underlying position is the support-free one', () => {
    const d = load('deficit-support-withdrawn.yaml');
    const p = d.projection;
    for (let t = 0; t <= last(d); t++) {
      // underlying = allocation − recurrent spend (reported spend less the pot, plus the freeze back)
      const recurrentSpend = metric(d, t, 'spend').minus(p.ringFenced[t]!).plus(p.savings[t]!);
      expect(metric(d, t, 'underlying_surplus').toFixed()).toBe(metric(d, t, 'allocation').minus(recurrentSpend).toFixed());
    }
    // 2026/27: support 28 + pot 6 in income, pot 6 spent on community, freeze 3 off running costs:
    // ICB surplus − underlying = 34 − 6 + 3 = 31
    expect(metric(d, 1, 'icb_surplus').minus(metric(d, 1, 'underlying_surplus')).toFixed()).toBe('31');
    // From 2028/29 nothing one-off is left: the two figures agree
    for (let t = 3; t <= last(d); t++) expect(metric(d, t, 'icb_surplus').toFixed()).toBe(metric(d, t, 'underlying_surplus').toFixed());
    // The pot leaves nothing behind: community spend falls back to its recurrent path in 2028/29
    const community = p.lines[d.lines.findIndex((l) => l.name === 'community')]!;
    expect(community.ringFenced.slice(1, 4).map((x) => x.toFixed())).toEqual(['6', '6', '0']);
    expect(metric(d, 3, 'spend.community').lessThan(metric(d, 2, 'spend.community'))).toBe(true);
    // Above target, convergence takes growth away every year
    for (let t = 1; t <= last(d); t++) expect(p.convergence[t]!.isNegative()).toBe(true);
  });

  test('the Spending Review settlement sets each year\'s growth from its map', () => {
    const sr = load('sr-settlement.yaml');
    expect(sr.years.slice(1).map((y) => y.metrics.allocation_growth!.toFixed())).toEqual(['0.034', '0.03', '0.027', '0.02', '0.02']);
  });
});
