/**
 * A fixed pool of worker threads. Tasks go to whichever worker is free, a few at a time; each
 * result is handed to `onResult` with the task's index, so the caller can restore input order
 * whatever the finishing order.
 */
import { Worker } from 'node:worker_threads';
import { runChunks, workerScript } from '../io/worker-pool.js';
import type { BatchResult, BatchTask } from './run-file.js';
import type { WorkerReply, WorkerRequest } from './worker.js';

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
  const workers = Array.from({ length: count }, () => new Worker(workerScript(import.meta.url, 'batch')));
  try {
    await runChunks<WorkerReply>(workers, {
      total: tasks.length,
      chunk: chunkSize(tasks.length, count),
      inFlight: 2,
      send: (w, from, to) => w.postMessage({ id: from, tasks: tasks.slice(from, to) } satisfies WorkerRequest),
      receive: (reply) => {
        reply.results.forEach((result, k) => onResult(reply.id + k, result));
        return reply.results.length;
      },
      failed: (error) => error,
      stopped: (code) => new Error(`a batch worker stopped early (exit code ${code})`),
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
