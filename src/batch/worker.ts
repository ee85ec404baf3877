/** A batch worker thread: runs the files it is sent, one at a time, and posts each group's results back. */
import { parentPort } from 'node:worker_threads';
import { runBatchFileSafely, type BatchResult, type BatchTask } from './run-file.js';

/** Tasks `id`, `id + 1`, ... in order. */
export interface WorkerRequest {
  id: number;
  tasks: BatchTask[];
}
/** The results of a request's tasks, in the same order. */
export interface WorkerReply {
  id: number;
  results: BatchResult[];
}

// A worker's process.env is already its own copy of the parent's, so a plain-object copy changes
// nothing this thread can see, but reading it no longer calls into C++: the yaml parser reads
// process.env.LOG_TOKENS once per token, about a quarter of its time on a typical plan.
if (parentPort) process.env = { ...process.env };

parentPort?.on('message', (req: WorkerRequest) => {
  parentPort?.postMessage({ id: req.id, results: req.tasks.map(runBatchFileSafely) } satisfies WorkerReply);
});
