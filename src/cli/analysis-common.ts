/** What the analysis commands (explain, sweep, tornado, solve) share: loading, metric and year names. */
import path from 'node:path';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario, type LoadedScenario } from '../io/load-scenario.js';
import { toPlain } from '../io/source-tree.js';
import { parseInputValue, PathError, type Plain } from '../model/input-path.js';
import { metricDefs, type MetricDef } from '../model/metrics.js';
import type { ScenarioSpec } from '../model/schema.js';
import { didYouMeanSuffix } from '../model/suggest.js';
import { yearLabels } from '../model/years.js';
import type { Cli } from './context.js';

export interface Analysed {
  scenario: LoadedScenario;
  /** The scenario as plain data (extends merged), where input paths point. */
  data: Plain;
  labels: string[];
}

export function loadForAnalysis(cli: Cli, file: string): Analysed {
  const loaded = loadScenario(path.resolve(cli.cwd, file));
  requireLoaded(loaded);
  const { spec } = loaded.scenario;
  return { scenario: loaded.scenario, data: toPlain(loaded.scenario.tree) as Plain, labels: yearLabels(spec.base_year, spec.years) };
}

export function resolveMetric(spec: ScenarioSpec, name: string): MetricDef {
  const defs = metricDefs(spec);
  const def = defs.find((d) => d.name === name);
  if (def) return def;
  const names = defs.map((d) => d.name);
  throw new InputError(`no metric named \`${name}\`${didYouMeanSuffix(name, names)} (metrics: ${names.join(', ')})`);
}

/** A year label, or `final` (the default) for the last projection year. */
export function resolveYear(labels: readonly string[], year: string | undefined): string {
  if (year === undefined || year === 'final') return labels.at(-1)!;
  if (labels.includes(year)) return year;
  throw new InputError(`\`${year}\` is not a year of this scenario: it runs ${labels[0]} to ${labels.at(-1)} (or write \`final\`)`);
}

/** A metric's figure must exist in the year asked for (growth has none in the base year). */
export function requireYear(def: MetricDef, labels: readonly string[], year: string): void {
  if (labels.indexOf(year) < def.fromYear) {
    throw new InputError(`${def.name} has no figure in ${year}, the base year: it starts in ${labels[1]}`);
  }
}

/** Runs `fn`, turning a bad input path or value into exit 2 with its message. */
export function pathErrors<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof PathError) throw new InputError(e.message);
    throw e;
  }
}

/**
 * Refuses an input that holds text or a flag (a name, a category, `each_year: true`): there is
 * nothing to sweep or solve. A rate, an amount, a distribution, a list or map of years, the word
 * `inflation` (a flat-real uplift) or an input not set yet can all take a number.
 */
export function requireNumericInput(node: unknown, path: string): void {
  if (node === undefined || node === null || typeof node === 'object') return;
  if (typeof node === 'number' || node === 'inflation') return;
  if (typeof node === 'string' && parseInputValue(node) !== undefined) return;
  throw new InputError(`\`${path}\` is ${typeof node === 'string' ? `text (\`${node}\`)` : `\`${String(node)}\``}, not a rate or an amount: name a numeric input, like \`allocation.growth\` or \`lines.acute.spend\``);
}
