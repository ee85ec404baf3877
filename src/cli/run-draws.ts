/**
 * `icbsim run FILE --draws N [--seed S] [--workers W]`: Monte Carlo. Kept apart from run.ts, which
 * only adds these options and hands over when --draws is given.
 */
import path from 'node:path';
import type { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { hasDistribution, NO_DISTRIBUTION } from '../model/distributions.js';
import { MAX_DRAWS, type MonteCarloResult } from '../model/montecarlo.js';
import { DEFAULT_SEED, MAX_SEED } from '../model/sampling.js';
import { thousands } from '../render/format.js';
import { EXIT, outputWidth, useColor, warn, type Cli } from './context.js';
import { DEFAULT_SCENARIO } from './defaults.js';
import type { RunOptions } from './run.js';
import { writeOut } from './write-output.js';
import { parseWorkers } from './workers.js';

export interface DrawOptions {
  draws?: string;
  seed?: string;
  workers?: string;
}

export function addDrawOptions(command: Command): Command {
  return command
    .option('--draws <n>', `Monte Carlo: sample every distribution N times (1 to ${thousands(MAX_DRAWS)})`)
    .option('--seed <s>', `seed for --draws: the same seed gives the same figures (default ${DEFAULT_SEED})`)
    .option('--workers <n>', 'worker threads for --draws (default: one per CPU core from 60,000 draws, else the main thread)');
}

function wholeNumber(text: string, option: string, min: number, max: number): number {
  const n = /^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
  if (!(n >= min && n <= max)) {
    throw new InputError(`${option} is a whole number from ${min} to ${thousands(max)}, got \`${text}\``);
  }
  return n;
}

export async function runDrawsCommand(
  cli: Cli,
  file: string | undefined,
  opts: RunOptions & DrawOptions,
): Promise<number> {
  // The worker pool (worker_threads), the progress bar and the draws' renderers (with csv-stringify)
  // load only for draws, not with every `run`.
  const [{ DrawPool, defaultWorkers }, { SingleBar }, { renderMonteCarloCsv, renderMonteCarloJson, renderMonteCarloMarkdown, renderMonteCarloTable }] =
    await Promise.all([import('../mc/pool.js'), import('cli-progress'), import('../render/montecarlo.js')]);
  const draws = wholeNumber(opts.draws ?? '', '--draws', 1, MAX_DRAWS);
  const seed = opts.seed === undefined ? DEFAULT_SEED : wholeNumber(opts.seed, '--seed', 0, MAX_SEED);
  const workers = opts.workers === undefined ? defaultWorkers(draws) : parseWorkers(opts.workers);
  const loaded = loadScenario(file === undefined ? DEFAULT_SCENARIO : path.resolve(cli.cwd, file));
  requireLoaded(loaded);
  const { scenario } = loaded;
  if (opts.lines === true) warn(cli, '--lines has no effect with --draws: draws report the headline metrics');
  if (!hasDistribution(scenario.spec)) warn(cli, NO_DISTRIBUTION);

  const bar = progressBar(cli, draws, SingleBar);
  const pool = new DrawPool(Math.min(workers, draws));
  let result: MonteCarloResult;
  try {
    result = await pool.run({
      name: scenario.name,
      spec: scenario.spec,
      draws,
      seed,
      ...(bar ? { onProgress: (done: number) => bar.update(done) } : {}),
    });
  } finally {
    bar?.stop();
    await pool.close();
  }

  const color = opts.out === undefined && opts.format === 'table' && useColor(cli, cli.stdout, opts.color);
  const text =
    opts.format === 'json'
      ? renderMonteCarloJson(result)
      : opts.format === 'csv'
        ? renderMonteCarloCsv(result)
        : opts.format === 'md'
          ? renderMonteCarloMarkdown(result)
          : renderMonteCarloTable(result, { color, maxWidth: opts.out === undefined ? outputWidth(cli) : undefined });
  if (opts.out === undefined) {
    cli.stdout.write(text);
  } else {
    writeOut(path.resolve(cli.cwd, opts.out), opts.out, text, loaded.scenario.chain);
    cli.stderr.write(`icbsim: wrote ${opts.out}\n`);
  }
  return EXIT.OK;
}

/** A bar on stderr, only for a person at a terminal (never with NO_COLOR or in a pipe). */
function progressBar(cli: Cli, total: number, Bar: typeof SingleBar): SingleBar | undefined {
  const noColor = cli.env.NO_COLOR !== undefined && cli.env.NO_COLOR !== '';
  if (cli.stderr.isTTY !== true || noColor) return undefined;
  const bar = new Bar({
    stream: cli.stderr as NodeJS.WritableStream,
    format: 'draws [{bar}] {percentage}% {value}/{total} ETA {eta}s',
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  bar.start(total, 0);
  return bar;
}
