/**
 * `--format xlsx` for run, compare and batch: the workbook is binary, so it goes to `--out` (written
 * atomically, never over a scenario file the command read), not to a terminal or a pipe.
 */
import path from 'node:path';
import { InputError } from '../io/input-error.js';
import type { RunResult } from '../model/run.js';
import { checkedRun } from '../report/check.js';
import { EXIT, type Cli } from './context.js';
import { writeOut } from './write-output.js';

export async function writeXlsx(cli: Cli, results: readonly RunResult[], out: string | undefined, inputs: readonly string[]): Promise<number> {
  if (out === undefined) throw new InputError('a workbook is a binary file: give `--out plan.xlsx` with `--format xlsx`');
  // exceljs is the heaviest module here (about 0.4 s to load): only a workbook pays for it.
  const { renderXlsx } = await import('../render/xlsx.js');
  const bytes = await renderXlsx(results.map(checkedRun));
  writeOut(path.resolve(cli.cwd, out), out, bytes, inputs.map((f) => path.resolve(cli.cwd, f)));
  cli.stderr.write(`icbsim: wrote ${out}\n`);
  return EXIT.OK;
}
