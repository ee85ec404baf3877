/**
 * Tables fit the width they are given: COLUMNS where set (a CI log can ask for one, into a pipe
 * too), else the terminal's; a pipe or a file without COLUMNS gets the table whole, unsplit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evenParts, inBlocks, widthOf } from '../../src/render/blocks.js';
import { icbsim, spawnIcbsim } from './helpers.js';

/** The table lines of an output (box-drawn), their widest, and how many blocks it is in. */
function tables(stdout: string) {
  const lines = stdout.split('\n').filter((l) => /^[┌│├└]/.test(l));
  return { width: widthOf(lines.join('\n')), blocks: lines.filter((l) => l.startsWith('┌')).length, lines };
}

/** The years heading each block of a run table. */
const blockYears = (stdout: string) =>
  tables(stdout)
    .lines.filter((l) => /^│ +│ \d{4}\/\d\d/.test(l))
    .map((l) => l.match(/\d{4}\/\d\d/g)!);

describe('terminal width', () => {
  it('run: six years at 80 columns are two blocks of three, never five and one alone', () => {
    const r = spawnIcbsim(['run', 'scenarios/default.yaml'], { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout).width).toBeLessThanOrEqual(80);
    expect(blockYears(r.stdout).map((ys) => ys.length)).toEqual([3, 3]);
  });

  it('run into a pipe without COLUMNS is one block, however wide', () => {
    const r = spawnIcbsim(['run', 'scenarios/default.yaml', '--lines']);
    expect(blockYears(r.stdout)).toHaveLength(1);
    expect(tables(r.stdout).width).toBeGreaterThan(80);
  });

  it('run on a terminal (no COLUMNS) fits the terminal', async () => {
    const r = await icbsim(['run', 'scenarios/default.yaml'], { tty: true, columns: 80, env: { NO_COLOR: '1' } });
    expect(tables(r.stdout).width).toBeLessThanOrEqual(80);
    expect(blockYears(r.stdout)).toHaveLength(2);
  });

  it('run --draws of a six-year plan fits 80 columns in one block, even unasked', () => {
    const r = spawnIcbsim(['run', 'scenarios/uncertain.yaml', '--draws', '50']);
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout)).toMatchObject({ blocks: 1 });
    expect(tables(r.stdout).width).toBeLessThanOrEqual(80);
  });

  it('run --draws splits too when COLUMNS is narrower', () => {
    const r = spawnIcbsim(['run', 'scenarios/uncertain.yaml', '--draws', '50'], { env: { COLUMNS: '60' } });
    expect(tables(r.stdout).width).toBeLessThanOrEqual(60);
    expect(tables(r.stdout).blocks).toBe(2);
  });

  it('compare of every shipped scenario fits COLUMNS=120, in blocks that each keep the metric names', () => {
    const whole = spawnIcbsim(['compare', 'scenarios/default.yaml', 'scenarios/do-nothing.yaml', 'scenarios/left-shift.yaml', 'scenarios/base.yaml']);
    expect(tables(whole.stdout)).toMatchObject({ blocks: 1 });
    expect(tables(whole.stdout).width).toBeGreaterThan(120);
    const r = spawnIcbsim(['compare', 'scenarios/default.yaml', 'scenarios/do-nothing.yaml', 'scenarios/left-shift.yaml', 'scenarios/base.yaml'], { env: { COLUMNS: '120' } });
    expect(r.code, r.stderr).toBe(0);
    const t = tables(r.stdout);
    expect(t.width).toBeLessThanOrEqual(120);
    expect(t.blocks).toBe(2);
    expect(t.lines.filter((l) => l.includes('ICB surplus/(deficit)'))).toHaveLength(2);
  });

  it('compare keeps a scenario beside its Δ column', () => {
    const r = spawnIcbsim(['compare', 'scenarios/default.yaml', 'scenarios/left-shift.yaml', 'scenarios/flat-cash-acute.yaml', '--baseline', 'scenarios/do-nothing.yaml'], { env: { COLUMNS: '100' } });
    const t = tables(r.stdout);
    expect(t.width).toBeLessThanOrEqual(100);
    expect(t.blocks).toBeGreaterThan(1);
    // Each block's heading row ends with a Δ column: no scenario is split from its delta.
    const heads = r.stdout.split('\n').filter((l, i, all) => all[i - 1]?.startsWith('┌'));
    for (const h of heads) expect(h.trim().replace(/│$/, '').trim()).toMatch(/Δ$|\(baseline\)$/);
  });

  it('tornado fits COLUMNS=100', () => {
    const whole = spawnIcbsim(['tornado', 'scenarios/uncertain.yaml']);
    expect(tables(whole.stdout).width).toBeGreaterThan(100);
    const r = spawnIcbsim(['tornado', 'scenarios/uncertain.yaml'], { env: { COLUMNS: '100' } });
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout).width).toBeLessThanOrEqual(100);
    expect(tables(r.stdout).blocks).toBeGreaterThan(1);
  });

  // 70: the providers' rows (provider_underlying_surplus.northshire) make the metric column 40 wide.
  it('diff fits COLUMNS=70, splitting years as run does', () => {
    const args = ['diff', 'scenarios/default.yaml', 'scenarios/do-nothing.yaml'];
    expect(tables(spawnIcbsim(args).stdout).width).toBeGreaterThan(70);
    const r = spawnIcbsim(args, { env: { COLUMNS: '70' } });
    expect(r.code, r.stderr).toBe(0);
    expect(tables(r.stdout).width).toBeLessThanOrEqual(70);
    // Six years in blocks of two: none alone.
    const years = r.stdout.split('\n').filter((l) => /^│ +│ +│ +\d{4}\/\d\d/.test(l)).map((l) => l.match(/\d{4}\/\d\d/g)!.length);
    expect(years).toEqual([2, 2, 2]);
  });
});

describe('blocks', () => {
  it('even parts keep every item in order, their lengths within one of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 40 }), (items, k) => {
        const parts = evenParts(items, Math.min(k, items.length));
        expect(parts.flat()).toEqual(items);
        const sizes = parts.map((p) => p.length);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('the fewest blocks that fit: items of width 10 at 35 go three to a block', () => {
    const render = (part: number[]) => part.map(() => '|' + 'x'.repeat(9)).join('');
    // 7 items: greedy gives 3 + 3 + 1; even parts of three blocks, 3 + 2 + 2, fit too and are used.
    expect(inBlocks([1, 2, 3, 4, 5, 6, 7], 35, render).map((b) => b.length / 10)).toEqual([3, 2, 2]);
    expect(inBlocks([1, 2, 3, 4, 5, 6, 7], undefined, render)).toHaveLength(1);
  });
});
