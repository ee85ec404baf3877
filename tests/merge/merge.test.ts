/** `icbsim merge`: several ICBs (or shares of them) as one scenario, money summed, the target recomputed. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadScenario } from '../../src/io/load-scenario.js';
import { Dec } from '../../src/model/decimal.js';
import { mergeScenarios } from '../../src/model/merge.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { icbsim, REPO, STACK_FRAME, strayTempFiles, tempDir, writeScenario } from '../cli/helpers.js';

const A = `
name: Alpha ICB
units: £m
base_year: 2025/26
years: 2
allocation:
  recurrent: 100
  growth: 3%
  fair_share: {distance_from_target: 10%, pace: 20%, cap: 0.5%}
  non_recurrent:
    deficit_support: {2025/26: 4, 2026/27: 2}
lines:
  acute: {category: acute, spend: 60}
  mental_health: {category: mental_health, spend: 40, inflation: 4%}
checks:
  - {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}
`;
const B = `
name: Beta ICB
units: £m
base_year: 2025/26
years: 2
allocation:
  recurrent: 50
  growth: 9%
  fair_share: {distance_from_target: -10%, pace: 50%, cap: 1%}
  non_recurrent:
    deficit_support: {2026/27: 1}
    pot: {amounts: {2026/27: 3}, ring_fenced: community}
lines:
  acute: {category: acute, spend: 30}
  community: {category: community, spend: 20}
`;
const C = `
name: Gamma ICB
units: £m
base_year: 2025/26
years: 2
allocation: {recurrent: 80, growth: 3%, fair_share: {distance_from_target: 0%, convergence: [0%, 0%]}}
lines:
  acute: {category: acute, spend: 80}
`;

function fixture() {
  const dir = tempDir();
  writeScenario(dir, 'a.yaml', A);
  writeScenario(dir, 'b.yaml', B);
  writeScenario(dir, 'c.yaml', C);
  return dir;
}

describe('icbsim merge', () => {
  it('sums the money and the fair-share targets, takes the rest from the first file, and says so at the top', async () => {
    const dir = fixture();
    const r = await icbsim(['merge', 'a.yaml', 'b.yaml', 'c.yaml@25%', '--out', 'new.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const text = readFileSync(join(dir, 'new.yaml'), 'utf8');
    expect(text).toMatch(/^# Made by `icbsim merge a\.yaml b\.yaml c\.yaml@25%`/m);
    expect(text).toMatch(/# Taken from the first file, a\.yaml: units, base year/);
    const data = parse(text);
    expect(data.name).toBe('Alpha ICB + Beta ICB + Gamma ICB (merged)');
    // Allocation: 100 + 50 + 25% × 80 = 170.
    expect(data.allocation.recurrent).toBe(170);
    // Targets, to the £m penny: 100 / 1.1 = 90.90909091; 50 / 0.9 = 55.55555556; 25% × 80 / 1 = 20;
    // sum 166.46464647, so the distance is 170 / 166.46464647 − 1 = 2.123786404483% (to 12 places).
    expect(data.allocation.fair_share).toEqual({ distance_from_target: '2.123786404483%', pace: '20%', cap: '0.5%' });
    // Growth is the first file's, not a blend.
    expect(data.allocation.growth).toBe('3%');
    // Streams by name and year: deficit support 4 in 2025/26 and 2 + 1 = 3 in 2026/27; B's pot kept ring-fenced.
    expect(data.allocation.non_recurrent).toEqual({
      deficit_support: { '2025/26': 4, '2026/27': 3 },
      pot: { amounts: { '2026/27': 3 }, ring_fenced: 'community' },
    });
    // Lines by name: acute 60 + 30 + 25% × 80 = 110; A's mental health keeps its own inflation.
    expect(data.lines).toEqual({
      acute: { category: 'acute', spend: 110 },
      mental_health: { category: 'mental_health', spend: 40, inflation: '4%' },
      community: { category: 'community', spend: 20 },
    });
    expect(data.checks).toEqual([{ name: 'Breakeven', metric: 'icb_surplus', min: 0, each_year: true }]);
    // And it runs: the base year spends 170 of income 170 + 4.
    const loaded = loadScenario(join(dir, 'new.yaml'));
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    expect(runScenario(loaded.scenario.spec).years[0]!.metrics.income!.toFixed()).toBe('174');
  });

  it('refuses lines whose names agree but whose categories differ, naming both files, and writes nothing', async () => {
    const dir = fixture();
    writeScenario(dir, 'd.yaml', C.replace('acute: {category: acute', 'acute: {category: community'));
    const r = await icbsim(['merge', 'a.yaml', 'd.yaml', '--out', 'new.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line `acute` is acute in a.yaml but community in d.yaml');
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(existsSync(join(dir, 'new.yaml'))).toBe(false);
    expect(strayTempFiles(dir)).toEqual([]);
  });

  it.each([
    ['c.yaml@40', /the share after @ must be a rate above 0% and at most 100%, like `c\.yaml@40%`: write it with a per cent sign, `c\.yaml@40%`/],
    ['c.yaml@0%', /the share after @ must be a rate above 0%/],
    ['c.yaml@150%', /at most 100%/],
  ])('refuses the share in %s, exit 2', async (arg, message) => {
    const r = await icbsim(['merge', 'a.yaml', arg, '--out', 'new.yaml'], { cwd: fixture() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('refuses a fair-share distance in some files but not others, and a file named twice', async () => {
    const dir = fixture();
    writeScenario(dir, 'plain.yaml', C.replace(', fair_share: {distance_from_target: 0%, convergence: [0%, 0%]}', ''));
    const some = await icbsim(['merge', 'a.yaml', 'plain.yaml', '--out', 'new.yaml'], { cwd: dir });
    expect(some.code).toBe(2);
    expect(some.stderr).toMatch(/plain\.yaml has no allocation\.fair_share, so the merged fair-share target cannot be summed/);
    const twice = await icbsim(['merge', 'a.yaml', './a.yaml', '--out', 'new.yaml'], { cwd: dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/`\.\/a\.yaml` is named twice/);
  });

  it('reports a bad input file at its line, and never overwrites --out without --force', async () => {
    const dir = fixture();
    writeScenario(dir, 'bad.yaml', B.replace('growth: 9%', 'growth: 9'));
    const bad = await icbsim(['merge', 'a.yaml', 'bad.yaml', '--out', 'new.yaml'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    writeScenario(dir, 'new.yaml', 'mine\n');
    const kept = await icbsim(['merge', 'a.yaml', 'b.yaml', '--out', 'new.yaml'], { cwd: dir });
    expect(kept.code).toBe(2);
    expect(readFileSync(join(dir, 'new.yaml'), 'utf8')).toBe('mine\n');
    const input = await icbsim(['merge', 'a.yaml', 'b.yaml', '--out', 'a.yaml', '--force'], { cwd: dir });
    expect(input.code).toBe(2);
    expect(input.stderr).toMatch(/one of the scenario files/);
  });

  it('ships an example that merges two whole ICBs, exactly as the command writes it', async () => {
    const dir = tempDir();
    const r = await icbsim(
      ['merge', 'scenarios/presets/surrey-heartlands.yaml', 'scenarios/presets/sussex.yaml', '--out', join(dir, 'ss.yaml')],
      { cwd: REPO },
    );
    expect(r.code, r.stderr).toBe(0);
    // The same file but for the editor's schema path, which is relative to where each is written.
    const body = (f: string) => readFileSync(f, 'utf8').replace(/^# yaml-language-server: \S+\n/, '');
    expect(body(join(REPO, 'scenarios', 'merged', 'surrey-and-sussex.yaml'))).toBe(body(join(dir, 'ss.yaml')));
    const loaded = loadScenario(join(REPO, 'scenarios', 'merged', 'surrey-and-sussex.yaml'));
    if (!loaded.ok) throw new Error('the shipped merge does not load');
    // 2030.219 + 3589.588 = 5619.807.
    expect(loaded.scenario.spec.allocation.recurrent.toFixed()).toBe('5619.807');
  });
});

describe('merging, as a property', () => {
  const scenario = (recurrent: number, spends: number[], distance: number) =>
    ({
      units: '£m', base_year: '2025/26', years: '1',
      allocation: { recurrent: String(recurrent), growth: '3%', fair_share: { distance_from_target: `${distance}%`, pace: '20%', cap: '0.5%' } },
      lines: Object.fromEntries(spends.map((s, i) => [`line_${i}`, { category: 'other', spend: String(s) }])),
    });
  const spec = (data: unknown) => {
    const p = parseScenario(data);
    if (!p.ok) throw new Error(p.problems.map((x) => x.message).join('; '));
    return p.spec;
  };

  it('neither creates nor loses money: the merged allocation and each line are the sums of the parts', () => {
    const thousandths = (min: number) => fc.integer({ min, max: min + 10_000_000 }).map((n) => n / 1000);
    const money = thousandths(0);
    // At least 1, added before the division: 511.763 + 1 is 512.7629999999999 in floating point,
    // a figure finer than a penny that the merge rightly rounds.
    const icb = fc.record({ recurrent: thousandths(1000), spends: fc.array(money, { minLength: 1, maxLength: 4 }), distance: fc.integer({ min: -50, max: 50 }) });
    fc.assert(
      fc.property(fc.array(icb, { minLength: 2, maxLength: 4 }), (icbs) => {
        const inputs = icbs.map((x, i) => {
          const data = scenario(x.recurrent, x.spends, x.distance);
          return { file: `${i}.yaml`, share: new Dec(1), spec: spec(data), data };
        });
        const merged = mergeScenarios(inputs);
        if (!merged.ok) throw new Error(merged.problems.join('; '));
        const out = spec(merged.data);
        const sum = (f: (s: (typeof inputs)[number]['spec']) => Dec) => inputs.reduce((a, x) => a.plus(f(x.spec)), new Dec(0));
        expect(out.allocation.recurrent.eq(sum((s) => s.allocation.recurrent))).toBe(true);
        for (const name of Object.keys(out.lines)) {
          expect(out.lines[name]!.spend.eq(sum((s) => s.lines[name]?.spend ?? new Dec(0)))).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});
