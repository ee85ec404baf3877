/** Messages between the draw pool and its worker threads. */

/** A validated scenario, encoded by transfer.ts (Decimals do not survive structured cloning). */
export interface ScenarioMessage {
  type: 'scenario';
  job: number;
  spec: unknown;
  seed: number;
}

/** Run draws [from, to) of job `job`. */
export interface ChunkMessage {
  type: 'chunk';
  job: number;
  from: number;
  to: number;
}

export type ToWorker = ScenarioMessage | ChunkMessage;

export type FromWorker =
  | { type: 'done'; job: number; from: number; to: number; values: Float64Array; failed: Uint8Array }
  | { type: 'error'; job: number; message: string };
