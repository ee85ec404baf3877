/**
 * Every command that prints a cli-table3 table prints, from the bundle (dist/bundle, where
 * scripts/build-cli.mjs patches cli-table3's slow spots and routes string-width through a short
 * cut), exactly the bytes the sources print with cli-table3 as published: the patches change how
 * fast a table is drawn, never what is drawn. Colour (FORCE_COLOR), split blocks (COLUMNS), column
 * spans (sub-headers) and --lines are all covered.
 */
import { describe, expect, it } from 'vitest';
import { icbsim, spawnIcbsim } from './helpers.js';

const CASES: { args: string[]; env?: Record<string, string> }[] = [
  { args: ['run'] },
  { args: ['run', '--lines'] },
  { args: ['run', '--lines'], env: { FORCE_COLOR: '1' } },
  { args: ['run', '--lines'], env: { COLUMNS: '70' } },
  { args: ['run', 'scenarios/flat-cash-acute.yaml', '--lines'], env: { FORCE_COLOR: '1', COLUMNS: '50' } },
  { args: ['run', 'scenarios/uncertain.yaml', '--draws', '200', '--seed', '7'], env: { FORCE_COLOR: '1' } },
  { args: ['run', 'scenarios/uncertain.yaml', '--draws', '200', '--seed', '7'], env: { COLUMNS: '60' } },
  { args: ['compare', 'scenarios/default.yaml', 'scenarios/do-nothing.yaml', 'scenarios/left-shift.yaml'] },
  { args: ['compare', 'scenarios/default.yaml', 'scenarios/do-nothing.yaml', 'scenarios/left-shift.yaml'], env: { COLUMNS: '60' } },
  { args: ['diff', 'scenarios/do-nothing.yaml', 'scenarios/default.yaml'] },
  { args: ['bridge', 'scenarios/default.yaml', '--each-year'], env: { FORCE_COLOR: '1' } },
  { args: ['bridge', 'scenarios/do-nothing.yaml', '--vs', 'scenarios/default.yaml'] },
  { args: ['tornado', 'scenarios/uncertain.yaml'] },
  { args: ['sweep', 'scenarios/default.yaml', '--set', 'allocation.growth=2%..4%:1%'] },
];

describe('tables from the bundle', () => {
  for (const { args, env = {} } of CASES) {
    it(`${Object.entries(env).map(([k, v]) => `${k}=${v} `).join('')}icbsim ${args.join(' ')}: the bytes the sources print`, async () => {
      const bundled = spawnIcbsim(args, { env });
      const sources = await icbsim(args, { env });
      expect(bundled.stderr).toBe(sources.stderr);
      expect(bundled.code).toBe(sources.code);
      expect(bundled.stdout).toBe(sources.stdout);
      // A table was drawn (not, say, an error on both sides).
      expect(bundled.stdout).toContain('┌');
    });
  }
});
