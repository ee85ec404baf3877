/** `icbsim run [FILE]`: project one scenario and print it (or write it, atomically) in one format. */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { extensionMismatch, FORMAT_BY_EXTENSION, writeOut } from './write-output.js';
import { runScenario, type RunResult } from '../model/run.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { renderTable } from '../render/table.js';
import type { Wrap } from './commands.js';
import { EXIT, outputWidth, useColor, warn, type Cli } from './context.js';
import { DEFAULT_SCENARIO } from './defaults.js';
import { renderSparklines } from '../render/sparkline.js';
import { writeXlsx } from './xlsx-out.js';
import { addDrawOptions, runDrawsCommand, type DrawOptions } from './run-draws.js';

export const RUN_FORMATS = ['table', 'json', 'csv', 'md', 'xlsx'] as const;
export type RunFormat = (typeof RUN_FORMATS)[number];

export interface RunOptions {
  format: RunFormat;
  out?: string;
  lines?: boolean;
  /** false with --no-color. */
  color: boolean;
}

export function registerRun(program: Command, cli: Cli, wrap: Wrap): void {
  const run = program
    .command('run')
    .description('project a scenario year by year (no FILE: the shipped default scenario)')
    .argument('[file]', 'scenario YAML file')
    .addOption(
      new Option('-f, --format <format>', 'output format')
        .choices(RUN_FORMATS)
        .default('table', 'table, or from the --out extension'),
    )
    .option('-o, --out <file>', 'write the output to FILE (atomically) instead of stdout')
    .option('--lines', "add each line's spend, need, provider gap and growth to the table or Markdown")
    .option('--no-color', 'never colour the table (colour is only used on a terminal anyway)');
  addDrawOptions(run).action(
    wrap((file: string | undefined, given: RunOptions & DrawOptions, cmd: Command) => {
      const opts = { ...given, format: formatFor(given, cmd.getOptionValueSource('format') === 'default') };
      if (opts.format === 'xlsx' && opts.draws !== undefined) throw new InputError('--format xlsx writes a plain run; it cannot be combined with --draws');
      if (opts.draws === undefined) {
        for (const flag of ['seed', 'workers'] as const) if (opts[flag] !== undefined) warn(cli, `--${flag} has no effect without --draws`);
      }
      const mismatch = extensionMismatch(opts.format, opts.out);
      if (mismatch !== undefined) warn(cli, mismatch);
      return opts.draws !== undefined ? runDrawsCommand(cli, file, opts) : runCommand(cli, file, opts);
    }),
  );
}

/** `--out plan.csv` without --format means CSV: a box-drawn table in a .csv file helps nobody. */
export function formatFor(opts: { format: RunFormat; out?: string | undefined }, formatDefaulted: boolean): RunFormat {
  if (!formatDefaulted || opts.out === undefined) return opts.format;
  const named = FORMAT_BY_EXTENSION[path.extname(opts.out).toLowerCase()];
  return (RUN_FORMATS as readonly string[]).includes(named ?? '') ? (named as RunFormat) : opts.format;
}

export async function runCommand(cli: Cli, file: string | undefined, opts: RunOptions): Promise<number> {
  const loaded = loadScenario(file === undefined ? DEFAULT_SCENARIO : path.resolve(cli.cwd, file));
  requireLoaded(loaded);
  const result = runScenario(loaded.scenario.spec, loaded.scenario.name);
  for (const w of result.warnings) warn(cli, w);
  if (opts.format === 'xlsx') return writeXlsx(cli, [result], opts.out, loaded.scenario.chain);

  // Rendered whole before anything is written, so a failure never leaves half an output.
  const color = opts.out === undefined && opts.format === 'table' && useColor(cli, cli.stdout, opts.color);
  const maxWidth = opts.out === undefined ? outputWidth(cli) : undefined;
  const text = await render(result, opts.format, { lines: opts.lines === true, color, maxWidth });
  if (opts.out === undefined) {
    cli.stdout.write(text);
    // Pictures for a person at a terminal only: `color` is false with --no-color, NO_COLOR or a pipe.
    if (color) cli.stdout.write(`\n${renderSparklines([result], { color })}`);
  } else {
    writeOut(path.resolve(cli.cwd, opts.out), opts.out, text, loaded.scenario.chain);
    cli.stderr.write(`icbsim: wrote ${opts.out}\n`);
  }
  return EXIT.OK;
}

export async function render(
  result: RunResult,
  format: Exclude<RunFormat, 'xlsx'>,
  opts: { lines: boolean; color: boolean; maxWidth?: number | undefined },
): Promise<string> {
  switch (format) {
    case 'table':
      return renderTable(result, opts);
    case 'json':
      return renderJson(result);
    case 'csv':
      // Loaded only for CSV: csv-stringify's own set-up is a cost every `icbsim run` paid for a table.
      return (await import('../render/csv.js')).renderCsv(result);
    case 'md':
      return renderMarkdown(result, opts);
  }
}

