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
