/** `icbsim check`: exit codes, every output format, annotations on the rule's own file and line. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { icbsim, spawnIcbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { PLAN } from './fixture.js';

const dir = tempDir('icbsim-check-');
// Figures: fixture.ts. Surplus 0, 1, 1.78; running flat at 50; mental health grows 2% like the allocation.
const plan = writeScenario(dir, 'plan.yaml', PLAN);
const withChecks = writeScenario(
  dir,
  'with-checks.yaml',
  `${PLAN}
  checks:
    - {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}
    - name: Surplus of 2 by the end
      metric: icb_surplus
      min: 2
      year: final
`,
);
const rules = writeScenario(
  dir,
  'rules.yaml',
  `
  name: National
  checks:
    - name: MHIS
      metric: growth.mental_health
      min: allocation_growth
      each_year: true
    - name: Running costs down 30%
      metric: spend.running
      max_change_from_base: -30%
      year: final
`,
);
const passing = writeScenario(
  dir,
  'passing-rules.yaml',
  `
  checks:
    - {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}
`,
);
const bad = writeScenario(dir, 'bad.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 10, growth: 2}\nlines: {}\n');
const opts = { cwd: dir };
// The loader names files relative to the working directory: work inside the temp folder so
// messages and annotations carry the short names a CI checkout would.
const repo = process.cwd();
beforeAll(() => process.chdir(dir));
afterAll(() => process.chdir(repo));

describe('exit codes', () => {
  it('0 when every rule passes', async () => {
    const r = await icbsim(['check', plan, '--rules', passing], opts);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 plan checked, 1 rule applied, 0 failed');
  });
  it('1 when a rule fails, naming the year, the figure and the limit', async () => {
    const r = await icbsim(['check', withChecks], opts);
    expect(r.code).toBe(1);
    // The surplus is 1.78 in 2027/28, below 2.
    expect(r.stdout).toContain('FAIL  Surplus of 2 by the end  [with-checks.yaml:15]');
    expect(r.stdout).toContain('2027/28: icb_surplus is £1.78m, below the minimum £2.00m');
    expect(r.stdout).toMatch(/pass {2}Breakeven/);
  });
  it('2 for a bad plan, but the good plans are still checked and reported', async () => {
    const r = await icbsim(['check', bad, withChecks], opts);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:3:\d+: error: rates are written with a per cent sign/m);
    expect(r.stdout).toContain('bad.yaml: not checked');
    expect(r.stdout).toContain('FAIL  Surplus of 2 by the end');
  });
  it('2 for a broken rules file, located at its line', async () => {
    const broken = writeScenario(dir, 'broken-rules.yaml', 'checks:\n  - {name: X, metric: spend, mni: 0, each_year: true}\n');
    const r = await icbsim(['check', plan, '--rules', broken], opts);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('broken-rules.yaml:2:30: error: unknown key `mni`: did you mean `min`?');
    expect(r.stdout).toBe('');
  });
  it('a rules file with several problems lists them all, top to bottom', async () => {
    const messy = writeScenario(
      dir,
      'messy-rules.yaml',
      'checks:\n  - {name: A, metric: spend, mni: 0, each_year: true}\n  - {name: B, metric: spend, min: 0, year: 2026-27}\n  - {nme: C, metric: spend, min: 0, each_year: true}\n',
    );
    const r = await icbsim(['check', plan, '--rules', messy], opts);
    expect(r.code).toBe(2);
    const located = [...r.stderr.matchAll(/messy-rules\.yaml:(\d+):(\d+): error/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(located.map(([line]) => line)).toEqual([2, 3, 4]);
  });
  it('2 when a rule names a metric this plan does not have', async () => {
    const other = writeScenario(dir, 'other-rules.yaml', 'checks:\n  - {name: X, metric: spend.mental_heath, min: 0, each_year: true}\n');
    const r = await icbsim(['check', plan, '--rules', other], opts);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'other-rules.yaml:2:23: error: unknown metric `spend.mental_heath`: did you mean `spend.mental_health`? (applying the rules to plan.yaml)',
    );
  });
  it('2 for an unknown format (a usage error)', async () => {
    expect((await icbsim(['check', plan, '--format', 'xml'], opts)).code).toBe(2);
  });
  it('the built binary agrees', () => {
    expect(spawnIcbsim(['check', 'plan.yaml', '--rules', 'passing-rules.yaml'], { cwd: dir }).code).toBe(0);
    const failing = spawnIcbsim(['check', 'plan.yaml', '--rules', 'rules.yaml'], { cwd: dir });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('2027/28: spend.running changed by 0.00% since 2025/26, above the maximum change -30.00%');
    const broken = spawnIcbsim(['check', 'bad.yaml'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).not.toMatch(/^\s{4}at /m);
  });
});

describe('--format junit', () => {
  it('is valid XML with a suite per plan, a case per rule, failures and errors counted', async () => {
    const r = await icbsim(['check', withChecks, plan, bad, '--rules', rules, '--format', 'junit'], opts);
    expect(r.code).toBe(2);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (n) => ['testsuite', 'testcase'].includes(n) }).parse(r.stdout);
    const root = xml.testsuites;
    // with-checks: 2 own + 2 rules = 4 cases (2 fail: surplus of 2, running); plan: 2 cases (running fails); bad: 1 error.
    expect(root).toMatchObject({ tests: '7', failures: '3', errors: '1' });
    const suites = root.testsuite as Record<string, unknown>[];
    expect(suites.map((s) => s.file)).toEqual(['with-checks.yaml', 'plan.yaml', 'bad.yaml']);
    const first = suites[0]!.testcase as Record<string, unknown>[];
    expect(first.map((c) => [c.name, c.file, c.line])).toEqual([
      ['Breakeven', 'with-checks.yaml', '14'],
      ['Surplus of 2 by the end', 'with-checks.yaml', '15'],
      ['MHIS', 'rules.yaml', '3'],
      ['Running costs down 30%', 'rules.yaml', '7'],
    ]);
    expect((first[1]!.failure as Record<string, string>).message).toBe('2027/28: icb_surplus is £1.78m, below the minimum £2.00m');
    expect(first[0]!.failure).toBeUndefined();
    const badCase = (suites[2]!.testcase as Record<string, unknown>[])[0]!;
    expect((badCase.error as Record<string, string>).message).toMatch(/per cent sign/);
  });
  it('escapes what XML cannot hold as it is', async () => {
    const odd = writeScenario(dir, 'odd.yaml', `${PLAN}\n  checks:\n    - {name: "A & B <\\"q\\">", metric: icb_surplus, min: 5, year: final}\n`);
    const r = await icbsim(['check', odd, '--format', 'junit'], opts);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    expect(xml.testsuites.testsuite.testcase.name).toBe('A & B <"q">');
  });
});

describe('--format github', () => {
  it('annotates the line where each failing rule is written: the plan, or the rules file', async () => {
    const r = await icbsim(['check', withChecks, '--rules', rules, '--format', 'github'], opts);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('::error '))).toEqual([
      '::error file=with-checks.yaml,line=15,col=5,title=Surplus of 2 by the end (Check ICB)::with-checks.yaml: 2027/28: icb_surplus is £1.78m, below the minimum £2.00m',
      '::error file=rules.yaml,line=7,col=5,title=Running costs down 30%25 (Check ICB)::with-checks.yaml: 2027/28: spend.running changed by 0.00%25 since 2025/26, above the maximum change -30.00%25',
    ]);
    // 2 own checks + 2 rules; the surplus-of-2 and running-cost rules fail.
    expect(lines.at(-1)).toBe('icbsim check: 1 plan, 4 rules, 2 failed');
  });
  it('a rule inherited through extends points at the base file', async () => {
    const child = writeScenario(dir, 'sub/child.yaml', 'extends: ../with-checks.yaml\nname: Child\n');
    const r = await icbsim(['check', child, '--format', 'github'], opts);
    expect(r.stdout).toContain('::error file=with-checks.yaml,line=15,col=5,title=Surplus of 2 by the end (Child)::sub/child.yaml: ');
  });
  it('bad input is annotated at its file and line too', async () => {
    const r = await icbsim(['check', bad, '--format', 'github'], opts);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^::error file=bad\.yaml,line=3,col=\d+,title=icbsim%3A bad input::rates are written/m);
  });
});

describe('--format json', () => {
  it('carries exact figures and where each rule is written', async () => {
    const r = await icbsim(['check', withChecks, '--format', 'json'], opts);
    const json = JSON.parse(r.stdout);
    expect(json.passed).toBe(false);
    expect(json.files[0].checks[1]).toEqual({
      name: 'Surplus of 2 by the end',
      metric: 'icb_surplus',
      source: { file: 'with-checks.yaml', line: 15, col: 5 },
      passed: false,
      years: ['2027/28'],
      failures: [{ year: '2027/28', side: 'min', value: '1.78', limit: '2' }],
    });
  });
});

it('the shipped rule sets load and apply to a plan with mental_health and running lines', async () => {
  const shipped = join(repo, 'scenarios', 'rules');
  for (const name of ['breakeven', 'underlying-breakeven', 'care-shift', 'mhis', 'running-costs', 'national']) {
    const r = await icbsim(['check', plan, '--rules', join(shipped, `${name}.yaml`), '--format', 'json'], opts);
    expect(r.stderr).toBe('');
    expect([0, 1]).toContain(r.code);
  }
  // Hand-checked against fixture.ts: breakeven (0, 1, 1.78) passes; MHIS passes (2% = 2%);
  // care share rises 0.2 → 0.2061 → 0.2123 but stays below 30%; running flat fails "down 30%".
  const r = await icbsim(['check', plan, '--rules', join(shipped, 'national.yaml'), '--format', 'json'], opts);
  const results = JSON.parse(r.stdout).files[0].checks.map((c: { name: string; passed: boolean }) => [c.name, c.passed]);
  expect(results).toEqual([
    ['Breakeven every year', true],
    ['Underlying breakeven by the final year', true],
    ['Care-shift share rises every year', true],
    ['Care-shift share at least 30% by the end', false],
    ['Mental Health Investment Standard', true],
    ['Running costs down at least 30%', false],
  ]);
});

describe('a broken rules file in a CI format', () => {
  it('is reported in the format CI reads (an annotation, a JUnit error), no plan is run, exit 2', async () => {
    const broken = writeScenario(dir, 'broken-ci-rules.yaml', 'checks:\n  - {name: X, metric: spend, mni: 0, each_year: true}\n');
    const gh = await icbsim(['check', plan, '--rules', broken, '--format', 'github'], opts);
    expect(gh.code).toBe(2);
    expect(gh.stdout).toContain('::error file=broken-ci-rules.yaml,line=2,col=30,title=icbsim%3A bad input::unknown key `mni`');
    expect(gh.stdout).not.toContain('plan.yaml');
    const junit = await icbsim(['check', plan, '--rules', broken, '--format', 'junit'], opts);
    expect(junit.code).toBe(2);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout);
    expect(xml.testsuites).toMatchObject({ tests: '1', failures: '0', errors: '1' });
    expect(xml.testsuites.testsuite.file).toBe('broken-ci-rules.yaml');
  });
});
