/**
 * Each shipped rule set in scenarios/rules/, applied to small plans worked out by hand: one that
 * passes every rule (several at exact equality), and one variant per rule that fails it.
 * Also: rules files that reach `check` among the FILEs (what `--rules rules/*.yaml` turns into).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icbsim, REPO, tempDir, writeScenario } from '../cli/helpers.js';

const SHIPPED = join(REPO, 'scenarios', 'rules');
const rulesFile = (name: string) => join(SHIPPED, `${name}.yaml`);

/**
 * Base 2025/26, two projection years (2026/27, 2027/28), allocation growth 2%:
 *   allocation     1000 → 1020 → 1040.4
 *   acute (0%)      500 →  500 →  500
 *   community (3%)  300 →  309 →  318.27
 *   mental_health (2%) 150 → 153 → 156.06        growth 2% = allocation growth: MHIS holds at equality
 *   running, cut 30% by 2027/28 (t_Y = 2): 50 → 50 × (1 − 0.3 × 1/2) = 42.5 → 50 × 0.7 = 35
 *                                                  change from base 35/50 − 1 = −30%: at the limit
 *   spend          1000 → 1004.5 → 1009.33
 *   icb_surplus       0 →   15.5 →   31.07        (= underlying: no non-recurrent money)
 *   care_shift_share (community / spend, to 4 places):
 *     300/1000 = 0.3 → 309/1004.5 = 0.30761… → 0.3076 → 318.27/1009.33 = 0.31532… → 0.3153
 */
const good = (o: { acuteInflation?: string; mhInflation?: string; cut?: string; nr?: string } = {}) => `
  name: Rules ICB
  base_year: 2025/26
  years: 2
  allocation:
    recurrent: 1000
    growth: 2%
    ${o.nr ? `non_recurrent: {2027/28: ${o.nr}}` : ''}
  lines:
    acute: {category: acute, spend: 500, inflation: ${o.acuteInflation ?? '0%'}}
    community: {category: community, spend: 300, inflation: 3%}
    mental_health: {category: mental_health, spend: 150, inflation: ${o.mhInflation ?? '2%'}}
    running: {category: running, spend: 50}
  policies:
    - {type: running_cost_cut, line: running, cut: ${o.cut ?? '30%'}, by: 2027/28}
`;

const dir = tempDir('icbsim-shipped-rules-');
const files = {
  good: writeScenario(dir, 'good.yaml', good()),
  /**
   * Acute inflation 5%: acute 500 → 525 → 551.25; spend 1029.5 → 1060.58;
   * surplus 1020 − 1029.5 = −9.5 and 1040.4 − 1060.58 = −20.18.
   * Care share 309/1029.5 = 0.30014… → 0.3001, then 318.27/1060.58 = 0.30009… → 0.3001: no rise.
   */
  deficit: writeScenario(dir, 'deficit.yaml', good({ acuteInflation: '5%' })),
  /** As `deficit` with 25 of one-off money in 2027/28: surplus −20.18 + 25 = 4.82, underlying −20.18. */
  propped: writeScenario(dir, 'propped.yaml', good({ acuteInflation: '5%', nr: '25' })),
  /** Mental health inflation 1.9%: growth 1.9% < allocation growth 2% in both years. */
  mhis: writeScenario(dir, 'mhis.yaml', good({ mhInflation: '1.9%' })),
  /** Cut 20% by 2027/28: running 50 → 40, a change of 40/50 − 1 = −20%, above the −30% allowed. */
  running: writeScenario(dir, 'running.yaml', good({ cut: '20%' })),
};

const repo = process.cwd();
beforeAll(() => process.chdir(dir));
afterAll(() => process.chdir(repo));

interface JsonCheck {
  name: string;
  passed: boolean;
  failures: { year: string; side: string; value: string; limit: string }[];
}
async function checks(plan: string, rules: string): Promise<{ code: number; checks: JsonCheck[] }> {
  const r = await icbsim(['check', plan, '--rules', rulesFile(rules), '--format', 'json'], { cwd: dir });
  expect(r.stderr).toBe('');
  return { code: r.code, checks: JSON.parse(r.stdout).files[0].checks };
}

