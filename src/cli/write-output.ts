/**
 * `--out` for compare and batch: the whole output or nothing, never over a file the command read,
 * and a bad path is the user's input (exit 2 with a reason), never an internal error. The same
 * contract as `run --out`; kept apart from run.ts so batch's main thread loads no model code.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../io/input-error.js';
import { writeFileAtomic } from '../io/write-atomic.js';

function refuseInput(abs: string, shown: string, inputs: Iterable<string>): void {
  for (const f of inputs) {
    if (path.resolve(f) === abs) throw new InputError(`refusing to write \`${shown}\`: it is one of the scenario files this run reads`);
  }
}

/** Before a long run: the folder must exist and the name must not be a folder or an input. */
export function checkOutPath(abs: string, shown: string, inputs: Iterable<string> = []): void {
  refuseInput(abs, shown, inputs);
  const kind = (p: string) => {
    try {
      return statSync(p).isDirectory() ? 'dir' : 'file';
    } catch {
      return 'none';
    }
  };
  if (kind(abs) === 'dir') throw new InputError(`cannot write \`${shown}\`: it is a folder`);
  if (kind(path.dirname(abs)) !== 'dir') throw new InputError(`cannot write \`${shown}\`: its folder does not exist`);
}

export function writeOut(abs: string, shown: string, text: string | Uint8Array, inputs: Iterable<string> = []): void {
  refuseInput(abs, shown, inputs);
  try {
    writeFileAtomic(abs, text);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const reason =
      e.code === 'ENOENT'
        ? 'its folder does not exist'
        : e.code === 'EISDIR'
          ? 'it is a folder'
          : e.code === 'EACCES' || e.code === 'EPERM'
            ? 'permission denied'
            : e.message;
    throw new InputError(`cannot write \`${shown}\`: ${reason}`);
  }
}

/** What each known extension holds. `--out plan.csv` without --format means CSV. */
export const FORMAT_BY_EXTENSION: Readonly<Record<string, string>> = {
  '.json': 'json',
  '.csv': 'csv',
  '.md': 'md',
  '.markdown': 'md',
  '.xlsx': 'xlsx',
  '.html': 'html',
  '.htm': 'html',
};

/**
 * `--format json --out x.csv`: a file whose name says one format and holds another misleads the
 * next program that opens it. Warned, not refused: the user asked for both on purpose, perhaps.
 */
export function extensionMismatch(format: string, out: string | undefined): string | undefined {
  if (out === undefined) return undefined;
  const ext = path.extname(out).toLowerCase();
  const named = FORMAT_BY_EXTENSION[ext];
  if (named === undefined || named === format) return undefined;
  const holds = format === 'table' || format === 'text' ? 'a text table' : format.toUpperCase();
  return `\`${out}\` is named as ${named.toUpperCase()} but will hold ${holds} (--format ${format})`;
}
