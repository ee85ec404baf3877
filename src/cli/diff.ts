/**
 * `icbsim diff OLD NEW`: what changed between two versions of a plan, like a cost diff in a code
 * review: the inputs that differ, then what that does to each headline metric, year by year.
 * Either side may be `git:REV:path`, a committed version.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadGitScenario, parseGitRef } from '../io/git-source.js';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario, type LoadResult } from '../io/load-scenario.js';
import { toPlain } from '../io/source-tree.js';
import { convertMoney } from '../model/convert-units.js';
import { diffEffect, diffInputs } from '../model/input-diff.js';
import { HEADLINE_METRICS, metricDefs } from '../model/metrics.js';
import { runScenario, type RunResult } from '../model/run.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText, type PlanDiff } from '../render/compare-diff.js';
import type { Wrap } from './commands.js';
import { EXIT, outputWidth, type Cli } from './context.js';
import { displayPath } from './display-path.js';

const FORMATS = ['text', 'json', 'md'] as const;
type Format = (typeof FORMATS)[number];

export function registerDiff(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('diff')
    .description('what changed between two versions of a plan: inputs, and the effect on each headline metric by year')
    .argument('<old>', 'the old version: a file, or git:REV:path for a committed one (e.g. git:HEAD:plan.yaml)')
    .argument('<new>', 'the new version: a file, or git:REV:path')
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .action(wrap((oldArg: string, newArg: string, opts: { format: Format }) => runDiff(cli, oldArg, newArg, opts)));
}

export interface Side {
  file: string;
  data: unknown;
  run: RunResult;
}

/** One side of a comparison: a file or a committed version (`git:REV:path`), its plain data and its run. */
export function loadSide(cli: Cli, arg: string): Side {
  const ref = parseGitRef(arg);
  // Without this, `git:HEAD` would be looked for as a file of that name: "file not found".
  if (!ref && arg.startsWith('git:')) {
    throw new InputError(`\`${arg}\` is not a committed file: write git:REV:path, e.g. git:HEAD:scenarios/default.yaml`);
  }
  let loaded: LoadResult;
  let file: string;
  if (ref) {
    const g = loadGitScenario(ref, cli.cwd);
    loaded = g;
    file = g.display;
  } else {
    const abs = path.resolve(cli.cwd, arg);
    loaded = loadScenario(abs);
    file = displayPath(cli.cwd, abs);
  }
  requireLoaded(loaded);
  const s = loaded.scenario;
  return { file, data: toPlain(s.tree), run: runScenario(s.spec, s.name) };
}

export async function runDiff(cli: Cli, oldArg: string, newArg: string, opts: { format: Format }): Promise<number> {
  const before = loadSide(cli, oldArg);
  const after = loadSide(cli, newArg);
  const units = before.run.units;
  // Every metric either version reports but a line's own: the headline metrics, the fair-share and
  // one-off rows, and with providers each organisation's income, costs and surplus, the providers'
  // surplus and the unheld gap (a plan that moves the gap onto a trust shows it here).
  const reported = [before, after].flatMap((v) => metricDefs(v.run.spec).filter((m) => m.line === undefined));
  const kinds = new Map([...HEADLINE_METRICS, ...reported].map((m) => [m.name, m]));
  const d: PlanDiff = {
    old: { file: before.file, scenario: before.run.scenario },
    new: { file: after.file, scenario: after.run.scenario },
    units,
    inputs: diffInputs(before.data, after.data),
    effect: diffEffect(
      [...kinds.keys()],
      before.run.years,
      after.run.years,
      (metric, x) => (kinds.get(metric)?.kind === 'money' ? convertMoney(x, after.run.units, units) : x),
    ),
    defs: kinds,
  };
  const render: Record<Format, () => string> = {
    text: () => renderDiffText(d, { maxWidth: outputWidth(cli) }),
    json: () => renderDiffJson(d),
    md: () => renderDiffMarkdown(d),
  };
  cli.stdout.write(render[opts.format]());
  return EXIT.OK;
}
