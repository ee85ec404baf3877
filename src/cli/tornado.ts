/** `icbsim tornado FILE [--metric M] [--year Y] [--step 1%]`: which inputs move a figure most. */
import { Option, type Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { parseInputValue } from '../model/input-path.js';
import { tornado, tornadoInputs } from '../report/tornado.js';
import { renderTornado } from '../render/analysis.js';
import { loadForAnalysis, pathErrors, requireYear, resolveMetric, resolveYear } from './analysis-common.js';
import type { Wrap } from './commands.js';
import { EXIT, outputWidth, warn, type Cli } from './context.js';

export interface TornadoOptions {
  metric: string;
  year?: string;
  step: string;
  uncertainOnly?: boolean;
  format: 'table' | 'json';
}

export function registerTornado(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('tornado')
    .description("rank the inputs by how far they move one figure: distributions' 10th-90th percentiles, plain rates ± a step")
    .argument('<file>', 'scenario YAML file')
    .option('-m, --metric <metric>', 'the figure to explain', 'icb_surplus')
    .option('-y, --year <year>', 'its year (default: final, the last year)')
    .option('--step <rate>', 'how far to move each plain rate either way', '1%')
    .option('--uncertain-only', 'swing only the inputs written as distributions')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(wrap((file: string, opts: TornadoOptions) => tornadoCommand(cli, file, opts)));
}

export async function tornadoCommand(cli: Cli, file: string, opts: TornadoOptions): Promise<number> {
  const step = parseInputValue(opts.step);
  if (!step || !step.rate || !step.value.isPositive() || step.value.isZero()) {
    throw new InputError(`--step is a rate above 0% with a per cent sign, like \`1%\`, got \`${opts.step}\``);
  }
  const { scenario, data, labels } = loadForAnalysis(cli, file);
  const def = resolveMetric(scenario.spec, opts.metric);
  const year = resolveYear(labels, opts.year);
  requireYear(def, labels, year);
  const inputs = tornadoInputs(data, step.value, opts.uncertainOnly !== true);
  if (inputs.length === 0) {
    throw new InputError(opts.uncertainOnly === true ? 'the scenario has no distributions to swing' : 'the scenario has no rates to swing');
  }
  const result = pathErrors(() => tornado(data, inputs, { metric: def.name, year }));
  for (const s of result.skipped) warn(cli, `left out ${s.path}: ${s.reason}`);
  cli.stdout.write(renderTornado(result, def, scenario.spec.units, scenario.name, opts.format, { maxWidth: outputWidth(cli) }));
  return EXIT.OK;
}
