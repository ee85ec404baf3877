/** `icbsim explain FILE METRIC [--year Y]`: how one figure of `run` was computed, step by step. */
import { Option, type Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { explain, ExplainError } from '../model/explain.js';
import { runScenario } from '../model/run.js';
import { renderExplainJson, renderExplainText } from '../render/explain.js';
import { loadForAnalysis, requireYear, resolveMetric, resolveYear } from './analysis-common.js';
import type { Wrap } from './commands.js';
import { EXIT, warn, type Cli } from './context.js';

export interface ExplainOptions {
  year?: string;
  format: 'text' | 'json';
}

export function registerExplain(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('explain')
    .description('show how one figure was computed, step by step, with every input and intermediate figure')
    .argument('<file>', 'scenario YAML file')
    .argument('<metric>', 'a metric name, e.g. icb_surplus or gap.acute')
    .option('-y, --year <year>', 'the year, e.g. 2027/28 (default: final, the last year)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(wrap((file: string, metric: string, opts: ExplainOptions) => explainCommand(cli, file, metric, opts)));
}

export async function explainCommand(cli: Cli, file: string, metric: string, opts: ExplainOptions): Promise<number> {
  const { scenario, labels } = loadForAnalysis(cli, file);
  const def = resolveMetric(scenario.spec, metric);
  const year = resolveYear(labels, opts.year);
  requireYear(def, labels, year);
  const result = runScenario(scenario.spec, scenario.name);
  for (const w of result.warnings) warn(cli, w);
  let e;
  try {
    e = explain(result, def.name, year);
  } catch (err) {
    if (err instanceof ExplainError) throw new InputError(err.message);
    throw err;
  }
  cli.stdout.write(opts.format === 'json' ? renderExplainJson(e) : renderExplainText(e));
  return EXIT.OK;
}
