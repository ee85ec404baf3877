/** The one worker-pool loop batch and mc share: every item run once, answers put back by index. */
import { Worker } from 'node:worker_threads';
import { afterEach, expect, it } from 'vitest';
import { runChunks, workerScript } from '../../src/io/worker-pool.js';

// A worker that squares the numbers from..to-1 and answers after a delay that differs per chunk,
// so answers come back out of order.
const SQUARES = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ from, to }) => {
  const out = [];
  for (let i = from; i < to; i++) out.push(i * i);
  setTimeout(() => parentPort.postMessage({ from, out }), (7 - (from % 7)) * 3);
});`;

let workers: Worker[] = [];
afterEach(async () => {
  await Promise.all(workers.map((w) => w.terminate()));
  workers = [];
});

it('runs every item once, puts each answer at its index, and reports progress up to the total', async () => {
  workers = [new Worker(SQUARES, { eval: true }), new Worker(SQUARES, { eval: true })];
  const got = new Array<number | undefined>(23).fill(undefined);
  const seen: number[] = [];
  await runChunks<{ from: number; out: number[] }>(workers, {
    total: 23,
    chunk: 3,
    inFlight: 2,
    send: (w, from, to) => w.postMessage({ from, to }),
    receive: ({ from, out }) => {
      out.forEach((v, k) => {
        expect(got[from + k]).toBeUndefined();
        got[from + k] = v;
      });
      return out.length;
    },
    progress: (done) => seen.push(done),
    failed: (e) => e,
    stopped: (code) => new Error(`stopped ${code}`),
  });
  expect(got).toEqual(Array.from({ length: 23 }, (_, i) => i * i));
  // 23 items in chunks of 3: 8 answers (seven of 3, one of 2), the count rising to 23.
  expect(seen).toHaveLength(8);
  expect(seen.at(-1)).toBe(23);
  expect([...seen].sort((a, b) => a - b)).toEqual(seen);
});

it('fails with the run\'s own error when a worker exits before the run is done', async () => {
  workers = [new Worker(`process.exit(3)`, { eval: true })];
  const run = runChunks<unknown>(workers, {
    total: 5,
    chunk: 1,
    inFlight: 1,
    send: (w, from) => w.postMessage(from),
    receive: () => 1,
    failed: (e) => e,
    stopped: (code) => new Error(`a test worker stopped (exit code ${code})`),
  });
  await expect(run).rejects.toThrow('a test worker stopped (exit code 3)');
});

it('a reply the run calls a failure fails the run', async () => {
  workers = [new Worker(SQUARES, { eval: true })];
  const run = runChunks<{ from: number }>(workers, {
    total: 4,
    chunk: 2,
    inFlight: 1,
    send: (w, from, to) => w.postMessage({ from, to }),
    receive: ({ from }) => {
      if (from === 2) throw new Error('chunk 2..4 failed');
      return 2;
    },
    failed: (e) => e,
    stopped: (code) => new Error(`stopped ${code}`),
  });
  await expect(run).rejects.toThrow('chunk 2..4 failed');
});

it('workers run the compiled dist/ script when the pool runs from src/', () => {
  expect(workerScript('file:///r/src/mc/pool.ts', 'mc').href).toBe('file:///r/dist/mc/worker.js');
  expect(workerScript('file:///r/dist/batch/pool.js', 'batch').href).toBe('file:///r/dist/batch/worker.js');
});
