/** The user's input is wrong (exit 2), as opposed to a fault in icbsim: what every layer that reads input raises. */
import type { Diagnostic } from '../model/diagnostic.js';

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
