/** `--workers N` for batch and `run --draws`: one limit, one message. */
import { InputError } from '../io/input-error.js';

/** More threads than this only adds start-up time on any machine icbsim meets. */
export const MAX_WORKERS = 256;

export function parseWorkers(text: string): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= 1 && n <= MAX_WORKERS)) throw new InputError(`--workers is a whole number from 1 to ${MAX_WORKERS}, got \`${text}\``);
  return n;
}
