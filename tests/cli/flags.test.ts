/** Flags every command shares, and flags that do nothing where they are given: said, not ignored. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, TINY, spawnIcbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
const plan = writeScenario(dir, 'plan.yaml', TINY);
const other = writeScenario(dir, 'other.yaml', TINY.replace('growth: 10%', 'growth: 9%'));

describe('--no-color', () => {
  // One working command line for each command; each must take --no-color too.
  const commands: string[][] = [
    ['run', plan],
    ['explain', plan, 'icb_surplus'],
    ['sweep', plan, '--set', 'allocation.growth=5%..10%:5%'],
    ['tornado', plan],
    ['solve', plan, '--vary', 'allocation.growth', '--target', 'icb_surplus=50'],
    ['validate', plan],
    ['check', plan],
    ['batch', plan, '--workers', '1'],
    ['compare', plan, other],
    ['diff', plan, other],
    ['bridge', plan],
    ['schema'],
    ['report', plan],
    ['init'],
    ['merge', plan, other, '--out', join(dir, 'merged.yaml'), '--force'],
  ];

  it('lists every command', () => {
    const help = spawnIcbsim(['--help']).stdout;
    const listed = [...help.matchAll(/^ {2}([a-z]+) (?:\[options\]|<|\[)/gm)].map((m) => m[1]).filter((c) => c !== 'help');
    expect(listed.sort()).toEqual(commands.map((c) => c[0]).sort());
  });

  for (const args of commands) {
    it(`${args[0]} accepts it and prints no colour, even with FORCE_COLOR`, () => {
      const r = spawnIcbsim([...args, '--no-color'], { env: { FORCE_COLOR: '1' } });
      expect(r.stderr).not.toMatch(/unknown option/);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout + r.stderr).not.toMatch(ANSI);
    });
  }

  it('makes a bad file\'s diagnostics plain too', () => {
    const bad = writeScenario(dir, 'bad.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, grwoth: 2%}\nlines: {a: {category: acute, spend: 1}}\n');
    expect(spawnIcbsim(['tornado', bad], { env: { FORCE_COLOR: '1' } }).stderr).toMatch(ANSI);
    const r = spawnIcbsim(['tornado', bad, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/grwoth/);
    expect(r.stderr).not.toMatch(ANSI);
  });
});

describe('flags that do nothing are said to do nothing', () => {
  it('--seed and --workers without --draws warn, and the run goes on', () => {
    const r = spawnIcbsim(['run', plan, '--seed', '7', '--workers', '2', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('icbsim: warning: --seed has no effect without --draws\nicbsim: warning: --workers has no effect without --draws\n');
    expect(JSON.parse(r.stdout)).toHaveProperty('years');
  });

  it('--format json --out x.csv warns that the name says CSV, and writes the JSON asked for', () => {
    const out = join(dir, 'x.csv');
    const r = spawnIcbsim(['run', plan, '--format', 'json', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^icbsim: warning: `.*x\.csv` is named as CSV but will hold JSON \(--format json\)$/m);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toHaveProperty('years');
    // A name that matches, or says nothing, gets no warning.
    expect(spawnIcbsim(['run', plan, '--format', 'json', '--out', join(dir, 'y.json')]).stderr).not.toMatch(/warning/);
    expect(spawnIcbsim(['run', plan, '--out', join(dir, 'z.csv')]).stderr).not.toMatch(/warning/);
  });

  it('compare and batch warn about a mismatched --out name too', () => {
    expect(spawnIcbsim(['compare', plan, other, '--format', 'md', '--out', join(dir, 'c.csv')]).stderr).toMatch(/is named as CSV but will hold MD/);
    expect(spawnIcbsim(['batch', plan, '--workers', '1', '--out', join(dir, 'b.json')]).stderr).toMatch(/is named as JSON but will hold CSV/);
  });
});

describe('batch --out when nothing ran', () => {
  it('every input bad: an existing --out keeps what it held', () => {
    const out = join(dir, 'out.csv');
    writeFileSync(out, 'last good results\n');
    const bad = writeScenario(dir, 'all-bad.yaml', 'base_year: 2025/26\n');
    const r = spawnIcbsim(['batch', bad, '--workers', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no scenario ran, so .*out\.csv was not written/);
    expect(readFileSync(out, 'utf8')).toBe('last good results\n');
  });

  it('every input bad and no file yet: none is made', () => {
    const out = join(dir, 'never.csv');
    spawnIcbsim(['batch', writeScenario(dir, 'all-bad-2.yaml', 'years: 2\n'), '--workers', '1', '--out', out]);
    expect(existsSync(out)).toBe(false);
  });

  it('one good input among bad ones is still written', () => {
    const out = join(dir, 'some.csv');
    const r = spawnIcbsim(['batch', plan, join(dir, 'all-bad.yaml'), '--workers', '1', '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toMatch(/^scenario,file,year,metric,value\n/);
    expect(readFileSync(out, 'utf8')).toMatch(/Tiny ICB/);
  });
});

describe('report --draws of a scenario with nothing to draw', () => {
  it('warns, as run --draws does, and still writes the report', () => {
    const r = spawnIcbsim(['report', 'scenarios/default.yaml', '--draws', '20']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe(
      'icbsim: warning: scenarios/default.yaml: the scenario has no distributions ({normal: ...}, {triangular: ...}, {uniform: ...}): every draw gives the same figures\n',
    );
    expect(r.stdout).toMatch(/^<!doctype html>/i);
    expect(spawnIcbsim(['report', 'scenarios/uncertain.yaml', '--draws', '20']).stderr).toBe('');
  });
});
