/**
 * `icbsim batch --merge part-*.csv [--out all.csv]`: the CSVs that `batch --shard K/N` wrote on
 * many machines, joined into exactly the bytes one `batch` run writes. Parts are joined in the
 * order of the numbers in their names (part-2 before part-10), not as the shell lists them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { mergeParts, partOrder, type MergePart } from '../batch/merge.js';
import { globFiles, noGlobMatch } from '../io/glob.js';
import { InputError } from '../io/input-error.js';
import { EXIT, type Cli } from './context.js';
import { displayPath } from './display-path.js';
import { checkOutPath, writeOut } from './write-output.js';

interface MergeOptions {
  out?: string;
  shard?: string;
  format?: string;
  workers?: string;
  metric?: string[];
}

export function mergeBatch(cli: Cli, inputs: readonly string[], opts: MergeOptions): number {
  if (opts.shard !== undefined) throw new InputError('--merge joins the parts that --shard wrote: give one or the other');
  if (opts.format === 'xlsx') throw new InputError('--merge writes the long CSV; open it in a spreadsheet, or run batch --format xlsx on the scenarios');
  if (opts.workers !== undefined) throw new InputError('--merge reads CSVs and runs no scenario: --workers has nothing to do');
  if (opts.metric !== undefined) throw new InputError('--merge joins the parts as they are: give --metric to the batch --shard runs that wrote them');
  const files = partFiles(inputs, cli.cwd);
  const outAbs = opts.out === undefined ? undefined : path.resolve(cli.cwd, opts.out);
  if (outAbs !== undefined) checkOutPath(outAbs, opts.out!, files);
  const parts: MergePart[] = files.map((abs) => ({ display: displayPath(cli.cwd, abs), text: readPart(abs, displayPath(cli.cwd, abs)) }));
  const merged = mergeParts(parts);
  if (!merged.ok) {
    throw new InputError(`cannot merge the parts:\n  ${merged.problems.join('\n  ')}`);
  }
  if (outAbs === undefined) cli.stdout.write(merged.csv);
  else writeOut(outAbs, opts.out!, merged.csv, files);
  cli.stderr.write(`icbsim: merged ${parts.length} parts: ${merged.files} scenario files, ${merged.rows} rows\n`);
  return EXIT.OK;
}

/** Globs are expanded here too, so a quoted `"part-*.csv"` works; the order is partOrder's whatever the shell's. */
function partFiles(inputs: readonly string[], cwd: string): string[] {
  const seen = new Set<string>();
  for (const arg of inputs) {
    const matches = globFiles(arg, cwd);
    if (matches?.length === 0) throw new InputError(noGlobMatch(arg));
    for (const f of matches ?? [path.resolve(cwd, arg)]) seen.add(f);
  }
  return [...seen].sort((a, b) => partOrder(displayPath(cwd, a), displayPath(cwd, b)));
}

function readPart(abs: string, shown: string): string {
  try {
    return readFileSync(abs, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read the part \`${shown}\`: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code)}`);
  }
}
