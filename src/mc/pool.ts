/**
 * Spreads Monte Carlo draws over worker threads. Chunks of draws go to whichever worker is free;
 * each chunk's figures land in the rows of their draw indices, and the summary reads the rows in
 * order, so the result is identical for any number of workers (draw k depends only on seed and k).
 * With one worker the draws run in this thread, in chunks that let a progress bar redraw.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DrawRunner, summarize, type MonteCarloResult } from '../model/montecarlo.js';
import type { ScenarioSpec } from '../model/schema.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { encodeSpec } from './transfer.js';

export interface DrawJob {
  name: string;
  spec: ScenarioSpec;
  draws: number;
  seed: number;
  onProgress?: (done: number) => void;
}

/**
 * Below this many draws the main thread alone is quicker: each worker thread loads the engine and
 * warms it up (about 0.2 s) before its first draw, which is what ~2,500 draws of an ICB-sized plan
 * cost, and on a two-core machine the second thread shares the core the garbage collector uses.
 * `npm run bench` measures both (draws_per_s_*_workers_1 and _2).
 */
export const THREADS_FROM_DRAWS = 20_000;

/** Worker threads for a job of `draws` draws when the user does not say: one per core for big jobs. */
export function defaultWorkers(draws: number): number {
  return draws < THREADS_FROM_DRAWS ? 1 : Math.max(1, availableParallelism());
}

/** Workers run compiled JavaScript: dist/mc/worker.js, also when this file runs from src/ (tests). */
function workerFile(): string {
  const here = fileURLToPath(import.meta.url);
  const dir = path.dirname(here);
  return here.endsWith('.ts') ? path.resolve(dir, '../../dist/mc/worker.js') : path.join(dir, 'worker.js');
}

function chunkSize(draws: number, workers: number): number {
  // About eight chunks a worker balances the load and moves a progress bar; a chunk of fewer
  // than 25 draws would cost more in messages than it computes.
  return Math.min(2000, Math.max(25, Math.ceil(draws / (workers * 8))));
}

export class DrawPool {
  private workers: Worker[] = [];
  private nextJob = 0;

  constructor(readonly size: number) {}

  async run(job: DrawJob): Promise<MonteCarloResult> {
    return this.size <= 1 ? this.runHere(job) : this.runThreads(job);
  }

  /** Stops the worker threads (a pool can be reused for many jobs until then). */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((w) => w.terminate()));
  }

  private async runHere(job: DrawJob): Promise<MonteCarloResult> {
    const runner = new DrawRunner(job.spec, job.seed);
    const { width, checks } = runner.layout;
    const values = new Float64Array(job.draws * width);
    const failed = new Uint8Array(job.draws * checks.length);
    const size = chunkSize(job.draws, 1);
    for (let from = 0; from < job.draws; from += size) {
      const to = Math.min(job.draws, from + size);
      runner.run(from, to, values.subarray(from * width), failed.subarray(from * checks.length));
      if (job.onProgress) {
        job.onProgress(to);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    return summarize(job.name, job.spec, runner.layout, job.draws, values, failed, job.seed);
  }

  private start(): void {
    while (this.workers.length < this.size) this.workers.push(new Worker(workerFile()));
  }

  private runThreads(job: DrawJob): Promise<MonteCarloResult> {
    this.start();
    const id = this.nextJob++;
    const layout = new DrawRunner(job.spec, job.seed).layout;
    const { width, checks } = layout;
    const values = new Float64Array(job.draws * width);
    const failed = new Uint8Array(job.draws * checks.length);
    const size = chunkSize(job.draws, this.workers.length);
    const encoded = encodeSpec(job.spec);
    let next = 0;
    let done = 0;

    return new Promise<MonteCarloResult>((resolve, reject) => {
      const cleanups: (() => void)[] = [];
      let settled = false;
      const finish = (error?: Error): void => {
        if (settled) return;
        settled = true;
        for (const c of cleanups) c();
        if (error) reject(error);
        else resolve(summarize(job.name, job.spec, layout, job.draws, values, failed, job.seed));
      };
      const feed = (w: Worker): void => {
        if (next >= job.draws) return;
        const msg: ToWorker = { type: 'chunk', job: id, from: next, to: Math.min(job.draws, next + size) };
        next = msg.to;
        w.postMessage(msg);
      };
      for (const w of this.workers) {
        const onMessage = (msg: FromWorker): void => {
          if (msg.job !== id) return;
          if (msg.type === 'error') return finish(new Error(`a draw worker failed: ${msg.message}`));
          values.set(msg.values, msg.from * width);
          failed.set(msg.failed, msg.from * checks.length);
          done += msg.to - msg.from;
          job.onProgress?.(done);
          if (done === job.draws) finish();
          else feed(w);
        };
        const onError = (e: Error): void => finish(new Error(`a draw worker failed: ${e.message}`));
        const onExit = (code: number): void => finish(new Error(`a draw worker stopped (exit code ${code})`));
        w.on('message', onMessage);
        w.on('error', onError);
        w.on('exit', onExit);
        cleanups.push(() => {
          w.off('message', onMessage);
          w.off('error', onError);
          w.off('exit', onExit);
        });
        const hello: ToWorker = { type: 'scenario', job: id, spec: encoded, seed: job.seed };
        w.postMessage(hello);
      }
      if (job.draws === 0) return finish();
      for (const w of this.workers) feed(w);
    });
  }
}

/** Runs one job on a pool of `workers` threads and closes it. */
export async function runDraws(job: DrawJob, workers = defaultWorkers(job.draws)): Promise<MonteCarloResult> {
  const pool = new DrawPool(workers);
  try {
    return await pool.run(job);
  } finally {
    await pool.close();
  }
}
