/**
 * `icbsim report FILE... [--out report.html] [--draws N --seed S] [--interactive]`: the board report, one
 * self-contained HTML file. This shell reads the files (and hashes them so the report can be traced
 * to its inputs), runs each scenario, and hands everything to the pure renderer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { MAX_DRAWS, monteCarlo } from '../model/montecarlo.js';
import { runScenario } from '../model/run.js';
import { DEFAULT_SEED, MAX_SEED } from '../model/sampling.js';
import { checkedRun } from '../report/check.js';
import { thousands } from '../render/format.js';
import { renderReport, type ReportScenario } from '../render/html/report.js';
import type { Wrap } from './commands.js';
import { EXIT, warn, type Cli } from './context.js';
import { hasDistribution, NO_DISTRIBUTION } from '../model/distributions.js';
import { buildWhatIfPage } from './report-interactive.js';
import { writeOut } from './write-output.js';

export const VERSION = '0.1.0';

interface ReportOptions {
  out?: string;
  draws?: string;
  seed?: string;
  interactive?: boolean;
}

export function registerReport(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('report')
    .description('write a self-contained HTML board report: charts, assumptions, every figure, checks')
    .argument('<files...>', 'scenario files (several: compared side by side)')
    .option('-o, --out <file>', 'write the report to FILE (atomically) instead of stdout')
    .option('--draws <n>', `add a fan chart of the 5-95% range from N Monte Carlo draws (1 to ${thousands(MAX_DRAWS)})`)
    .option('--seed <s>', `seed for --draws (default ${DEFAULT_SEED})`)
    .option('--interactive', 'write a what-if page instead: every input a control, every figure recomputed in the browser (one FILE)')
    .action(wrap((files: string[], opts: ReportOptions) => runReport(cli, files, opts)));
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= min && n <= max)) throw new InputError(`${option} is a whole number from ${min} to ${thousands(max)}, got \`${text}\``);
  return n;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export async function buildReport(cli: Cli, files: string[], opts: ReportOptions, read: string[] = []): Promise<string> {
  const draws = opts.draws === undefined ? undefined : wholeNumber(opts.draws, '--draws', 1, MAX_DRAWS);
  const seed = opts.seed === undefined ? DEFAULT_SEED : wholeNumber(opts.seed, '--seed', 0, MAX_SEED);
  if (opts.seed !== undefined && draws === undefined) warn(cli, '--seed has no effect without --draws');
  const scenarios: ReportScenario[] = [];
  for (const file of files) {
    const loaded = loadScenario(path.resolve(cli.cwd, file));
    requireLoaded(loaded);
    const s = loaded.scenario;
    const result = runScenario(s.spec, s.name);
    for (const w of result.warnings) warn(cli, `${file}: ${w}`);
    if (draws !== undefined && !hasDistribution(s.spec)) warn(cli, `${file}: ${NO_DISTRIBUTION}`);
    read.push(...s.chain);
    const shown = (f: string): string => path.relative(cli.cwd, f) || f;
    scenarios.push({
      ...checkedRun(result),
      files: s.chain.map((f) => ({ path: shown(f), sha256: sha256(f) })),
      ...(draws === undefined ? {} : { draws: monteCarlo(s.name, s.spec, draws, seed) }),
    });
  }
  return renderReport({ scenarios, version: VERSION });
}

export async function runReport(cli: Cli, files: string[], opts: ReportOptions): Promise<number> {
  if (opts.out === undefined && cli.stdout.isTTY === true) {
    throw new InputError('a report is an HTML file: give `--out report.html` (or redirect the output to a file)');
  }
  const read: string[] = [];
  const html = opts.interactive ? buildWhatIfPage(cli, files, opts, VERSION, read) : await buildReport(cli, files, opts, read);
  if (opts.out === undefined) {
    cli.stdout.write(html);
  } else {
    writeOut(path.resolve(cli.cwd, opts.out), opts.out, html, read);
    cli.stderr.write(`icbsim: wrote ${opts.out} (${Math.round(Buffer.byteLength(html) / 1024)} KB)\n`);
  }
  return EXIT.OK;
}
