/**
 * `icbsim batch DIR|GLOB... [--out results.csv]`: many scenarios to one long CSV (scenario, file,
 * year, metric, value), in input order whatever the number of worker threads. A bad file is
 * reported and skipped; the others' rows are kept and the exit code is 2 at the end.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { SingleBar } from 'cli-progress';
import { Option, type Command } from 'commander';
import { batchHeader } from '../batch/csv-rows.js';
import { runPool } from '../batch/pool.js';
import type { BatchResult, BatchTask } from '../batch/run-file.js';
import { InputError } from '../io/input-error.js';
import type { ScenarioRows } from '../render/xlsx.js';
import { EXIT, outputWidth, useColor, warn, type Cli } from './context.js';
import type { Wrap } from './commands.js';
import { displayPath } from './display-path.js';
import { checkOutPath, extensionMismatch, writeOut } from './write-output.js';
import { parseWorkers } from './workers.js';

interface BatchOptions {
  out?: string;
  shard?: string;
  merge?: boolean;
  workers?: string;
  progress?: boolean;
  format?: 'csv' | 'xlsx';
  metric?: string[];
}

export function registerBatch(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('batch')
    .description('run many scenarios (folders, globs, files) to one long CSV: scenario,file,year,metric,value')
    .argument('<inputs...>', 'folders (their .yaml/.yml files), quoted globs like "plans/**/*.yaml", or files')
    .option('-o, --out <file>', 'write the CSV here (atomically) instead of stdout')
    .option('-w, --workers <n>', 'worker threads (default: every core)')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .option('--shard <K/N>', 'run only the K-th of N slices of the files (for many machines; join the parts with --merge)')
    .option('--merge', 'the inputs are shards\' CSVs: join them into the bytes one run writes')
    .option('-m, --metric <name>', 'only this metric\'s rows, e.g. provider_surplus.northshire or provider_surplus.* (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option('-f, --format <format>', 'csv, or xlsx (a workbook: needs --out)').choices(['csv', 'xlsx']).default('csv'))
    .action(wrap((inputs: string[], opts: BatchOptions) => runBatch(cli, inputs, opts)));
}

function workerCount(text: string | undefined): number {
  return text === undefined ? availableParallelism() : parseWorkers(text);
}

