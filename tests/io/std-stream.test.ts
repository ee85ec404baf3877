/**
 * stdout and stderr for a pipe or a file are written straight to the file descriptor
 * (src/io/std-stream.ts): the bytes must be the ones Node's own stream writes, all of them, and
 * Node's streams must not load.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, REPO, tempDir, writeScenario } from '../cli/helpers.js';

/** `icbsim args` with stdout (and stderr) to the given stdio, as bytes. */
function spawnTo(args: string[], stdio: 'pipe' | number, errStdio: 'pipe' | number = 'pipe') {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: REPO, stdio: ['ignore', stdio, errStdio] });
}

describe('standard output to a pipe or a file', () => {
  test('a file gets exactly the bytes a pipe gets, £ signs and box drawing included', () => {
    const piped = spawnTo(['run', '--lines'], 'pipe');
    expect(piped.status).toBe(0);
    const file = join(tempDir(), 'out.txt');
    const fd = openSync(file, 'w');
    const r = spawnTo(['run', '--lines'], fd);
    closeSync(fd);
    expect(r.status).toBe(0);
    const bytes = readFileSync(file);
    expect(bytes.equals(piped.stdout)).toBe(true);
    expect(bytes.toString('utf8')).toContain('(money in £m)');
    expect(bytes.toString('utf8')).toContain('┌');
  });

  test('output far larger than a pipe holds arrives whole, the same as to a file', () => {
    // 300 lines over 16 years as CSV is some 500 KB, far over the 64 KB a pipe buffers: writing
    // must go on as the reader drains it.
    const dir = tempDir();
    const lines = Array.from({ length: 300 }, (_, i) => `  l${i}: {category: acute, spend: 5}`).join('\n');
    const big = writeScenario(dir, 'big.yaml', `base_year: 2025/26\nyears: 15\nallocation: {recurrent: 2000, growth: 3%}\nlines:\n${lines}\n`);
    const piped = spawnTo(['run', big, '--format', 'csv', '--lines'], 'pipe');
    expect(piped.status).toBe(0);
    expect(piped.stdout.length).toBeGreaterThan(4 * 65536);
    const file = join(dir, 'out.csv');
    const fd = openSync(file, 'w');
    expect(spawnTo(['run', big, '--format', 'csv', '--lines'], fd).status).toBe(0);
    closeSync(fd);
    expect(readFileSync(file).equals(piped.stdout)).toBe(true);
    expect(piped.stdout.toString('utf8').endsWith('\n')).toBe(true);
  });

  test('a diagnostic to a stderr file is the same as to a pipe', () => {
    const piped = spawnTo(['run', 'no-such-file.yaml'], 'pipe');
    expect(piped.status).toBe(2);
    const file = join(tempDir(), 'err.txt');
    const fd = openSync(file, 'w');
    const r = spawnTo(['run', 'no-such-file.yaml'], 'pipe', fd);
    closeSync(fd);
    expect(r.status).toBe(2);
    expect(readFileSync(file, 'utf8')).toBe(piped.stderr.toString('utf8'));
    expect(piped.stderr.toString('utf8')).toMatch(/no-such-file\.yaml: error: file not found/);
  });

  test("Node's stream modules never load for `run` to a pipe", () => {
    // process.moduleLoadList names every Node module loaded; net and stream come with process.stdout.
    const probe = `process.on('exit', () => require('fs').writeSync(2, JSON.stringify(process.moduleLoadList)));`;
    const r = spawnSync(process.execPath, ['-e', `${probe} process.argv.splice(1, 0, ${JSON.stringify(BIN)}); require(${JSON.stringify(BIN)})`, 'run'], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r.status, r.stderr.toString()).toBe(0);
    expect(r.stdout.toString('utf8')).toContain('Example ICB');
    const loaded = JSON.parse(r.stderr.toString('utf8')) as string[];
    expect(loaded).not.toContain('NativeModule net');
    expect(loaded).not.toContain('NativeModule stream');
  });
});
