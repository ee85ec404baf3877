import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { STACK_FRAME, TINY, icbsim, spawnIcbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
const good = writeScenario(dir, 'good.yaml', TINY);
const good2 = writeScenario(dir, 'good2.yaml', TINY.replace('Tiny ICB', 'Tiny ICB 2'));
// Three mistakes in one file: a bare rate (line 5), a typo'd key (line 6), a rate for money (line 8).
const bad1 = writeScenario(
  dir,
  'bad1.yaml',
  `
  base_year: 2025/26
  years: 2
  allocation:
    recurrent: 100
    growth: 2.5
    non_recurent: {2026/27: 5}
  lines:
    acute: {category: acute, spend: 2%}
  `,
);
// A policy naming a line the scenario does not have (line 6).
const bad2 = writeScenario(
  dir,
  'bad2.yaml',
  `
  base_year: 2025/26
  years: 2
  allocation: {recurrent: 100, growth: 2%}
  lines: {acute: {category: acute, spend: 60}}
  policies:
    - {type: flat_cash, line: acue, uplift: 0%}
  `,
);

interface Report {
  files: { file: string; ok: boolean; problems: { file: string; line: number | null; col: number | null; message: string }[] }[];
}

describe('icbsim validate', () => {
  it('says ok for each good file and exits 0', async () => {
    const r = await icbsim(['validate', good, good2]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`ok: ${good}\nok: ${good2}\n`);
    expect(r.stderr).toBe('');
  });

  it('reports every problem in every file, not just the first, and exits 2', async () => {
    const r = await icbsim(['validate', bad1, good, bad2]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`ok: ${good}\n`);
    expect(r.stderr).toContain('bad1.yaml:5:11: error: rates are written with a per cent sign: write `2.5%`');
    expect(r.stderr).toContain('bad1.yaml:6:3: error: unknown key `non_recurent`: did you mean `non_recurrent`?');
    expect(r.stderr).toMatch(/bad1\.yaml:8:35: error: .*money/);
    expect(r.stderr).toMatch(/bad2\.yaml:6:29: error: no line named `acue`: did you mean `acute`\?/);
    expect(r.stderr).toContain('2 of 3 files have problems (4 problems)');
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('keeps going past a file that cannot be read', async () => {
    const r = await icbsim(['validate', join(dir, 'missing.yaml'), good]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.yaml: error: file not found/);
    expect(r.stdout).toBe(`ok: ${good}\n`);
  });

  it('--format json gives each file, ok or not, with its located problems', async () => {
    const r = await icbsim(['validate', '--format', 'json', good, bad1, bad2]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as Report;
    expect(report.files.map((f) => [f.file, f.ok])).toEqual([
      [good, true],
      [bad1, false],
      [bad2, false],
    ]);
    expect(report.files[0]!.problems).toEqual([]);
    expect(report.files[1]!.problems.map((p) => [p.line, p.col])).toEqual([
      [5, 11],
      [6, 3],
      [8, 35],
    ]);
    expect(report.files[2]!.problems).toHaveLength(1);
    expect(report.files[2]!.problems[0]!.message).toContain('acue');
  });

  it('--format json exits 0 when every file is good', async () => {
    const r = await icbsim(['validate', '-f', 'json', good]);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).files).toEqual([{ file: good, ok: true, problems: [], warnings: [] }]);
  });

  it('points at the base file when the problem is inherited through extends', async () => {
    writeScenario(dir, 'inherit/base.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, growth: 2}\n');
    const child = writeScenario(dir, 'inherit/child.yaml', 'extends: base.yaml\nlines: {acute: {category: acute, spend: 60}}\n');
    const r = await icbsim(['validate', '-f', 'json', child]);
    expect(r.code).toBe(2);
    const [p] = (JSON.parse(r.stdout) as Report).files[0]!.problems;
    expect(p?.file.endsWith(join('inherit', 'base.yaml'))).toBe(true);
    expect([p?.line, p?.col]).toEqual([3, 38]);
  });

  it("lists a file's problems top to bottom, the file given before the bases it extends", async () => {
    // zod reports `growth` (line 4) before the unknown key `recurent` (line 3), and the unknown
    // line (line 3 of the child) only after the base's problems: the reader gets them in order.
    writeScenario(dir, 'order/base.yaml', 'base_year: 2025/26\nyears: 2\nallocation:\n  recurent: 100\n  growth: 0.025\n');
    const child = writeScenario(dir, 'order/child.yaml', 'extends: base.yaml\nlines: {acute: {category: acute, spend: 60}}\nallocaton: {}\n');
    const r = await icbsim(['validate', '-f', 'json', child]);
    const problems = (JSON.parse(r.stdout) as Report).files[0]!.problems;
    expect(problems.map((p) => [p.file.split(/[\\/]/).at(-1), p.line, p.col])).toEqual([
      ['child.yaml', 3, 1],
      ['base.yaml', 4, 3],
      ['base.yaml', 5, 11],
    ]);
  });

  it('needs at least one file', async () => {
    const r = await icbsim(['validate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing required argument/);
  });

  it('validates the shipped scenarios from the built binary', () => {
    const r = spawnIcbsim(['validate', 'scenarios/default.yaml', 'scenarios/base.yaml']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('ok: scenarios/default.yaml\nok: scenarios/base.yaml\n');
  });
});
