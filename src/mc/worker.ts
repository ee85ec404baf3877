/**
 * A draw worker: decodes the validated scenario it is sent (once per job) and runs the chunks of
 * draws it is given, sending the figures back in transferable buffers.
 */
import { parentPort } from 'node:worker_threads';
import { DrawRunner } from '../model/montecarlo.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { decodeSpec } from './transfer.js';

const port = parentPort;
if (port === null) throw new Error('icbsim: mc/worker.js runs only as a worker thread');

const runners = new Map<number, DrawRunner>();

port.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'scenario') {
      // One job at a time per pool: the previous job's runner is done with.
      runners.clear();
      runners.set(msg.job, new DrawRunner(decodeSpec(msg.spec), msg.seed));
      return;
    }
    const runner = runners.get(msg.job);
    if (runner === undefined) throw new Error(`no scenario for job ${msg.job}`);
    const n = msg.to - msg.from;
    const values = new Float64Array(n * runner.layout.width);
    const failed = new Uint8Array(n * runner.layout.checks.length);
    runner.run(msg.from, msg.to, values, failed);
    const reply: FromWorker = { type: 'done', job: msg.job, from: msg.from, to: msg.to, values, failed };
    port.postMessage(reply, [values.buffer, failed.buffer]);
  } catch (error) {
    const reply: FromWorker = { type: 'error', job: msg.job, message: error instanceof Error ? error.message : String(error) };
    port.postMessage(reply);
  }
});
