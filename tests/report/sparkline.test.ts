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
