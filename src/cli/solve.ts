/** `icbsim solve FILE --vary PATH --target "METRIC[YEAR]=VALUE"`: goal seek on the exact engine. */
import { Option, type Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { Dec } from '../model/decimal.js';
import { getInput, parseInputValue, type InputValue } from '../model/input-path.js';
import { solve, SolveError, type Relation, type SolveRequest } from '../report/solve.js';
import { renderSolve } from '../render/analysis.js';
import { loadForAnalysis, pathErrors, requireNumericInput, requireYear, resolveMetric, resolveYear } from './analysis-common.js';
import type { Wrap } from './commands.js';
import { EXIT, type Cli } from './context.js';

export interface SolveOptions {
  vary: string;
  target: string;
  range?: string;
  places?: string;
  format: 'text' | 'json';
}

export function registerSolve(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('solve')
    .description('goal seek: the value of one input that brings a figure to a target, or the last one that keeps it within a limit')
    .argument('<file>', 'scenario YAML file')
    .requiredOption('--vary <path>', 'the input to vary, e.g. policies.divert_growth.share')
    .requiredOption('--target <metric[year]=value>', 'e.g. "icb_surplus[2030/31]=0"; a limit with <=, >=, < or >, e.g. "gap.acute<=20" (no year: the final year)')
    .option('--range <lo..hi>', 'the values to search, in the input\'s form (default 0%..100% for a rate, 0 to twice the value for money)')
    .option('--places <n>', 'decimal places of the answer, in the input\'s unit (default: as written, at least 0.01% for rates)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(wrap((file: string, opts: SolveOptions) => solveCommand(cli, file, opts)));
}

const TARGET = /^\s*([A-Za-z0-9_.]+)\s*(?:\[\s*([^\]]+?)\s*\])?\s*(<=|>=|=|<|>|\u2264|\u2265)\s*(.+?)\s*$/;
const RELATION: Record<string, Relation> = { '=': '=', '<=': '<=', '>=': '>=', '<': '<', '>': '>', '≤': '<=', '≥': '>=' };

export async function solveCommand(cli: Cli, file: string, opts: SolveOptions): Promise<number> {
  const m = TARGET.exec(opts.target);
  if (!m) {
    throw new InputError(`--target \`${opts.target}\`: write METRIC[YEAR]=VALUE, e.g. "icb_surplus[2030/31]=0", or a limit with <=, >=, < or >, e.g. "gap.acute[2030/31]<=20"`);
  }
  const { scenario, data, labels } = loadForAnalysis(cli, file);
  const def = resolveMetric(scenario.spec, m[1]!);
  const year = resolveYear(labels, m[2]);
  requireYear(def, labels, year);
  const target = parseInputValue(m[4]!);
  if (!target || target.rate !== (def.kind !== 'money')) {
    throw new InputError(
      `--target value \`${m[4]}\`: ${def.name} is ${def.kind === 'money' ? `money: write a plain amount in ${scenario.spec.units}, like \`0\`` : 'a rate: write it with a per cent sign, like `25%`'}`,
    );
  }
  const current = currentValue(pathErrors(() => getInput(data, opts.vary)), opts.vary);
  const range = opts.range === undefined ? defaultRange(current) : parseRangeOption(opts.range, current.rate);
  const places = opts.places === undefined ? (current.rate ? Math.max(2, current.places) : current.places) : wholePlaces(opts.places);
  const req: SolveRequest = {
    path: opts.vary,
    probe: { metric: def.name, year },
    target: target.rate ? target.value.dividedBy(100) : target.value,
    relation: RELATION[m[3]!]!,
    lo: range[0],
    hi: range[1],
    rate: current.rate,
    places,
  };
  let result;
  try {
    result = pathErrors(() => solve(data, req));
  } catch (e) {
    if (e instanceof SolveError) throw new InputError(e.message);
    throw e;
  }
  cli.stdout.write(renderSolve(result, req, def, scenario.spec.units, scenario.name, opts.format));
  return result.kind === 'unreachable' ? EXIT.CHECK_FAILED : EXIT.OK;
}

/** The input as written: a rate, an amount, or a distribution (solved as a plain rate). */
function currentValue(node: unknown, path: string): InputValue {
  requireNumericInput(node, path);
  // A flat-real uplift (`inflation`) is solved as a plain rate.
  if (node === 'inflation') return { value: new Dec(0), rate: true, places: 2 };
  if (typeof node === 'string' || typeof node === 'number') {
    const v = parseInputValue(String(node));
    if (v) return v;
  }
  if (node !== null && typeof node === 'object' && !Array.isArray(node) && ['normal', 'triangular', 'uniform'].some((k) => k in node)) {
    return { value: new Dec(0), rate: true, places: 2 };
  }
  if (node === undefined) throw new InputError(`\`${path}\` is not set in the scenario: solve varies an input the scenario has`);
  throw new InputError(`\`${path}\` is not a single rate or amount (a list or map of years? name one year, e.g. \`${path}.0\`)`);
}

function defaultRange(current: InputValue): [Dec, Dec] {
  if (current.rate) return [new Dec(0), new Dec(100)];
  return [new Dec(0), current.value.isZero() ? new Dec(1000) : current.value.times(2)];
}

function parseRangeOption(text: string, rate: boolean): [Dec, Dec] {
  const m = /^(.+?)\.\.(.+)$/.exec(text.trim());
  const lo = m ? parseInputValue(m[1]!) : undefined;
  const hi = m ? parseInputValue(m[2]!) : undefined;
  if (!lo || !hi || lo.rate !== rate || hi.rate !== rate) {
    throw new InputError(`--range \`${text}\`: write LO..HI in the input's form, e.g. ${rate ? '`0%..60%`' : '`0..500`'}`);
  }
  return [lo.value, hi.value];
}

function wholePlaces(text: string): number {
  if (!/^\d+$/.test(text) || Number(text) > 12) throw new InputError(`--places is a whole number from 0 to 12, got \`${text}\``);
  return Number(text);
}
