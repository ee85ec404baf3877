/** The user's input is wrong (exit 2), as opposed to a fault in icbsim: what every layer that reads input raises. */
import type { Diagnostic } from '../model/diagnostic.js';
import type { FailedLoad } from './load.js';

/** Bad input or usage: the message (and any located diagnostics) go to stderr, exit 2. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[] = [],
    readonly sources: Map<string, string> = new Map(),
  ) {
    super(message);
  }
}

/** A file that failed to load is bad input: its problems go to stderr and the command exits 2. */
export function requireLoaded<T extends { ok: true }>(loaded: T | FailedLoad): asserts loaded is T {
  if (!loaded.ok) throw new InputError('', loaded.diagnostics, loaded.sources);
}
