/**
 * A fixed pool of worker threads. Tasks go to whichever worker is free, a few at a time; each
 * result is handed to `onResult` with the task's index, so the caller can restore input order
 * whatever the finishing order.
 */
import { Worker } from 'node:worker_threads';
import type { BatchResult, BatchTask } from './run-file.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

/**
 * Workers always run the compiled JavaScript in dist/: under the tests this module is TypeScript
 * (src/batch/pool.ts), and a worker thread cannot load .ts files.
 */
export function workerUrl(): URL {
  return import.meta.url.endsWith('.ts')
    ? new URL('../../dist/batch/worker.js', import.meta.url)
    : new URL('./worker.js', import.meta.url);
}

/**
 * Files per message. Each message wakes the other thread, which costs about as much as running a
 * small scenario on a busy machine, so files travel in small groups; groups stay small enough
 * (at least ~8 per worker over the run) that the workers finish together.
 */
export function chunkSize(tasks: number, workers: number): number {
  return Math.max(1, Math.min(8, Math.floor(tasks / (workers * 8))));
}

export async function runPool(
  tasks: readonly BatchTask[],
  size: number,
  onResult: (index: number, result: BatchResult) => void,
): Promise<void> {
  if (tasks.length === 0) return;
  const count = Math.max(1, Math.min(size, tasks.length));
  const chunk = chunkSize(tasks.length, count);
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next >= tasks.length) return;
        const id = next;
        next = Math.min(tasks.length, next + chunk);
        w.postMessage({ id, tasks: tasks.slice(id, next) } satisfies WorkerRequest);
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(workerUrl());
        workers.push(w);
        w.on('message', (reply: WorkerReply) => {
          reply.results.forEach((result, k) => onResult(reply.id + k, result));
          done += reply.results.length;
          if (done === tasks.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < tasks.length) reject(new Error(`a batch worker stopped early (exit code ${code})`));
        });
        // Two groups in flight per worker, so none sits idle while its next group is posted.
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