describe('the shipped rule sets', () => {
  it('a plan that keeps every national rule passes them all, the limits included (exit 0)', async () => {
    for (const name of ['breakeven', 'underlying-breakeven', 'care-shift', 'mhis', 'running-costs', 'national']) {
      const r = await checks(files.good, name);
      expect(r.code, name).toBe(0);
      expect(r.checks.every((c) => c.passed), name).toBe(true);
    }
  });

  it('breakeven every year: fails in each deficit year with the deficit and the limit 0', async () => {
    const r = await checks(files.deficit, 'breakeven');
    expect(r.code).toBe(1);
    expect(r.checks[0]!.failures).toEqual([
      { year: '2026/27', side: 'min', value: '-9.5', limit: '0' },
      { year: '2027/28', side: 'min', value: '-20.18', limit: '0' },
    ]);
  });

  it('underlying breakeven by the final year: one-off money in the last year does not count', async () => {
    // The headline surplus of 2027/28 is 4.82, so breakeven fails only in 2026/27 (−9.5).
    const be = await checks(files.propped, 'breakeven');
    expect(be.checks[0]!.failures.map((f) => [f.year, f.value])).toEqual([['2026/27', '-9.5']]);
    const r = await checks(files.propped, 'underlying-breakeven');
    expect(r.code).toBe(1);
    expect(r.checks[0]!.failures).toEqual([{ year: '2027/28', side: 'min', value: '-20.18', limit: '0' }]);
    // The underlying rule looks only at the final year: the good plan's 31.07 passes.
    expect((await checks(files.good, 'underlying-breakeven')).checks[0]!.passed).toBe(true);
  });

  it('care-shift share rising every year: standing still fails; at least 30% by the end', async () => {
    const r = await checks(files.deficit, 'care-shift');
    expect(r.code).toBe(1);
    const [rising, target] = r.checks;
    // 0.3 → 0.3001 (+0.0001, one step: a rise) → 0.3001 (+0: no rise).
    expect(rising!.failures).toEqual([{ year: '2027/28', side: 'change_min', value: '0', limit: '0.0001' }]);
    // 0.3001 ≥ 0.3 in the final year.
    expect(target!.passed).toBe(true);
    const below = writeScenario(dir, 'below.yaml', good().replace('community: {category: community, spend: 300', 'community: {category: other, spend: 300'));
    // No care-closer-to-home line at all: the share is 0 every year, so it neither rises nor reaches 30%.
    const none = await checks(below, 'care-shift');
    expect(none.checks[0]!.failures.map((f) => f.year)).toEqual(['2026/27', '2027/28']);
    expect(none.checks[1]!.failures).toEqual([{ year: '2027/28', side: 'min', value: '0', limit: '0.3' }]);
  });

  it('Mental Health Investment Standard: growth below allocation growth fails every year', async () => {
    const r = await checks(files.mhis, 'mhis');
    expect(r.code).toBe(1);
    // 150 × 1.019 = 152.85; 152.85 × 1.019 = 155.75415: growth 0.019 both years, limit 0.02.
    expect(r.checks[0]!.failures).toEqual([
      { year: '2026/27', side: 'min', value: '0.019', limit: '0.02' },
      { year: '2027/28', side: 'min', value: '0.019', limit: '0.02' },
    ]);
  });

  it('running costs down by the required share: a 20% cut fails the 30% rule', async () => {
    const r = await checks(files.running, 'running-costs');
    expect(r.code).toBe(1);
    expect(r.checks[0]!.failures).toEqual([{ year: '2027/28', side: 'max_change_from_base', value: '-0.2', limit: '-0.3' }]);
  });

  it('national.yaml holds all five, in order, each failing where its own file fails', async () => {
    const r = await checks(files.deficit, 'national');
    expect(r.checks.map((c) => [c.name, c.passed])).toEqual([
      ['Breakeven every year', false],
      ['Underlying breakeven by the final year', false],
      ['Care-shift share rises every year', false],
      ['Care-shift share at least 30% by the end', true],
      ['Mental Health Investment Standard', true],
      ['Running costs down at least 30%', true],
    ]);
  });
});

describe('rules files among the FILEs', () => {
  it('`--rules rules/*.yaml` as the shell expands it applies every rules file, in order', async () => {
    // The shell turns `--rules rules/*.yaml` into `--rules breakeven.yaml care-shift.yaml mhis.yaml`.
    const r = await icbsim(['check', files.deficit, '--rules', rulesFile('breakeven'), rulesFile('care-shift'), rulesFile('mhis')], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('1 plan checked, 4 rules applied, 2 failed');
    const sources = [...r.stdout.matchAll(/\[(.*?)\]/g)].map((m) => m[1]!.replace(/^.*scenarios\/rules\//, ''));
    // Each rule is reported at the line of its `- name:` in its own file (read here, so comment edits to the shipped files do not matter).
    const ruleLines = (name: string) =>
      readFileSync(rulesFile(name), 'utf8')
        .split('\n')
        .flatMap((l, i) => (/^\s*- name:/.test(l) ? [`${name}.yaml:${i + 1}`] : []));
    expect(sources).toEqual([...ruleLines('breakeven'), ...ruleLines('care-shift'), ...ruleLines('mhis')]);
    expect(sources).toHaveLength(4);
  });
  it('a rules file named among the plans is never reported as a plan that failed to load', async () => {
    const r = await icbsim(['check', rulesFile('mhis'), files.good, files.mhis], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('2 plans checked, 2 rules applied, 1 failed');
  });
  it('a broken rules file among the FILEs is reported as a broken rules file, at its line', async () => {
    const broken = writeScenario(dir, 'broken-rules.yaml', 'checks:\n  - {name: X, metric: spend, mni: 0, each_year: true}\n');
    const r = await icbsim(['check', files.good, broken], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken-rules.yaml:2:30: error: unknown key `mni`: did you mean `min`?');
    expect(r.stderr).not.toContain('missing key `base_year`');
  });
  it('only rules files and no plan is a usage error (exit 2)', async () => {
    const r = await icbsim(['check', '--rules', rulesFile('mhis'), rulesFile('breakeven')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no plans to check: every file given is a rules file');
  });
  it('a plan missing its keys is still a bad plan, not mistaken for rules', async () => {
    const half = writeScenario(dir, 'half.yaml', 'name: Half\nbase_year: 2025/26\nchecks:\n  - {name: B, metric: icb_surplus, min: 0, each_year: true}\n');
    const r = await icbsim(['check', half], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('missing key `years`');
  });
});
