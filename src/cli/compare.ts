/**
 * `icbsim compare FILE... [--year Y] [--baseline FILE] [--metric M]...`: scenarios side by side,
 * the headline metrics of one year (default: each scenario's last) and of the whole period.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { METRIC_FAMILIES } from '../model/metrics.js';
import { runScenario } from '../model/run.js';
import { closest } from '../model/suggest.js';
import { isYearLabel, suggestYear } from '../model/years.js';
import { buildComparison, DEFAULT_ROWS, defaultRows, rowCatalogue, type Compared, type CompareRow } from '../report/compare.js';
import { renderCompareCsv, renderCompareJson, renderCompareMarkdown, renderCompareTable } from '../render/compare-output.js';
import type { Wrap } from './commands.js';
import { displayPath } from './display-path.js';
import { EXIT, outputWidth, useColor, warn, type Cli } from './context.js';
import { renderSparklines } from '../render/sparkline.js';
import { writeXlsx } from './xlsx-out.js';
import { extensionMismatch, writeOut } from './write-output.js';

const FORMATS = ['table', 'csv', 'json', 'md', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

interface CompareOptions {
  year?: string;
  baseline?: string;
  metric?: string[];
  format: Format;
  out?: string;
  color?: boolean;
}

export function registerCompare(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('compare')
    .description('scenarios side by side: headline metrics of one year and of the whole period')
    .argument('<files...>', 'scenario files, one column each')
    .option('-y, --year <year>', 'the year to compare, like 2028/29 (default: each scenario\'s last year)')
    .option('-b, --baseline <file>', 'a scenario to compare against: adds a delta column beside each scenario')
    .option('-m, --metric <name>', 'show only these rows, in this order (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('table'))
    .option('-o, --out <file>', 'write the output to FILE (atomically) instead of stdout')
    .option('--no-color', 'no sparklines or colour, even on a terminal')
    .action(wrap((files: string[], opts: CompareOptions) => runCompare(cli, files, opts)));
}

function load(cli: Cli, file: string, read: string[]): Compared {
  const abs = path.resolve(cli.cwd, file);
  const loaded = loadScenario(abs);
  requireLoaded(loaded);
  // The loader names files from the process's working directory.
  read.push(abs, ...loaded.scenario.chain.map((f) => path.resolve(f)));
  return { file: displayPath(cli.cwd, abs), result: runScenario(loaded.scenario.spec, loaded.scenario.name) };
}

/**
 * Each file once, in the order given, and not the baseline again: `compare scenarios/*.yaml
 * --baseline scenarios/do-nothing.yaml` names the baseline twice, and a second column of the same
 * figures (with a zero delta) only widens the table. A baseline compared with itself alone stays.
 */
function distinctFiles(cli: Cli, files: readonly string[], baseline: string | undefined): string[] {
  const seen = new Set<string>(baseline === undefined ? [] : [path.resolve(cli.cwd, baseline)]);
  const kept = files.filter((f) => {
    const abs = path.resolve(cli.cwd, f);
    if (seen.has(abs)) return false;
    seen.add(abs);
    return true;
  });
  return kept.length > 0 ? kept : files.slice(0, 1);
}

export async function runCompare(cli: Cli, files: string[], opts: CompareOptions): Promise<number> {
  if (opts.year !== undefined && !isYearLabel(opts.year)) {
    const y = suggestYear(opts.year);
    throw new InputError(`--year expects a financial year like 2028/29, got \`${opts.year}\`${y ? `: did you mean \`${y}\`?` : ''}`);
  }
  const mismatch = extensionMismatch(opts.format, opts.out);
  if (mismatch !== undefined) warn(cli, mismatch);
  const read: string[] = [];
  const runs = distinctFiles(cli, files, opts.baseline).map((f) => load(cli, f, read));
  const baseline = opts.baseline === undefined ? undefined : load(cli, opts.baseline, read);
  const all = baseline ? [baseline, ...runs] : runs;
  if (opts.year !== undefined) {
    for (const r of all) {
      const years = r.result.years.map((y) => y.year);
      if (!years.includes(opts.year)) {
        throw new InputError(`${r.file} has no year ${opts.year}: its years run ${years[0]} to ${years.at(-1)}`);
      }
    }
  }
  if (opts.format === 'xlsx') return writeXlsx(cli, all.map((r) => r.result), opts.out, [...files, ...(opts.baseline ? [opts.baseline] : [])]);
  const rows = pickRows(opts.metric ?? [], rowCatalogue(all), defaultRows(all));
  const comparison = buildComparison(runs, rows, { ...(opts.year ? { year: opts.year } : {}), ...(baseline ? { baseline } : {}) });
  const render: Record<Exclude<Format, 'xlsx'>, () => string> = {
    table: () => renderCompareTable(comparison, { maxWidth: opts.out === undefined ? outputWidth(cli) : undefined }),
    csv: () => renderCompareCsv(comparison),
    json: () => renderCompareJson(comparison),
    md: () => renderCompareMarkdown(comparison),
  };
  const text = render[opts.format]();
  if (opts.out === undefined) cli.stdout.write(text);
  if (opts.out === undefined && opts.format === 'table' && useColor(cli, cli.stdout, opts.color)) {
    cli.stdout.write(`\n${renderSparklines(all.map((r) => r.result), { color: true })}`);
  }
  if (opts.out !== undefined) writeOut(path.resolve(cli.cwd, opts.out), opts.out, text, read);
  return EXIT.OK;
}

/** The metric table's families of one kind, as `spend.<line>, need.<line>, ...`. */
const members = (under: 'line' | 'provider') =>
  METRIC_FAMILIES.filter((f) => f.under === under)
    .map((f) => `${f.family}.<${under}>`)
    .join(', ');

function pickRows(wanted: readonly string[], catalogue: readonly CompareRow[], defaults: readonly CompareRow[]): CompareRow[] {
  if (wanted.length === 0) return [...defaults];
  const byId = new Map(catalogue.map((r) => [r.id, r]));
  return wanted.map((id) => {
    const row = byId.get(id);
    if (row) return row;
    const c = closest(id, [...byId.keys()]);
    throw new InputError(
      `unknown metric \`${id}\`${c ? `: did you mean \`${c}\`?` : ''} (headline metrics: ${DEFAULT_ROWS.map((r) => r.id).join(', ')}; per line: ${members('line')}; per provider: ${members('provider')})`,
    );
  });
}
