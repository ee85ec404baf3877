/**
 * Same seed, same bytes: Monte Carlo output pinned before the float path was specialised for speed
 * (fixtures/pinned/capture.mjs wrote it from that code). Every case's CLI output must be the very
 * bytes captured, and every draw's raw figures must hash the same, so the speed-up changed no
 * figure of any draw, not just the rounded summary.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DrawRunner } from '../../src/model/montecarlo.js';
import { load, REPO } from './helpers.js';

const PINNED = join(REPO, 'tests', 'montecarlo', 'fixtures', 'pinned');
const BIN = join(REPO, 'bin', 'icbsim');

interface CliCase {
  file: string;
  draws: number;
  seed: number;
  formats: string[];
}
interface RawCase {
  file: string;
  draws: number;
  seed: number;
}
const cases = JSON.parse(readFileSync(join(PINNED, 'cases.json'), 'utf8')) as { cli: CliCase[]; raw: RawCase[] };
const hashes = JSON.parse(readFileSync(join(PINNED, 'raw-sha256.json'), 'utf8')) as Record<string, string>;

/** As capture.mjs names it. */
function outputName(c: CliCase, format: string): string {
  return `${c.file.replace(/^.*\//, '').replace(/\.yaml$/, '')}-${c.draws}-seed${c.seed}.${format === 'table' ? 'txt' : format}`;
}

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
      const runner = new DrawRunner(load(join(REPO, c.file)).spec, c.seed);
      const values = new Float64Array(c.draws * runner.layout.width);
      const failed = new Uint8Array(c.draws * runner.layout.checks.length);
      runner.run(0, c.draws, values, failed);
      const h = createHash('sha256');
      h.update(new Uint8Array(values.buffer));
      h.update(failed);
      expect(h.digest('hex')).toBe(hashes[`${c.file} ${c.draws} ${c.seed}`]);
    });
  }
});
