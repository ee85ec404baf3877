/**
 * `icbsim check FILE... [--rules R]...`: every plan against its own checks and every rules file.
 * Exit 1 if any rule fails, 2 if any file is bad input (the other files are still checked).
 * A rules file among the FILEs is applied like one given with --rules: `--rules rules/*.yaml`
 * reaches the command as `--rules rules/a.yaml rules/b.yaml ...`, and the shell's glob must not
 * silently turn b.yaml into a "plan" that fails to load.
 */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { diagnosticFromLoc, formatDiagnostics } from '../io/diagnostics.js';
import { InputError } from '../io/input-error.js';
import { loadRules, type LoadedRules } from '../io/load-rules.js';
import { loadScenario, type LoadResult } from '../io/load-scenario.js';
import { loadTree } from '../io/load.js';
import { locate, type SNode } from '../io/source-tree.js';
import type { Diagnostic } from '../model/diagnostic.js';
import { runScenario } from '../model/run.js';
import { validateChecksForPlan } from '../model/validate.js';
import { checkReport, planResult, type PlanError, type PlanResult, type RuleSet } from '../report/check.js';
import { renderGithub } from '../render/check-github.js';
import { renderCheckJson } from '../render/check-json.js';
import { renderCheckText } from '../render/check-text.js';
import { renderJunit } from '../render/junit.js';
import { EXIT, outputWidth, useColor, type Cli } from './context.js';
import type { Wrap } from './commands.js';
import { displayPath } from './display-path.js';

const FORMATS = ['text', 'json', 'junit', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface CheckOptions {
  rules?: string[];
  format: Format;
  color?: boolean;
}

/** Where rule `index` of a plan's or rules file's `checks:` is written. */
function ruleAt(tree: SNode): RuleSet['where'] {
  return (index) => {
    const loc = locate(tree, ['checks', index], 'value');
    return { file: loc.file, line: loc.line, col: loc.col };
  };
}

export function registerCheck(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('check')
    .description('hold plans to their own checks and to rules files; exit 1 if any rule fails')
    .argument('<files...>', 'scenario files to check')
    .option('-r, --rules <file>', 'a rules file applied to every plan (repeatable; a rules file among FILEs counts too)', (v: string, acc: string[] = []) => [...acc, v])
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--no-color', 'no colour even on a terminal')
    .action(wrap((files: string[], opts: CheckOptions) => runCheck(cli, files, opts)));
}

export async function runCheck(cli: Cli, files: string[], opts: CheckOptions): Promise<number> {
  const rulesArgs = [...(opts.rules ?? [])];
  const plans: { abs: string; loaded: LoadResult }[] = [];
  for (const f of files) {
    const abs = path.resolve(cli.cwd, f);
    const loaded = loadScenario(abs);
    if (!loaded.ok && isRulesFile(abs)) rulesArgs.push(f);
    else plans.push({ abs, loaded });
  }
  if (plans.length === 0) {
    throw new InputError('no plans to check: every file given is a rules file (e.g. icbsim check plans/*.yaml --rules rules.yaml)');
  }
  const rulesFiles: LoadedRules[] = [];
  const brokenRules: PlanError[] = [];
  for (const r of rulesArgs) {
    const abs = path.resolve(cli.cwd, r);
    const loaded = loadRules(abs);
    if (loaded.ok) rulesFiles.push(loaded.loaded);
    else if (opts.format === 'text') throw new InputError(`cannot use the rules file \`${r}\``, loaded.diagnostics, loaded.sources);
    else brokenRules.push(planError(cli, displayPath(cli.cwd, abs), loaded.diagnostics, loaded.sources));
  }
  // A broken rules file means nothing can be checked against it: no plan is run, but CI still
  // gets its JUnit error or annotation at the rules file's line.
  const report = checkReport(brokenRules.length > 0 ? brokenRules : plans.map((p) => checkOne(cli, p.abs, p.loaded, rulesFiles)));

  const errors = report.entries.filter((e): e is PlanError => e.kind === 'error');
  // Diagnostics always reach stderr; the structured formats carry them too, for CI.
  for (const e of errors) cli.stderr.write(e.display);
  const render: Record<Format, () => string> = {
    text: () => renderCheckText(report, useColor(cli, cli.stdout, opts.color)),
    json: () => renderCheckJson(report),
    junit: () => renderJunit(report),
    github: () => renderGithub(report),
  };
  cli.stdout.write(render[opts.format]());
  if (errors.length > 0) return EXIT.BAD_INPUT;
  const failed = report.entries.some((e) => e.kind === 'plan' && e.rules.some((r) => !r.passed));
  return failed ? EXIT.CHECK_FAILED : EXIT.OK;
}

const RULES_KEYS = new Set(['name', 'description', 'checks']);

/**
 * A file holding only a rule set's keys, with `checks` (after any `extends` is merged). Such a
 * file can never be a valid plan, which needs base_year, years, allocation and lines, so reading
 * it as rules takes nothing away. Asked only of files that failed to load as a plan.
 */
function isRulesFile(abs: string): boolean {
  const t = loadTree(abs);
  if (!t.ok || t.loaded.tree.kind !== 'map') return false;
  const keys = [...t.loaded.tree.entries.keys()];
  return keys.includes('checks') && keys.every((k) => RULES_KEYS.has(k));
}

function checkOne(cli: Cli, abs: string, loaded: LoadResult, rulesFiles: LoadedRules[]): PlanResult | PlanError {
  if (!loaded.ok) return planError(cli, displayPath(cli.cwd, abs), loaded.diagnostics, loaded.sources);
  const plan = { ...loaded.scenario, file: displayPath(cli.cwd, abs) };
  const sets: RuleSet[] = [
    { checks: plan.spec.checks ?? [], where: ruleAt(plan.tree) },
    ...rulesFiles.map((r) => ({ checks: r.rules.checks, where: ruleAt(r.tree) })),
  ];
  // Rules files were validated on their own; what depends on the plan is validated here.
  const problems: Diagnostic[] = [];
  const allSources = new Map(plan.sources);
  for (const r of rulesFiles) {
    for (const p of validateChecksForPlan(r.rules.checks, plan.spec)) {
      problems.push(diagnosticFromLoc(locate(r.tree, p.path, p.at), `${p.message} (applying the rules to ${plan.file})`));
    }
    for (const [k, v] of r.sources) allSources.set(k, v);
  }
  if (problems.length > 0) return planError(cli, plan.file, problems, allSources);
  return planResult(plan.file, runScenario(plan.spec, plan.name), sets);
}

function planError(cli: Cli, file: string, diagnostics: Diagnostic[], sources: Map<string, string>): PlanError {
  const show = (color: boolean) => formatDiagnostics(diagnostics, sources, { color, width: outputWidth(cli, cli.stderr) });
  return { kind: 'error', file, diagnostics, text: show(false), display: show(useColor(cli, cli.stderr)) };
}
