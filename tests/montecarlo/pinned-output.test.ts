/**
 * Same seed, same bytes: Monte Carlo output pinned before the float path was specialised for speed
 * (fixtures/pinned/capture.mjs wrote it from that code). Every case's CLI output must be the very
 * bytes captured, and every draw's raw figures must hash the same, so the speed-up changed no
 * figure of any draw, not just the rounded summary.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrawRunner } from '../../src/model/montecarlo.js';
import { CASES as cases, outputName, PINNED, rawDrawsHash, type CliCase } from './fixtures/pinned/pinned.mjs';
import { load, REPO } from './helpers.js';

const BIN = join(REPO, 'bin', 'icbsim');
const hashes = JSON.parse(readFileSync(join(PINNED, 'raw-sha256.json'), 'utf8')) as Record<string, string>;

function run(c: CliCase, format: string, workers: number): string {
  const r = spawnSync(process.execPath, [BIN, 'run', c.file, '--draws', String(c.draws), '--seed', String(c.seed), '--workers', String(workers), '--format', format], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', COLUMNS: '' },
    timeout: 60_000,
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('Monte Carlo output pinned before the speed-up (built binary: `npm test` builds first)', () => {
  for (const c of cases.cli) {
    for (const format of c.formats) {
      it(`${c.file}, ${c.draws} draws, seed ${c.seed}, --format ${format}: the same bytes`, () => {
        expect(run(c, format, 1)).toBe(readFileSync(join(PINNED, 'out', outputName(c, format)), 'utf8'));
      });
    }
  }

  it('the same bytes on two worker threads', () => {
    const c = cases.cli[0]!;
    expect(run(c, 'json', 2)).toBe(readFileSync(join(PINNED, 'out', outputName(c, 'json')), 'utf8'));
  });

  for (const c of cases.raw) {
    it(`${c.file}, ${c.draws} draws, seed ${c.seed}: every draw's raw figures and failed checks hash the same`, () => {
      expect(rawDrawsHash(new DrawRunner(load(join(REPO, c.file)).spec, c.seed), c.draws)).toBe(hashes[`${c.file} ${c.draws} ${c.seed}`]);
    });
  }
});
