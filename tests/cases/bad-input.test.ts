/**
 * Bad-input cases as folders: each `tests/cases/bad-input/<name>/` holds the files a user gave
 * (usually `scenario.yaml`), `args` (one icbsim command line per line, run in the folder),
 * `stderr` (what those runs print to stderr, one after the other, exactly), `exit` (the exit code
 * every run must give) and optionally `stdout` (default: nothing) and `env` (`NAME=value` lines).
 * They run against the built binary, as a user would meet them. The format is in
 * tests/cases/README.md.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, REPO } from '../cli/helpers.js';
import { words } from './command-line.js';

const DIR = join(REPO, 'tests', 'cases', 'bad-input');
const folders = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The environment a case runs in: the machine's, less anything that changes colour or width. */
function caseEnv(folder: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && !['NO_COLOR', 'FORCE_COLOR', 'COLUMNS'].includes(k)) env[k] = v;
  }
  const file = join(folder, 'env');
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const eq = line.indexOf('=');
      if (line.trim() !== '' && eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return env;
}

/** The built binary, asynchronously, so the cases run side by side (each is mostly Node starting up). */
function icbsim(args: string[], cwd: string, env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('bad-input cases (tests/cases/bad-input/*/)', () => {
  test('there are cases to run', () => {
    expect(folders.length).toBeGreaterThan(10);
  });

  for (const name of folders) {
    test.concurrent(name, async () => {
      const folder = join(DIR, name);
      const read = (f: string) => readFileSync(join(folder, f), 'utf8');
      const commands = read('args')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const exit = Number(read('exit').trim());
      const env = caseEnv(folder);
      let stdout = '';
      let stderr = '';
      for (const command of commands) {
        const r = await icbsim(words(command), folder, env);
        expect(r.status, `exit code of \`icbsim ${command}\`\n${r.stderr}`).toBe(exit);
        stdout += r.stdout;
        stderr += r.stderr;
      }
      expect(stderr).toBe(read('stderr'));
      expect(stdout).toBe(existsSync(join(folder, 'stdout')) ? read('stdout') : '');
    });
  }
});
