/**
 * A fixed pool of worker threads. Tasks go to whichever worker is free; each result is handed to
 * `onResult` with the task's index, so the caller can restore input order whatever the finishing order.
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

export async function runPool(
  tasks: readonly BatchTask[],
  size: number,
  onResult: (index: number, result: BatchResult) => void,
): Promise<void> {
  if (tasks.length === 0) return;
  const count = Math.max(1, Math.min(size, tasks.length));
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (w: Worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        w.postMessage({ id, task: tasks[id]! } satisfies WorkerRequest);
      };
      for (let i = 0; i < count; i++) {
        const w = new Worker(workerUrl());
        workers.push(w);
        w.on('message', (reply: WorkerReply) => {
          onResult(reply.id, reply.result);
          if (++done === tasks.length) resolve();
          else feed(w);
        });
        w.on('error', reject);
        w.on('exit', (code) => {
          if (done < tasks.length) reject(new Error(`a batch worker stopped early (exit code ${code})`));
        });
        // Two tasks in flight per worker, so none sits idle while its next task is posted.
        feed(w);
        feed(w);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
