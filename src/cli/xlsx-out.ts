/**
 * `--format xlsx` for run, compare and batch: the workbook is binary, so it goes to `--out` (written
 * atomically, never over a scenario file the command read), not to a terminal or a pipe.
 */
import path from 'node:path';
import { formatDiagnostics } from '../io/diagnostics.js';
import { InputError } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { runScenario, type RunResult } from '../model/run.js';
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

/**
 * batch's workbook: every file run here, in input order (a workbook holds people-sized batches; the
 * CSV path spreads thousands over threads). A bad file is reported and skipped, and exits 2, as in CSV.
 */
export async function batchXlsx(cli: Cli, files: readonly { abs: string; display: string }[], out: string | undefined, alreadyBad: boolean): Promise<number> {
  if (out === undefined) throw new InputError('a workbook is a binary file: give `--out results.xlsx` with `--format xlsx`');
  const results: RunResult[] = [];
  let bad = 0;
  for (const f of files) {
    const loaded = loadScenario(f.abs);
    if (!loaded.ok) {
      bad++;
      const text = formatDiagnostics(loaded.diagnostics, loaded.sources, { color: false });
      cli.stderr.write(`${f.display}: skipped (bad input)\n${text}`);
      continue;
    }
    results.push(runScenario(loaded.scenario.spec, loaded.scenario.name));
  }
  if (results.length === 0) throw new InputError('no scenario ran: nothing to put in the workbook');
  await writeXlsx(cli, results, out, files.map((f) => f.abs));
  return bad > 0 || alreadyBad ? EXIT.BAD_INPUT : EXIT.OK;
}
