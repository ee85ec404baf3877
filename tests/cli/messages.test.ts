/** Figures in messages are written as a finance director writes them, not as a table cell. */
import { describe, expect, it } from 'vitest';
import { spawnIcbsim } from './helpers.js';

describe('money in messages', () => {
  it('a failed check writes £0.12m, -£16.83m: the unit around the figure', () => {
    const r = spawnIcbsim(['check', 'scenarios/do-nothing.yaml', '--rules', 'scenarios/rules/national.yaml']);
    expect(r.code).toBe(1);
    // do-nothing's 2026/27 ICB surplus is -0.12 (£m, to the penny shown in checks)
    expect(r.stdout).toContain('2026/27: icb_surplus is -£0.12m, below the minimum £0.00m');
    expect(r.stdout).not.toMatch(/\d £m/);
  });

  it('explain heads its figure with the unit around it', () => {
    const r = spawnIcbsim(['explain', 'scenarios/default.yaml', 'gap.acute', '--year', '2027/28']);
    expect(r.stdout.split('\n')[0]).toBe('acute provider gap (gap.acute), 2027/28: £24.58349989m');
  });
});

describe('solve answers in the input\'s form', () => {
  it('a rate as a per cent, money with its unit around it', () => {
    const rate = spawnIcbsim(['solve', 'scenarios/default.yaml', '--vary', 'policies.divert_growth.share', '--target', 'icb_surplus[2030/31]>=0']);
    expect(rate.code, rate.stderr).toBe(0);
    expect(rate.stdout).toMatch(/^.*: policies\.divert_growth\.share at most \d+\.\d\d% keeps icb_surplus 2030\/31 >= £0m\n {2}policies\.divert_growth\.share = \d+\.\d\d% gives £0\.\d+m: meets it\n/);
    const money = spawnIcbsim(['solve', 'scenarios/default.yaml', '--vary', 'lines.acute.spend', '--target', 'icb_surplus[2030/31]=0']);
    expect(money.code, money.stderr).toBe(0);
    // The acute line's spend is written in £m in the scenario: the answer is too.
    expect(money.stdout).toMatch(/lines\.acute\.spend = £\d+m comes closest to icb_surplus 2030\/31 = £0m\n/);
    expect(money.stdout).not.toMatch(/gives -?\d/);
  });
});
