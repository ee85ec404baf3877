/** In-process CLI runs for the report, xlsx and schema tests (own copy: no dependency on other suites' helpers). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runScenario, type RunResult } from '../../src/model/run.js';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURES = join(REPO, 'tests', 'report', 'fixtures');

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export async function icbsim(args: string[], opts: { tty?: boolean; env?: Record<string, string>; cwd?: string } = {}): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const cli = {
    stdout: { write: (s: string) => (stdout += s), isTTY: opts.tty ?? false, columns: 120 },
    stderr: { write: (s: string) => (stderr += s), isTTY: opts.tty ?? false },
    env: opts.env ?? {},
    cwd: opts.cwd ?? REPO,
  };
  const code = await main(['node', 'icbsim', ...args], cli);
  return { code, stdout, stderr };
}

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'icbsim-report-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A scenario file run through the real loader, under its own name. */
export function runFile(file: string): RunResult {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return runScenario(loaded.scenario.spec, loaded.scenario.name);
}
