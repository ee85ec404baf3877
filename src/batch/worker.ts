/** A batch worker thread: runs the files it is sent, one at a time, and posts each result back. */
import { parentPort } from 'node:worker_threads';
import { runBatchFile, type BatchResult, type BatchTask } from './run-file.js';

export interface WorkerRequest {
  id: number;
  task: BatchTask;
}
export interface WorkerReply {
  id: number;
  result: BatchResult;
}

parentPort?.on('message', (req: WorkerRequest) => {
  let result: BatchResult;
  try {
    result = runBatchFile(req.task);
  } catch (error) {
    // A bug in one scenario's run must not take the others' results with it.
    result = { ok: false, text: `${req.task.display}: internal error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
  parentPort?.postMessage({ id: req.id, result } satisfies WorkerReply);
});
