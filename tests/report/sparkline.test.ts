/** Terminal sparklines: the block arithmetic, and what run/compare print with and without a terminal. */
import fc from 'fast-check';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/cli/load-scenario.js';
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
