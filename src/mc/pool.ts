/**
 * Spreads Monte Carlo draws over worker threads. Chunks of draws go to whichever worker is free;
 * each chunk's figures land in the rows of their draw indices, and the summary reads the rows in
 * order, so the result is identical for any number of workers (draw k depends only on seed and k).
 * With one worker the draws run in this thread, in chunks that let a progress bar redraw.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runChunks, workerScript } from '../io/worker-pool.js';
import { DrawRunner, drawLayout, summarize, type MonteCarloResult } from '../model/montecarlo.js';
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
 * warms it up (about 0.2 s) before its first draw, which since the specialised float kernel is
 * what ~40,000 draws of an ICB-sized plan cost (it was ~2,500 on the generic engine), and on a
 * two-core machine the second thread shares the core the garbage collector uses. Two workers
 * break even near 100,000 draws on two cores, eight near 60,000. `npm run bench -- draws`
 * measures one thread and every core (draws_10000_*_cli_wall_workers_*, draws_per_s_*).
 */
export const THREADS_FROM_DRAWS = 60_000;

/** Worker threads for a job of `draws` draws when the user does not say: one per core for big jobs. */
export function defaultWorkers(draws: number): number {
  return draws < THREADS_FROM_DRAWS ? 1 : Math.max(1, availableParallelism());
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
    while (this.workers.length < this.size) this.workers.push(new Worker(workerScript(import.meta.url, 'mc')));
  }

  private async runThreads(job: DrawJob): Promise<MonteCarloResult> {
    this.start();
    const id = this.nextJob++;
    // The layout alone: the draws themselves run in the workers.
    const layout = drawLayout(job.spec);
    const { width, checks } = layout;
    const values = new Float64Array(job.draws * width);
    const failed = new Uint8Array(job.draws * checks.length);
    const hello: ToWorker = { type: 'scenario', job: id, spec: encodeSpec(job.spec), seed: job.seed };
    for (const w of this.workers) w.postMessage(hello);
    await runChunks<FromWorker>(this.workers, {
      total: job.draws,
      chunk: chunkSize(job.draws, this.workers.length),
      inFlight: 1,
      send: (w, from, to) => w.postMessage({ type: 'chunk', job: id, from, to } satisfies ToWorker),
      receive: (msg) => {
        if (msg.job !== id) return undefined;
        if (msg.type === 'error') throw new Error(`a draw worker failed: ${msg.message}`);
        values.set(msg.values, msg.from * width);
        failed.set(msg.failed, msg.from * checks.length);
        return msg.to - msg.from;
      },
      progress: job.onProgress,
      failed: (e) => new Error(`a draw worker failed: ${e.message}`),
      stopped: (code) => new Error(`a draw worker stopped (exit code ${code})`),
    });
    return summarize(job.name, job.spec, layout, job.draws, values, failed, job.seed);
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
