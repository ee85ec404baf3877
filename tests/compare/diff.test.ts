/** `icbsim diff`: input changes after extends, the effect on each headline metric, git:REV:path. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffInputs } from '../../src/model/input-diff.js';
import { icbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { PLAN } from '../check/fixture.js';

describe('diffInputs', () => {
  it('walks maps and lists, and compares numbers and rates by value', () => {
    const a = { x: '1.50', r: '2.5%', m: { k: 'a', gone: '1' }, l: ['1', { t: 'a' }], same: ['1'] };
    const b = { x: '1.5', r: '2.50 %', m: { k: 'b', added: 'y' }, l: ['2'], same: ['1.0'] };
    expect(diffInputs(a, b)).toEqual([
      { path: 'm.k', old: 'a', new: 'b' },
      { path: 'm.gone', old: '1', new: undefined },
      { path: 'm.added', old: undefined, new: 'y' },
      { path: 'l[0]', old: '1', new: '2' },
      { path: 'l[1]', old: { t: 'a' }, new: undefined },
    ]);
  });
  it('a year key keeps its slash; a map replaced by a scalar is one change', () => {
    expect(diffInputs({ nr: { '2026/27': '5' } }, { nr: { '2026/27': '6' } })).toEqual([{ path: 'nr.2026/27', old: '5', new: '6' }]);
    expect(diffInputs({ g: { '2026/27': '2%' } }, { g: '2%' })).toEqual([{ path: 'g', old: { '2026/27': '2%' }, new: '2%' }]);
  });
  it('property: nothing differs from itself, and every change is reported once in each direction', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.constantFrom('1', '2%', 'a', '0.10'), fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('node'), { maxKeys: 3 })),
    })).node;
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(diffInputs(a, a)).toEqual([]);
        const there = diffInputs(a, b);
        const back = diffInputs(b, a);
        expect(back.map((c) => c.path).sort()).toEqual(there.map((c) => c.path).sort());
      }),
    );
  });
});

describe('icbsim diff', () => {
  const dir = tempDir('icbsim-diff-');
  const repo = process.cwd();
  beforeAll(() => {
    // Figures: tests/check/fixture.ts. B differs only in allocation growth, 2% → 3%:
    // allocation 1020 → 1030 (Δ 10) in 2026/27, 1040.4 → 1060.9 (Δ 20.5) in 2027/28; spend unchanged.
    writeScenario(dir, 'a.yaml', PLAN);
    writeScenario(dir, 'b.yaml', 'extends: a.yaml\nname: Growth 3%\nallocation: {growth: 3%}\n');
    process.chdir(dir);
  });
  afterAll(() => process.chdir(repo));
  const opts = { cwd: dir };

  it('json: input changes after extends, and every headline metric by year', async () => {
    const r = await icbsim(['diff', 'a.yaml', 'b.yaml', '--format', 'json'], opts);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.inputs).toEqual([
      { path: 'name', old: 'Check ICB', new: 'Growth 3%' },
      { path: 'allocation.growth', old: '2%', new: '3%' },
    ]);
    const at = (metric: string, year: string) => json.effect.find((e: { metric: string; year: string }) => e.metric === metric && e.year === year);
    expect(at('allocation', '2026/27')).toEqual({ metric: 'allocation', year: '2026/27', old: '1020', new: '1030', delta: '10' });
    expect(at('allocation', '2027/28')).toEqual({ metric: 'allocation', year: '2027/28', old: '1040.4', new: '1060.9', delta: '20.5' });
    // Cumulative: (1 + 1.78) → (11 + 22.28): 2.78 → 33.28.
    expect(at('cumulative_surplus', '2027/28')).toMatchObject({ old: '2.78', new: '33.28', delta: '30.5' });
    expect(at('spend', '2027/28')).toMatchObject({ delta: '0' });
    expect(at('allocation_growth', '2025/26')).toBeUndefined();
  });
  it('text: the changes, then years across with old, new and Δ rows for each metric that moved', async () => {
    const r = await icbsim(['diff', 'a.yaml', 'b.yaml'], opts);
    expect(r.stdout).toContain('  allocation.growth  2% → 3%');
    expect(r.stdout).toMatch(/│ allocation +│ old │ +1,000\.0 │ +1,020\.0 │ +1,040\.4 │/);
    expect(r.stdout).toMatch(/│ +│ Δ +│ +0\.0 │ +\+10\.0 │ +\+20\.5 │/);
    expect(r.stdout).toContain('Unchanged in every year: non_recurrent, spend');
  });
  it('a change in a base file shows up in the plans that extend it', async () => {
    writeScenario(dir, 'base.yaml', PLAN);
    writeScenario(dir, 'child.yaml', 'extends: base.yaml\nname: Child\n');
    writeScenario(dir, 'base2.yaml', PLAN.replace('spend: 600, inflation: 1%', 'spend: 610, inflation: 1%'));
    writeScenario(dir, 'child2.yaml', 'extends: base2.yaml\nname: Child\n');
    const r = await icbsim(['diff', 'child.yaml', 'child2.yaml', '--format', 'json'], opts);
    expect(JSON.parse(r.stdout).inputs).toEqual([{ path: 'lines.acute.spend', old: '600', new: '610' }]);
  });
  it('a bad file is exit 2 with its location', async () => {
    writeScenario(dir, 'bad.yaml', `${PLAN}\n  oops: 1\n`);
    const r = await icbsim(['diff', 'a.yaml', 'bad.yaml'], opts);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.yaml:\d+:1: error: unknown key `oops`/m);
  });
});

describe('git:REV:path', () => {
  const dir = tempDir('icbsim-diff-git-');
  const repo = process.cwd();
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe' });
  beforeAll(() => {
    git('init', '-q');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    writeScenario(dir, 'plans/base.yaml', PLAN);
    writeScenario(dir, 'plans/plan.yaml', 'extends: base.yaml\nname: Plan\n');
    git('add', '.');
    git('commit', '-qm', 'first');
    // Working tree: the base's growth goes to 3% and the plan's name changes.
    writeScenario(dir, 'plans/base.yaml', PLAN.replace('growth: 2%', 'growth: 3%'));
    writeScenario(dir, 'plans/plan.yaml', 'extends: base.yaml\nname: Plan v2\n');
    process.chdir(dir);
  });
  afterAll(() => process.chdir(repo));

  it('reads the committed file and the committed base it extends', async () => {
    const r = await icbsim(['diff', 'git:HEAD:plans/plan.yaml', 'plans/plan.yaml', '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.old.file).toBe('git:HEAD:plans/plan.yaml');
    expect(json.inputs).toEqual([
      { path: 'name', old: 'Plan', new: 'Plan v2' },
      { path: 'allocation.growth', old: '2%', new: '3%' },
    ]);
  });
  it('paths are relative to the working directory, as git\'s ./ paths are', async () => {
    const r = await icbsim(['diff', 'git:HEAD:plan.yaml', 'plan.yaml', '--format', 'json'], { cwd: join(dir, 'plans') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs).toHaveLength(2);
  });
  it('a missing revision or path is a clear error, exit 2', async () => {
    const rev = await icbsim(['diff', 'git:nosuchrev:plans/plan.yaml', 'plans/plan.yaml'], { cwd: dir });
    expect(rev.code).toBe(2);
    expect(rev.stderr).toMatch(/cannot read git:nosuchrev:plans\/plan\.yaml: .*nosuchrev/);
    const path = await icbsim(['diff', 'git:HEAD:plans/nope.yaml', 'plans/plan.yaml'], { cwd: dir });
    expect(path.code).toBe(2);
    expect(path.stderr).toMatch(/cannot read git:HEAD:plans\/nope\.yaml: .*nope\.yaml/);
    // A revision without a path is not looked for as a file called `git:HEAD`.
    const noPath = await icbsim(['diff', 'git:HEAD', 'plans/plan.yaml'], { cwd: dir });
    expect(noPath.code).toBe(2);
    expect(noPath.stderr).toBe('icbsim: error: `git:HEAD` is not a committed file: write git:REV:path, e.g. git:HEAD:scenarios/default.yaml\n');
  });
  it('an error inside the committed version is named git:REV:path', async () => {
    writeFileSync(join(dir, 'plans/broken.yaml'), 'extends: base.yaml\nyears: many\n');
    git('add', '.');
    git('commit', '-qm', 'broken');
    const r = await icbsim(['diff', 'git:HEAD:plans/broken.yaml', 'plans/plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^git:HEAD:plans\/broken\.yaml:2:8: error: years is a whole number/m);
  });
  it('without git on the PATH, says so', async () => {
    const path = process.env.PATH;
    process.env.PATH = join(dir, 'no-such-bin');
    try {
      const r = await icbsim(['diff', 'git:HEAD:plans/plan.yaml', 'plans/plan.yaml'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('git is not installed or not on the PATH');
    } finally {
      process.env.PATH = path;
    }
  });
});