export async function runBatch(cli: Cli, inputs: string[], opts: BatchOptions): Promise<number> {
  if (opts.merge === true) {
    const { mergeBatch } = await import('./batch-merge.js');
    return mergeBatch(cli, inputs, opts);
  }
  const workers = workerCount(opts.workers);
  // A CSV inside a .xlsx file would only confuse Excel: the extension asks for a workbook too.
  const xlsx = opts.format === 'xlsx' || /\.xlsx$/i.test(opts.out ?? '');
  const metrics = await metricOption(opts, xlsx);
  const shard = opts.shard === undefined ? undefined : await shardOption(opts.shard);
  // Loaded only when batch runs: every command's module is imported at start-up.
  const { discoverFiles } = await import('../batch/discover.js');
  const discovered = discoverFiles(inputs, cli.cwd);
  const { empty } = discovered;
  for (const e of empty) cli.stderr.write(`icbsim: error: ${e.message}\n`);
  if (discovered.files.length === 0) throw new InputError('no scenario files to run');
  let files = discovered.files;
  if (shard !== undefined) {
    const { shardSlice } = await import('../batch/shard.js');
    files = shardSlice(files, shard);
    cli.stderr.write(`icbsim: shard ${shard.index}/${shard.count}: ${files.length} of ${discovered.files.length} files\n`);
    if (files.length === 0) {
      // More machines than files: this part is the header alone, and --merge joins it as nothing.
      if (xlsx) throw new InputError(`shard ${shard.index}/${shard.count} has no files: nothing to put in a workbook`);
      if (opts.out === undefined) cli.stdout.write(batchHeader());
      else writeOut(path.resolve(cli.cwd, opts.out), opts.out, batchHeader(), discovered.files);
      return empty.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
    }
  }

  const color = useColor(cli, cli.stderr);
  if (xlsx && opts.out === undefined) throw new InputError('a workbook is a binary file: give `--out results.xlsx` with `--format xlsx`');
  const width = outputWidth(cli, cli.stderr);
  const tasks: BatchTask[] = files.map((abs) => ({ abs, display: displayPath(cli.cwd, abs), color, width, output: xlsx ? 'xlsx' : 'csv', metrics }));
  if (!xlsx) {
    const mismatch = extensionMismatch('csv', opts.out);
    if (mismatch !== undefined) warn(cli, mismatch);
  }
  const outAbs = opts.out === undefined ? undefined : path.resolve(cli.cwd, opts.out);
  // Found out now, not after running hundreds of files.
  if (outAbs !== undefined) checkOutPath(outAbs, opts.out!, discovered.files);
  const bar = opts.progress !== false && useColor(cli, cli.stderr) && cli.stderr.isTTY === true ? await progressBar(cli, tasks.length) : undefined;

  // Results arrive in any order; each is written once everything before it has been.
  const results: (BatchResult | undefined)[] = new Array(tasks.length);
  const chunks: string[] = [batchHeader()];
  const failed: string[] = [];
  const read = new Set<string>();
  let written = 0;
  const sheets: ScenarioRows[] = [];
  const matched = new Set<string>();
  const emit = (s: string) => (opts.out === undefined ? cli.stdout.write(s) : chunks.push(s));
  if (opts.out === undefined) cli.stdout.write(chunks.pop()!);
  const onResult = (index: number, result: BatchResult) => {
    results[index] = result;
    bar?.increment();
    for (let r = results[written]; r !== undefined; r = results[written]) {
      if (r.ok) {
        if (r.sheets) sheets.push(r.sheets);
        else emit(r.csv);
        for (const f of r.read) read.add(f);
        for (const m of r.matched ?? []) matched.add(m);
      } else failed.push(`${tasks[written]!.display}: skipped (bad input)\n${r.text}`);
      results[written] = undefined;
      written++;
    }
  };

  if (xlsx && workers > 1) {
    // The workbook's writer loads while the workers start and run, not after them. A failure here
    // is left for the load that writes the workbook to report.
    void import('../render/xlsx.js').then((m) => m.loadWriter()).catch(() => undefined);
  }
  try {
    if (workers === 1) {
      // Only a serial run needs the model in this thread: with workers, each loads its own, and
      // on a small machine the ~0.25 s this thread would spend loading it is taken from them.
      const { runBatchFileSafely } = await import('../batch/run-file.js');
      tasks.forEach((t, i) => onResult(i, runBatchFileSafely(t)));
    } else await runPool(tasks, workers, onResult);
  } finally {
    bar?.stop();
  }
  for (const f of failed) cli.stderr.write(f);
  if (failed.length > 0) {
    cli.stderr.write(`icbsim: ${failed.length} of ${tasks.length} files skipped for bad input; the other ${tasks.length - failed.length} ran\n`);
  }
  if (xlsx && sheets.length === 0) throw new InputError('no scenario ran: nothing to put in the workbook');
  const ran = failed.length < tasks.length;
  for (const m of metrics ?? []) if (ran && !matched.has(m)) warn(cli, `no scenario that ran reports \`${m}\`: the CSV has no rows for it`);
  // Nothing ran: an existing --out keeps what it held rather than becoming a bare header.
  if (outAbs !== undefined && failed.length === tasks.length) {
    cli.stderr.write(`icbsim: no scenario ran, so ${opts.out} was not written\n`);
  } else if (xlsx) {
    // Checked again now that the workers have said which base files the plans extend.
    const { renderXlsxRows } = await import('../render/xlsx.js');
    writeOut(outAbs!, opts.out!, await renderXlsxRows(sheets), read);
    cli.stderr.write(`icbsim: wrote ${opts.out}\n`);
  } else if (outAbs !== undefined) {
    writeOut(outAbs, opts.out!, chunks.join(''), read);
  }
  return failed.length > 0 || empty.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
}

/** `--metric`, each name checked against the metric table before any file is read. */
async function metricOption(opts: BatchOptions, xlsx: boolean): Promise<string[] | undefined> {
  if (opts.metric === undefined) return undefined;
  if (xlsx) {
    throw new InputError('--metric picks rows of the long CSV; a workbook holds every metric (filter its Results sheet, or write the CSV)');
  }
  const { metricNameProblem } = await import('../model/metrics.js');
  for (const m of opts.metric) {
    const problem = metricNameProblem(m);
    if (problem !== undefined) throw new InputError(problem);
  }
  return [...new Set(opts.metric)];
}

async function shardOption(text: string): Promise<{ index: number; count: number }> {
  const { parseShard } = await import('../batch/shard.js');
  const parsed = parseShard(text);
  if (!parsed.ok) throw new InputError(parsed.message);
  return parsed.shard;
}

async function progressBar(cli: Cli, total: number): Promise<SingleBar> {
  const { SingleBar } = await import('cli-progress');
  const bar = new SingleBar({
    stream: cli.stderr as unknown as NodeJS.WritableStream,
    format: 'running scenarios [{bar}] {value}/{total} {percentage}% eta {eta_formatted}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0);
  return bar;
}
