/** The top level of the command line: help, version, unknown commands, and lazy loading. */
import { describe, expect, test } from 'vitest';
import { commandNamed } from '../../src/cli/commands.js';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icbsim, REPO, spawnIcbsim, tempDir } from './helpers.js';

const COMMANDS = ['run', 'explain', 'sweep', 'tornado', 'solve', 'validate', 'check', 'batch', 'compare', 'diff', 'schema', 'report', 'init'];

describe('icbsim --help', () => {
  test('lists every command, examples and the exit codes, on stdout with exit 0', async () => {
    const r = await icbsim(['--help']);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^  ${c} `, 'm'));
    expect(r.stdout).toContain('Exit codes: 0 success, 1 a check failed, 2 bad input or usage.');
    expect(r.stderr).toBe('');
  });

  test('`help check` and `check --help` show the one command', async () => {
    for (const args of [['help', 'check'], ['check', '--help']]) {
      const r = await icbsim(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: icbsim check \[options\] <files\.\.\.>/);
    }
  });
});

describe('icbsim --version', () => {
  // bin/icbsim answers a lone --version itself, before the program loads; commander answers the rest.
  const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

  test("prints package.json's version, from bin and from the program alike", async () => {
    for (const flag of ['--version', '-V']) {
      expect(spawnIcbsim([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
      expect(await icbsim([flag])).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    }
  });
});

describe('bin/icbsim', () => {
  test('under --enable-source-maps loads the bundle through require() and prints the same as from the code cache', () => {
    const cached = spawnIcbsim(['run', '--format', 'csv']);
    expect(cached.code, cached.stderr).toBe(0);
    expect(spawnIcbsim(['run', '--format', 'csv'], { env: { NODE_OPTIONS: '--enable-source-maps' } })).toEqual(cached);
  });

  test("starts from the build's code cache: V8 takes it (cachedDataRejected is undefined when none is given)", () => {
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/bundle.cjs').loadBundle().script.cachedDataRejected))"], {
      cwd: REPO,
      encoding: 'utf8',
    });
    expect(r.stdout, r.stderr).toBe('false');
  });

  test('a checkout not built, or built before the bundle wrapped itself, says to build: exit 2, no stack trace', () => {
    // bin/ beside a dist/bundle that is missing, then one in the old form (plain CommonJS, no wrapper).
    const root = tempDir();
    cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
    const bundle = join(root, 'dist', 'bundle', 'icbsim.cjs');
    const missing = spawnSync(process.execPath, [join(root, 'bin', 'icbsim'), 'run'], { encoding: 'utf8' });
    expect(missing).toMatchObject({ status: 2, stdout: '', stderr: `icbsim: ${bundle} is missing: run \`npm run build\`\n` });
    mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });
    writeFileSync(bundle, "'use strict';\nexports.main = async () => 0;\n");
    const old = spawnSync(process.execPath, [join(root, 'bin', 'icbsim'), 'run'], { encoding: 'utf8' });
    expect(old).toMatchObject({ status: 2, stdout: '', stderr: `icbsim: ${bundle} is from an older build of icbsim: run \`npm run build\`\n` });
  });

  test('writes a workbook: the bundle loads exceljs, which it leaves outside, with no import() of its own', () => {
    const out = join(tempDir(), 'plan.xlsx');
    const r = spawnIcbsim(['run', '--out', out]);
    expect(r, r.stderr).toMatchObject({ code: 0, stderr: `icbsim: wrote ${out}\n` });
    // A workbook is a zip file: it starts PK\x03\x04.
    expect([...readFileSync(out).subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });
});

describe('the command a command line names', () => {
  test('is its first word that is not an option', () => {
    expect(commandNamed(['node', 'icbsim', 'check', 'a.yaml'])).toBe('check');
    expect(commandNamed(['node', 'icbsim', '--help'])).toBeUndefined();
    expect(commandNamed(['node', 'icbsim'])).toBeUndefined();
    expect(commandNamed(['node', 'icbsim', '-V'])).toBeUndefined();
  });

  test('an unknown command still gets the did-you-mean over every command, exit 2', async () => {
    const r = await icbsim(['chek', 'a.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'chek'");
    expect(r.stderr).toContain('Did you mean check?');
  });
});
