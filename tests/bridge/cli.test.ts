/** `icbsim bridge`: formats, the JSON a script checks, scenario to scenario, and bad usage. */
import { describe, expect, test } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { ANSI, icbsim, spawnIcbsim, STACK_FRAME, tempDir, TINY, writeScenario } from '../cli/helpers.js';

const dir = tempDir('icbsim-bridge-');
const tiny = writeScenario(dir, 'tiny.yaml', TINY);

interface BridgeJson {
  scenario: string;
  units: string;
  metric: string;
  from: string;
  to: string;
  start: string;
  end: string;
  steps: { driver: string; line: string | null; amount: string }[];
}

/** What a script does with the JSON: start plus every amount must be end. */
const addsUp = (b: { start: string; end: string; steps: { amount: string }[] }): boolean =>
  b.steps.reduce((acc, s) => acc.plus(s.amount), new Dec(b.start)).equals(b.end);

describe('icbsim bridge FILE', () => {
  test('json: the shape of the issue, worked by hand', async () => {
    const r = await icbsim(['bridge', tiny, '--format', 'json']);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout) as BridgeJson;
    // Tiny: allocation 100 → 121 (10% twice); acute held at 60 while its need grows 5% a year to
    // 66.15; community 30 → 33.075. Surplus 100 − 90 = 10 → 121 − 60 − 33.075 = 27.925.
    expect(b).toEqual({
      scenario: 'Tiny ICB',
      units: '£m',
      metric: 'icb_surplus',
      from: '2025/26',
      to: '2027/28',
      start: '10',
      end: '27.925',
      steps: [
        { driver: 'allocation_growth', line: null, amount: '21' },
        // Acute need 60 → 66.15 ...
        { driver: 'inflation', line: 'acute', amount: '-6.15' },
        // ... all of it left with the provider: the gap grows 0 → 6.15.
        { driver: 'flat_cash', line: 'acute', amount: '6.15' },
        { driver: 'inflation', line: 'community', amount: '-3.075' },
      ],
    });
    // 10 + 21 − 6.15 + 6.15 − 3.075 = 27.925.
    expect(addsUp(b)).toBe(true);
  });

  test('system surplus: the gap is no saving; --from and --to pick the years', async () => {
    const r = await icbsim(['bridge', tiny, '--metric', 'system_surplus', '--from', '2026/27', '--to', 'final', '--format', 'json']);
    const b = JSON.parse(r.stdout) as BridgeJson;
    // 2026/27: 110 − 60 − 31.5 − gap 3 = 15.5; 2027/28: 121 − 60 − 33.075 − 6.15 = 21.775.
    expect([b.from, b.to, b.start, b.end]).toEqual(['2026/27', '2027/28', '15.5', '21.775']);
    expect(b.steps.map((s) => `${s.driver}/${s.line}=${s.amount}`)).toEqual(['allocation_growth/null=11', 'inflation/acute=-3.15', 'inflation/community=-1.575']);
  });

  test('--each-year: one bridge per year in JSON, one column per year in the table', async () => {
    const json = JSON.parse((await icbsim(['bridge', tiny, '--each-year', '--format', 'json'])).stdout) as BridgeJson[];
    expect(json.map((b) => [b.from, b.to, b.start, b.end])).toEqual([
      // 2026/27: 110 − 60 − 31.5 = 18.5.
      ['2025/26', '2026/27', '10', '18.5'],
      ['2026/27', '2027/28', '18.5', '27.925'],
    ]);
    expect(json.every(addsUp)).toBe(true);
    const table = (await icbsim(['bridge', tiny, '--each-year'])).stdout;
    expect(table).toContain('2025/26 to 2026/27');
    expect(table).toContain('2026/27 to 2027/28');
    // Acute need 60 → 63 → 66.15: 3 then 3.15 (shown to 0.1, half-even: 3.2), 6.15 in all.
    expect(table).toMatch(/acute: inflation\s*│\s*-3\.0\s*│\s*-3\.2\s*│\s*-6\.2/);
  });

  test('table: a text waterfall, signed steps, no colour off a terminal', async () => {
    const r = await icbsim(['bridge', tiny]);
    expect(r.stdout).toContain('Tiny ICB: ICB surplus/(deficit), 2025/26 to 2027/28 (£m)');
    expect(r.stdout).toMatch(/2025\/26 ICB surplus\/\(deficit\)\s*│\s*10\.0\s*│\s*█+/);
    expect(r.stdout).toMatch(/acute: flat-cash uplift below need\s*│\s*\+6\.2\s*│\s*\++/);
    expect(r.stdout).toMatch(/community: inflation\s*│\s*-3\.1\s*│\s*-+/);
    expect(r.stdout).toMatch(/2027\/28 ICB surplus\/\(deficit\)\s*│\s*27\.9/);
    expect(r.stdout).not.toMatch(ANSI);
    expect((await icbsim(['bridge', tiny], { tty: true })).stdout).toMatch(ANSI);
    expect((await icbsim(['bridge', tiny], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
  });

  test('csv and md carry the same steps', async () => {
    const csv = (await icbsim(['bridge', tiny, '--format', 'csv'])).stdout.trim().split('\n');
    expect(csv[0]).toBe('scenario,metric,from,to,row,driver,line,label,amount');
    expect(csv[1]).toBe('Tiny ICB,icb_surplus,2025/26,2027/28,start,,,2025/26 ICB surplus/(deficit),10');
    expect(csv).toContain('Tiny ICB,icb_surplus,2025/26,2027/28,step,flat_cash,acute,acute: flat-cash uplift below need,6.15');
    expect(csv.at(-1)).toBe('Tiny ICB,icb_surplus,2025/26,2027/28,end,,,2027/28 ICB surplus/(deficit),27.925');
    const md = (await icbsim(['bridge', tiny, '--format', 'md'])).stdout;
    expect(md).toContain('| acute: inflation | -6.2 |');
    expect(md).toContain('| **2027/28 ICB surplus/(deficit)** | **27.9** |');
  });

  test('bad usage: exit 2 with a message, never a stack trace', async () => {
    const cases: [string[], RegExp][] = [
      [['bridge', tiny, '--from', 'final', '--to', 'base'], /--from 2027\/28 must be before --to 2025\/26/],
      [['bridge', tiny, '--from', '2030/31'], /--from `2030\/31` is not a year of this scenario: it runs 2025\/26 to 2027\/28/],
      [['bridge', tiny, '--year', '2026/27'], /--year goes with --vs/],
      [['bridge', tiny, '--vs', tiny, '--each-year'], /--each-year goes with a bridge within one plan/],
      [['bridge', tiny, '--metric', 'spend'], /Allowed choices are icb_surplus, system_surplus, underlying_surplus/],
      [['bridge', writeScenario(dir, 'bad.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 1, grwoth: 1%}\nlines: {a: {category: acute, spend: 1}}\n')], /grwoth/],
    ];
    for (const [args, message] of cases) {
      const r = await icbsim(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_FRAME);
      expect(r.stdout).toBe('');
    }
  });
});

describe('icbsim bridge OLD --vs NEW', () => {
  test('identical files give no steps', async () => {
    const copy = writeScenario(dir, 'copy.yaml', TINY);
    const json = JSON.parse((await icbsim(['bridge', tiny, '--vs', copy, '--format', 'json'])).stdout) as { start: string; end: string; steps: unknown[] };
    expect(json.steps).toEqual([]);
    expect(json.start).toBe(json.end);
    expect((await icbsim(['bridge', tiny, '--vs', copy])).stdout).toContain('nothing to bridge');
  });

  test('the acute uplift and a growth change, each in turn, add up to NEW − OLD', async () => {
    const next = writeScenario(dir, 'next.yaml', `extends: tiny.yaml\nname: Tiny ICB, 2% uplift\nallocation: {growth: 9%}\npolicies:\n  - {type: flat_cash, line: acute, uplift: 2%}\n`);
    const r = await icbsim(['bridge', tiny, '--vs', next, '--year', '2026/27', '--format', 'json']);
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout) as { year: string; start: string; end: string; steps: { changes: { path: string }[]; amount: string }[]; no_effect: { path: string }[] };
    // 2026/27, old: 110 − 60 − 31.5 = 18.5. Growth 9%: allocation 109, 1 less. Uplift 2%: acute 61.2, 1.2 more.
    expect(b.year).toBe('2026/27');
    expect(b.start).toBe('18.5');
    expect(b.steps.map((s) => [s.changes.map((c) => c.path).join(' + '), s.amount])).toEqual([
      ['allocation.growth', '-1'],
      ['policies[0].uplift', '-1.2'],
    ]);
    // 18.5 − 1 − 1.2 = 16.3 = 109 − 61.2 − 31.5.
    expect(b.end).toBe('16.3');
    expect(addsUp(b)).toBe(true);
    expect(b.no_effect.map((c) => c.path)).toEqual(['name']);
    const text = (await icbsim(['bridge', tiny, '--vs', next, '--year', '2026/27'])).stdout;
    expect(text).toMatch(/allocation\.growth: 10% → 9%\s*│\s*-1\.0/);
    expect(text).toContain('No effect on ICB surplus/(deficit) in 2026/27: name');
  });

  test('the shipped plans: do-nothing to the balanced plan, every metric, from the built binary', () => {
    for (const metric of ['icb_surplus', 'system_surplus', 'underlying_surplus']) {
      const r = spawnIcbsim(['bridge', 'scenarios/do-nothing.yaml', '--vs', 'scenarios/default.yaml', '--metric', metric, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      const b = JSON.parse(r.stdout) as { start: string; end: string; steps: { amount: string }[] };
      expect(b.steps.length).toBeGreaterThan(0);
      expect(addsUp(b)).toBe(true);
    }
  });
});
