/**
 * Worker threads for batch (files) and mc (draws): both split a run of items 0..total into chunks
 * [from, to), give the next chunk to whichever worker answers, and put each answer in its place
 * by index, so the result does not depend on which worker finished first.
 */
import type { Worker } from 'node:worker_threads';

/**
 * The compiled `worker.js` beside the calling module. Under the tests the caller is TypeScript
 * (src/<dir>/pool.ts) and a worker thread cannot load .ts files, so it is dist/<dir>/worker.js.
 */
export function workerScript(callerUrl: string, dir: string): URL {
  // src/DIR/, dist/DIR/ and the bundle in dist/bundle/ all sit two folders below the package root.
  return new URL(`../../dist/${dir}/worker.js`, callerUrl);
}

export interface ChunkedRun<Reply> {
  total: number;
  /** Items per message. */
  chunk: number;
  /** Chunks each worker holds at once: two keeps a worker busy while its next chunk is posted. */
  inFlight: number;
  send(worker: Worker, from: number, to: number): void;
  /** Stores a reply and says how many items it finished, or undefined if it belongs to another run; throws for a failed chunk. */
  receive(reply: Reply): number | undefined;
  /** Called with the items finished so far, after each reply. */
  progress?: (done: number) => void;
  /** The errors a run fails with when a worker throws or exits before the run is done. */
  failed(error: Error): Error;
  stopped(code: number): Error;
}

/** Runs every chunk on `workers` (already started; left running, so a pool can serve many runs). */
export function runChunks<Reply>(workers: readonly Worker[], run: ChunkedRun<Reply>): Promise<void> {
  let next = 0;
  let done = 0;
  return new Promise<void>((resolve, reject) => {
    const cleanups: (() => void)[] = [];
    let settled = false;
    const finish = (error?: Error): void => {
      if (settled) return;
      settled = true;
      for (const c of cleanups) c();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker): void => {
      if (next >= run.total) return;
      const from = next;
      next = Math.min(run.total, next + run.chunk);
      run.send(w, from, next);
    };
    for (const w of workers) {
      const onMessage = (reply: Reply): void => {
        let finished: number | undefined;
        try {
          finished = run.receive(reply);
        } catch (error) {
          return finish(error as Error);
        }
        if (finished === undefined) return;
        done += finished;
        run.progress?.(done);
        if (done === run.total) finish();
        else feed(w);
      };
      const onError = (e: Error): void => finish(run.failed(e));
      const onExit = (code: number): void => finish(run.stopped(code));
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      cleanups.push(() => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
      });
    }
    if (run.total === 0) return finish();
    for (let k = 0; k < run.inFlight; k++) for (const w of workers) feed(w);
  });
}
