/** `icbsim init [--icb NAME] [FILE]`: starter scenarios that validate and run, written safely. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runScenario } from '../../src/model/run.js';
import { icbsim, REPO, spawnIcbsim, STACK_FRAME, strayTempFiles, tempDir, writeScenario } from '../cli/helpers.js';

function runFile(file: string) {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`).join('\n'));
  return { loaded: loaded.scenario, result: runScenario(loaded.scenario.spec, loaded.scenario.name) };
}

describe('icbsim init (no ICB)', () => {
  it('prints a commented starter to stdout that validates, runs and passes its own checks', async () => {
    const r = await icbsim(['init']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^# /); // commented for a new user
    expect(r.stdout.split('\n').filter((l) => /#/.test(l)).length).toBeGreaterThan(15);
    const dir = tempDir();
    const file = writeScenario(dir, 'starter.yaml', r.stdout);
    const { result } = runFile(file);
    expect(result.years).toHaveLength(6);
    const check = await icbsim(['check', file]);
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });

  it('writes FILE, and refuses to overwrite it without --force', async () => {
    const dir = tempDir();
    const first = await icbsim(['init', 'plan.yaml'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe('');
    expect(first.stderr).toMatch(/wrote plan\.yaml/);
    const file = join(dir, 'plan.yaml');
    writeFileSync(file, 'my edits\n');
    const again = await icbsim(['init', 'plan.yaml'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/`plan\.yaml` already exists; use --force/);
    expect(readFileSync(file, 'utf8')).toBe('my edits\n');
    const forced = await icbsim(['init', 'plan.yaml', '--force'], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^# /);
    expect(strayTempFiles(dir)).toEqual([]);
  });

  it('says why it cannot write into a missing folder, with exit 2 and nothing left behind', async () => {
    const dir = tempDir();
    const r = await icbsim(['init', 'nowhere/plan.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write `nowhere\/plan\.yaml`: its folder does not exist/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
    expect(strayTempFiles(dir)).toEqual([]);
  });
});

describe('icbsim init --icb', () => {
  it('builds a Cambridgeshire and Peterborough starter that extends the national assumptions and runs', async () => {
    const dir = tempDir();
    const r = await icbsim(['init', '--icb', 'Cambridgeshire and Peterborough', 'cp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, 'cp.yaml');
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/NHS Cambridgeshire and Peterborough ICB \(QUE, East of England\)/);
    expect(text).toMatch(/NHS England's published 2025\/26 core services recurrent allocation/);
    expect(text).toMatch(/its split into spending lines is ILLUSTRATIVE/);
    const { loaded, result } = runFile(file);
    // Found through a relative `extends` from the temp folder to the shipped national file.
    expect(loaded.chain).toHaveLength(2);
    expect(loaded.chain[1]).toMatch(/scenarios[/\\]national[/\\]planning-2025-26\.yaml$/);
    // The published core services recurrent allocation, 1,718,185 £k = 1718.185 £m, all spent in the base year.
    expect(result.years[0]!.metrics.income!.toFixed()).toBe('1718.185');
    expect(result.years[0]!.metrics.spend!.toFixed()).toBe('1718.185');
    // ...and its published distance from target after the 2025/26 convergence.
    expect(result.projection.fairShare!.distance[0]!.toFixed()).toBe('0.020964444594664178');
    // Lines the national file touches (social_care's Better Care Fund rates) come first: extends
    // keeps the base file's key order.
    expect(result.lines.map((l) => l.name)).toEqual([
      'social_care', 'acute', 'community', 'mental_health', 'prescribing', 'prevention', 'other',
    ]);
    const run = await icbsim(['run', file, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).scenario).toBe('NHS Cambridgeshire and Peterborough ICB');
  });

  it('prints to stdout with no FILE, extending the national file inside the package', async () => {
    const dir = tempDir();
    const r = await icbsim(['init', '--icb', 'QUE'], { cwd: dir });
    expect(r.code).toBe(0);
    const ext = /^extends: "(.*)"$/m.exec(r.stdout)?.[1] as string;
    // A package reference, not a path from this folder into the install folder: it survives a move.
    expect(ext).toBe('icbsim:national/planning-2025-26.yaml');
    expect(existsSync(join(REPO, 'scenarios', 'national', 'planning-2025-26.yaml'))).toBe(true);
  });

  it('suggests the ICB a typo meant, exit 2', async () => {
    const r = await icbsim(['init', '--icb', 'Cambrigeshire and Peterbrough']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no ICB called `Cambrigeshire and Peterbrough`: did you mean `Cambridgeshire and Peterborough` \(QUE\)\?/);
    expect(r.stdout).toBe('');
  });

  it('lists the candidates of an ambiguous name, exit 2, and writes nothing', async () => {
    const dir = tempDir();
    const r = await icbsim(['init', '--icb', 'London', 'x.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`London` matches 5 ICBs; say which:\n {2}QMJ {2}North Central London/);
    expect(existsSync(join(dir, 'x.yaml'))).toBe(false);
  });

  it('lists every ICB with --icb list', async () => {
    const r = await icbsim(['init', '--icb', 'list']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(42);
    expect(lines).toContain('QUE  Cambridgeshire and Peterborough  (East of England; published)');
    // ...and says so in --help, where a new user looks for the names.
    const help = await icbsim(['init', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toContain('(`list`: print every ICB the table knows)');
  });

  it('reads another allocations table with --data, and reports its problems by line, exit 2', async () => {
    const dir = tempDir();
    const header = 'ods_code,name,region,core_recurrent,core_distance_from_target,source_status,source';
    writeScenario(dir, 'mine.csv', `${header}\nQAA,Alpha Valley,London,1220000,-0.01,published,"Our allocation letter, 2025"\n`);
    const ok = await icbsim(['init', '--icb', 'alpha', '--data', 'mine.csv', 'a.yaml'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const text = readFileSync(join(dir, 'a.yaml'), 'utf8');
    expect(text).toMatch(/convergence \(Our allocation letter, 2025\)\./);
    expect(text).toContain('distance_from_target: -1%');
    expect(runFile(join(dir, 'a.yaml')).result.years[0]!.metrics.income!.toFixed()).toBe('1220');
    writeScenario(dir, 'bad.csv', `${header}\nQAA,Alpha,London,-5,0,published,\n`);
    const bad = await icbsim(['init', '--icb', 'alpha', '--data', 'bad.csv'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/bad\.csv:2: source is empty/);
    expect(bad.stderr).toMatch(/bad\.csv:2: core_recurrent is `-5`; expected a positive number of £k/);
    const missing = await icbsim(['init', '--icb', 'alpha', '--data', 'none.csv'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read allocations table `none\.csv`: no such file/);
  });

  it('works from the built binary', () => {
    const r = spawnIcbsim(['init', '--icb', 'devon']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^name: "NHS Devon ICB"$/m);
  });
});
