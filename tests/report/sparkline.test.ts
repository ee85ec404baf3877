/** Terminal sparklines: the block arithmetic, and what run/compare print with and without a terminal. */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runScenario } from '../../src/model/run.js';
import { BLOCKS, renderSparklines, sparkline } from '../../src/render/sparkline.js';
import { FIXTURES } from './helpers.js';

describe('sparkline', () => {
  it('maps the lowest figure to ▁ and the highest to █, linearly between', () => {
    // 0..70 in steps of 10 is exactly one block per step.
    expect(sparkline([0, 10, 20, 30, 40, 50, 60, 70])).toBe('▁▂▃▄▅▆▇█');
    // Deficits are just lower: -20 is the lowest, 12 the highest; 4 is (4+20)/32×7 = 5.25 → ▆ (index 5).
    expect(sparkline([12, -20, 4])).toBe('█▁▆');
    expect(sparkline([5, 5, 5])).toBe('▄▄▄');
    expect(sparkline([null, 1, 2])).toBe(' ▁█');
  });

  it('has one character per year and keeps the order of the figures (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 16 }), (values) => {
        const s = [...sparkline(values)];
        expect(s).toHaveLength(values.length);
        const level = (c: string) => BLOCKS.indexOf(c as (typeof BLOCKS)[number]);
        for (let i = 0; i < values.length; i++) {
          for (let j = 0; j < values.length; j++) {
            if (values[i]! < values[j]!) expect(level(s[i]!)).toBeLessThanOrEqual(level(s[j]!));
          }
        }
      }),
    );
  });
});

describe('renderSparklines', () => {
  const loaded = loadScenario(join(FIXTURES, 'tiny.yaml'));
  if (!loaded.ok) throw new Error('fixture');
  const r = runScenario(loaded.scenario.spec, loaded.scenario.name);

  it('shows the surplus and care-shift share with their first and last figures', () => {
    // Surplus 10 → 18.5 → 27.925 (27.9); share 33.33% → 34.43% → 35.54%.
    expect(renderSparklines([r], { color: false })).toBe(
      'Tiny ICB, 2025/26 to 2027/28:\n' +
        '  ICB surplus (£m)  ▁▄█  10.0 → 27.9\n' +
        '  Care-shift share  ▁▄█  33.33% → 35.54%\n',
    );
  });
});

describe('renderSparklines with several scenarios', () => {
  const run = (f: string) => {
    const l = loadScenario(join(FIXTURES, f));
    if (!l.ok) throw new Error(f);
    return runScenario(l.scenario.spec, l.scenario.name);
  };
  const tiny = run('tiny.yaml');
  const uncertain = run('uncertain.yaml');

  it('puts each measure on one scale across the scenarios, so equal heights mean equal figures', () => {
    // Uncertain (central demand 2%, three projection years): spend 95 → 60.6 + 32.13 + 5.36 = 98.09
    // (5 × 1.05 × 1.02 = 5.355, half-even 5.36) → 61.21 + 34.41 + 5.74 = 101.36 → 61.82 + 36.85 + 6.15 = 104.82;
    // income 100, 110, 121, 133.1; surplus 5 → 11.91 → 19.64 → 28.28. Tiny: 10 → 18.5 → 27.925.
    // One scale 5..28.28: level = round((v − 5) / 23.28 × 7): tiny 1.50→2, 4.06→4, 6.89→7; uncertain 0, 2.08→2, 4.40→4, 7.
    // Shares: tiny 30/90, 31.5/91.5, 33.075/93.075; uncertain 30/95, 32.13/98.09, 34.41/101.36, 36.85/104.82;
    // scale 0.315789..0.355358 (tiny's last): tiny 3.10→3, 5.04→5, 7; uncertain 0, 2.08→2, 4.19→4, 6.33→6.
    expect(renderSparklines([tiny, uncertain], { color: false })).toBe(
      'Tiny ICB, 2025/26 to 2027/28:\n' +
        '  ICB surplus (£m)  ▃▅█  10.0 → 27.9\n' +
        '  Care-shift share  ▄▆█  33.33% → 35.54%\n' +
        'Tiny ICB - uncertain demand, 2025/26 to 2028/29:\n' +
        '  ICB surplus (£m)  ▁▃▅█  5.0 → 28.3\n' +
        '  Care-shift share  ▁▃▅▇  31.58% → 35.16%\n' +
        '(each measure on one scale across the scenarios)\n',
    );
  });

  it('keeps each line on its own scale when the units differ, and says so', () => {
    const inK = { ...uncertain, units: '£k' as const, scenario: 'In £k' };
    const out = renderSparklines([tiny, inK], { color: false });
    expect(out).toContain('  ICB surplus (£m)  ▁▄█  10.0 → 27.9\n');
    expect(out.endsWith('(each line on its own scale: the scenarios use different units)\n')).toBe(true);
  });
});

describe('sparklines in run and compare', async () => {
  const { icbsim } = await import('./helpers.js');
  const TINY = join(FIXTURES, 'tiny.yaml');
  const OTHER = join(FIXTURES, 'uncertain.yaml');
  const BLOCK = /[▁▂▃▄▅▆▇█]{3}/;

  it('run shows them under the table on a terminal', async () => {
    const r = await icbsim(['run', TINY], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  ICB surplus (£m)  ▁▄█  10.0 → 27.9\n');
  });

  it.each([
    ['not a terminal', ['run', TINY], {}],
    ['NO_COLOR', ['run', TINY], { tty: true, env: { NO_COLOR: '1' } }],
    ['--no-color', ['run', TINY, '--no-color'], { tty: true }],
    ['--out', ['run', TINY, '--out', '/dev/null'], { tty: true }],
    ['another format', ['run', TINY, '--format', 'md'], { tty: true }],
    ['compare, not a terminal', ['compare', TINY, OTHER], {}],
    ['compare --no-color', ['compare', TINY, OTHER, '--no-color'], { tty: true }],
    ['compare with NO_COLOR', ['compare', TINY, OTHER], { tty: true, env: { NO_COLOR: '1' } }],
  ] as const)('are left out with %s', async (_why, args, opts) => {
    const r = await icbsim([...args], opts);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(BLOCK);
  });

  it('compare shows one pair per scenario on a terminal', async () => {
    const r = await icbsim(['compare', TINY, OTHER], { tty: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Tiny ICB, 2025/26 to 2027/28:\n');
    expect(r.stdout).toContain('Tiny ICB - uncertain demand, 2025/26 to 2028/29:\n');
    expect(r.stdout.match(/Care-shift share  /g)).toHaveLength(2);
  });
});
