/** `icbsim sweep FILE --set PATH=FROM..TO:STEP [--set ...]`: one figure over a grid of one or two inputs. */
import { Option, type Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { getInput, parseRange } from '../model/input-path.js';
import { MAX_SWEEP_POINTS, sweep, type SweepAxis } from '../report/sweep.js';
import { renderSweep, type SweepFormat } from '../render/analysis.js';
import { loadForAnalysis, pathErrors, requireNumericInput, requireYear, resolveMetric, resolveYear } from './analysis-common.js';
import type { Wrap } from './commands.js';
import { EXIT, warn, type Cli } from './context.js';

export interface SweepOptions {
  set: string[];
  metric: string;
  year?: string;
  format: SweepFormat;
}

export function registerSweep(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('sweep')
    .description('run a scenario over a range of one or two inputs and tabulate one figure')
    .argument('<file>', 'scenario YAML file')
    .option('-s, --set <path=from..to:step>', 'an input and its range, e.g. policies.divert_growth.share=0%..100%:10% (once or twice)', (v: string, acc: string[]) => [...acc, v], [])
    .option('-m, --metric <metric>', 'the figure to show', 'icb_surplus')
    .option('-y, --year <year>', 'its year (default: final, the last year)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json', 'csv', 'md']).default('table'))
    .action(wrap((file: string, opts: SweepOptions) => sweepCommand(cli, file, opts)));
}

export async function sweepCommand(cli: Cli, file: string, opts: SweepOptions): Promise<number> {
  if (opts.set.length < 1 || opts.set.length > 2) throw new InputError('sweep takes one or two --set PATH=FROM..TO:STEP');
  const { scenario, data, labels } = loadForAnalysis(cli, file);
  const def = resolveMetric(scenario.spec, opts.metric);
  const year = resolveYear(labels, opts.year);
  requireYear(def, labels, year);
  const unset: string[] = [];
  const axes: SweepAxis[] = opts.set.map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new InputError(`--set \`${s}\`: write PATH=FROM..TO:STEP, e.g. allocation.growth=2%..4%:0.5%`);
    const path = s.slice(0, eq).trim();
    const range = pathErrors(() => parseRange(s.slice(eq + 1)));
    const current = pathErrors(() => getInput(data, path));
    requireNumericInput(current, path);
    if (current === undefined) unset.push(path);
    return { path, values: range.values, rate: range.rate };
  });
  if (axes.length === 2 && axes[0]!.path === axes[1]!.path) throw new InputError(`--set names \`${axes[0]!.path}\` twice: sweep two different inputs`);
  const points = axes.reduce((n, a) => n * a.values.length, 1);
  if (points > MAX_SWEEP_POINTS) throw new InputError(`the grid has ${points} points; at most ${MAX_SWEEP_POINTS}: use a larger step`);
  const result = pathErrors(() => sweep(data, axes, { metric: def.name, year }));
  // Only once the grid has run: a misspelt path fails validation (with a "did you mean") instead.
  for (const path of unset) warn(cli, `\`${path}\` is not set in the scenario: the sweep adds it`);
  cli.stdout.write(renderSweep(result, def, scenario.spec.units, scenario.name, opts.format));
  return EXIT.OK;
}
