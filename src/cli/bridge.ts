/**
 * `icbsim bridge FILE [--from Y] [--to Y] [--each-year] [--metric M]`: why a surplus moved between
 * two years, driver by driver; `icbsim bridge OLD --vs NEW [--year Y]`: why two plans differ in
 * one year, input change by input change. The steps add up to the change exactly, to the penny.
 */
import { Option, type Command } from 'commander';
import { BRIDGE_METRICS, bridgeYears, type BridgeMetric } from '../model/bridge.js';
import { bridgeInputs, InputBridgeError } from '../model/bridge-inputs.js';
import { runScenario } from '../model/run.js';
import { bridgeReport, inputBridgeReport } from '../report/bridge.js';
import {
  renderBridgeCsv,
  renderBridgeJson,
  renderBridgeMarkdown,
  renderBridgeText,
  renderInputBridgeCsv,
  renderInputBridgeJson,
  renderInputBridgeMarkdown,
  renderInputBridgeText,
} from '../render/bridge.js';
import { loadForAnalysis } from './analysis-common.js';
import type { Wrap } from './commands.js';
import { InputError } from '../io/input-error.js';
import { EXIT, useColor, warn, type Cli } from './context.js';
import { loadSide } from './diff.js';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;
type Format = (typeof FORMATS)[number];

export interface BridgeOptions {
  from?: string;
  to?: string;
  eachYear?: boolean;
  vs?: string;
  year?: string;
  metric: BridgeMetric;
  format: Format;
  color: boolean;
}

export function registerBridge(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('bridge')
    .description('explain the change in a surplus between two years, or between two plans (--vs), step by step to the penny')
    .argument('<file>', 'scenario YAML file (with --vs: the old plan; a file or git:REV:path)')
    .option('--from <year>', 'the year the bridge starts from (default: the base year)')
    .option('--to <year>', 'the year the bridge ends at (default: final, the last year)')
    .option('--each-year', 'one bridge for every year-on-year step')
    .option('--vs <new>', 'bridge to another plan instead: each input change `diff` lists, in turn')
    .option('-y, --year <year>', 'with --vs: the year the plans are compared in (default: final)')
    .addOption(new Option('-m, --metric <metric>', 'the surplus to bridge').choices(BRIDGE_METRICS).default('icb_surplus'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('--no-color', 'never colour the table (colour is only used on a terminal anyway)')
    .action(wrap((file: string, opts: BridgeOptions) => bridgeCommand(cli, file, opts)));
}

/** One renderer per format; only the table colours, and only on a terminal. */
type Renderers<R> = { table: (r: R, o: { color: boolean }) => string } & Record<Exclude<Format, 'table'>, (r: R) => string>;

function writeIn<R>(cli: Cli, opts: BridgeOptions, report: R, render: Renderers<R>): number {
  const f = opts.format;
  cli.stdout.write(f === 'table' ? render.table(report, { color: useColor(cli, cli.stdout, opts.color) }) : render[f](report));
  return EXIT.OK;
}

/** A year label, or `base` / `final`. */
function yearIndex(labels: readonly string[], year: string | undefined, fallback: number, option: string): number {
  if (year === undefined) return fallback;
  if (year === 'base') return 0;
  if (year === 'final') return labels.length - 1;
  const t = labels.indexOf(year);
  if (t >= 0) return t;
  throw new InputError(`${option} \`${year}\` is not a year of this scenario: it runs ${labels[0]} to ${labels.at(-1)} (or write \`base\` or \`final\`)`);
}

export async function bridgeCommand(cli: Cli, file: string, opts: BridgeOptions): Promise<number> {
  if (opts.vs !== undefined) return bridgeVs(cli, file, opts.vs, opts);
  if (opts.year !== undefined) throw new InputError('--year goes with --vs; a bridge within one plan runs --from one year --to another');
  const { scenario, labels } = loadForAnalysis(cli, file);
  const from = yearIndex(labels, opts.from, 0, '--from');
  const to = yearIndex(labels, opts.to, labels.length - 1, '--to');
  if (from >= to) throw new InputError(`--from ${labels[from]} must be before --to ${labels[to]}`);
  const result = runScenario(scenario.spec, scenario.name);
  for (const w of result.warnings) warn(cli, w);
  const report = bridgeReport(result, bridgeYears(result.projection, opts.metric, from, to), opts.eachYear === true);
  return writeIn(cli, opts, report, { table: renderBridgeText, json: renderBridgeJson, csv: renderBridgeCsv, md: renderBridgeMarkdown });
}

async function bridgeVs(cli: Cli, oldArg: string, newArg: string, opts: BridgeOptions): Promise<number> {
  for (const [flag, given] of [['--from', opts.from], ['--to', opts.to], ['--each-year', opts.eachYear]] as const) {
    if (given !== undefined) throw new InputError(`${flag} goes with a bridge within one plan; with --vs give --year`);
  }
  const before = loadSide(cli, oldArg);
  const after = loadSide(cli, newArg);
  const labels = before.run.years.map((y) => y.year);
  const year = labels[yearIndex(labels, opts.year, labels.length - 1, '--year')]!;
  if (!after.run.years.some((y) => y.year === year)) {
    throw new InputError(`${year} is not a year of ${after.file}: it runs ${after.run.years[0]!.year} to ${after.run.years.at(-1)!.year}`);
  }
  let b;
  try {
    b = bridgeInputs(before.data, after.data, opts.metric, year);
  } catch (e) {
    if (e instanceof InputBridgeError) throw new InputError(e.message);
    throw e;
  }
  const report = inputBridgeReport({ file: before.file, scenario: before.run.scenario }, { file: after.file, scenario: after.run.scenario }, b);
  return writeIn(cli, opts, report, {
    table: renderInputBridgeText,
    json: renderInputBridgeJson,
    csv: renderInputBridgeCsv,
    md: renderInputBridgeMarkdown,
  });
}
