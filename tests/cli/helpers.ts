/**
 * Shared by the CLI tests: run commands in-process against a fake shell that captures its streams,
 * spawn the built binary for the end-to-end cases, and write scenario files into a temp folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import type { Cli, OutStream } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const BIN = join(REPO, 'bin', 'icbsim');

export interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

export interface FakeCli extends Cli {
  out(): string;
  err(): string;
}

export interface FakeOptions {
  env?: Record<string, string | undefined>;
  /** Pretend both streams are a terminal (colour then depends on NO_COLOR and --no-color). */
  tty?: boolean;
  /** The terminal's width (default 120). */
  columns?: number;
  cwd?: string;
}

export function fakeCli(opts: FakeOptions = {}): FakeCli {
  let out = '';
  let err = '';
  const stream = (append: (s: string) => void): OutStream => ({
    write(chunk: string) {
      append(chunk);
      return true;
    },
    isTTY: opts.tty ?? false,
    columns: opts.columns ?? 120,
  });
  return {
    stdout: stream((s) => (out += s)),
    stderr: stream((s) => (err += s)),
    env: opts.env ?? {},
    cwd: opts.cwd ?? process.cwd(),
    out: () => out,
    err: () => err,
  };
}

/** `icbsim ...args` in-process, as `main` would run it from the shell. */
export async function icbsim(args: string[], opts: FakeOptions = {}): Promise<Captured> {
  const cli = fakeCli(opts);
  const code = await main(['node', 'icbsim', ...args], cli);
  return { code, stdout: cli.out(), stderr: cli.err() };
}

/** The built `bin/icbsim` in a child process (run `npm run build` first; `npm test` does). */
export function spawnIcbsim(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): Captured {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v !== undefined && k !== 'FORCE_COLOR' && k !== 'NO_COLOR') env[k] = v;
  }
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...env, ...opts.env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh temp folder, removed when the test file finishes. */
export function tempDir(prefix = 'icbsim-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `text` (leading indentation common to all lines removed) to dir/name; returns its path. */
export function writeScenario(dir: string, name: string, text: string | Uint8Array): string {
  const file = join(dir, name);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, typeof text === 'string' ? dedent(text) : text);
  return file;
}

export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length);
  const cut = indents.length > 0 ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n');
}

/** Files in a folder whose names look like an atomic writer's leftovers. */
export function strayTempFiles(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('.icbsim-tmp-') || n.includes('.tmp'));
}

// ANSI CSI sequences (colours, bold, cursor movement).
export const ANSI = /\x1b\[[0-9;]*[A-Za-z]/;

/** A stack frame as Node prints it: four spaces, `at `. */
export const STACK_FRAME = /^\s{4}at /m;

/**
 * The tiny scenario the CLI tests compute by hand. Income grows 10% a year; both lines' need grows
 * 5% (inflation); acute is held at flat cash, so its provider carries a growing gap.
 */
export const TINY = `
  name: Tiny ICB
  units: £m
  base_year: 2025/26
  years: 2
  allocation:
    recurrent: 100
    growth: 10%
  assumptions:
    inflation: 5%
  lines:
    acute: {category: acute, spend: 60}
    community: {category: community, spend: 30}
  policies:
    - {type: flat_cash, line: acute, uplift: 0%}
`;
