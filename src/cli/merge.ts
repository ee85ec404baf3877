/**
 * `icbsim merge A.yaml B.yaml [C.yaml@40%]... --out NEW.yaml`: one scenario for an ICB formed by
 * merging others (the April 2026 footprints). Reads and validates each file, merges them
 * (src/model/merge.ts), checks that the result is itself a valid scenario, and writes it whole.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { parseYamlTree } from '../io/load-yaml.js';
import { toPlain } from '../io/source-tree.js';
import { Dec } from '../model/decimal.js';
import { mergeScenarios, type MergeInput, type PlainMap } from '../model/merge.js';
import { commentLines } from '../model/presets.js';
import { parseScenario } from '../model/run.js';
import { scenarioYaml } from '../render/scenario-yaml.js';
import type { Wrap } from './commands.js';
import { EXIT, type Cli } from './context.js';
import { SCHEMA_FILE } from './init.js';
import { checkOutPath, writeOut } from './write-output.js';

interface MergeOptions {
  out: string;
  force?: boolean;
}

export function registerMerge(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('merge')
    .description('merge ICB scenarios into one for the merged ICB: base-year money and fair-share targets summed')
    .argument('<files...>', 'two or more scenario files; FILE@40% takes 40% of an ICB split between new footprints')
    .requiredOption('-o, --out <file>', 'where to write the merged scenario')
    .option('--force', 'overwrite --out if it exists')
    .action(wrap((files: string[], opts: MergeOptions) => mergeCommand(cli, files, opts)));
}

/** `C.yaml@40%` → the file and 40%; a share is a rate above 0% and at most 100%. */
export function parseShare(arg: string): { file: string; share: Dec } {
  const at = /^(.*)@([^@/\\]*)$/.exec(arg);
  if (at === null) return { file: arg, share: new Dec(1) };
  const [, file, text] = at as unknown as [string, string, string];
  const pct = /^\s*(\d+(\.\d+)?)\s*%\s*$/.exec(text);
  const share = pct === null ? undefined : new Dec(pct[1]!).dividedBy(100);
  if (share === undefined || share.lte(0) || share.gt(1)) {
    const hint = /^\d+(\.\d+)?$/.test(text.trim()) ? `: write it with a per cent sign, \`${file}@${text.trim()}%\`` : '';
    throw new InputError(`\`${arg}\`: the share after @ must be a rate above 0% and at most 100%, like \`${file}@40%\`${hint}`);
  }
  return { file, share };
}

/** Paragraphs as the lines of one YAML comment (the writer puts `#` before each), a blank `#` between. */
function commentText(paragraphs: readonly string[]): string {
  return paragraphs.map((p) => commentLines(p, 97).split('\n').map((l) => l.replace(/^# ?/, '')).join('\n ')).join('\n\n ');
}

export async function mergeCommand(cli: Cli, args: string[], opts: MergeOptions): Promise<number> {
  if (args.length < 2) throw new InputError('merge needs at least two scenario files (FILE or FILE@share)');
  const parsed = args.map(parseShare);
  const seen = new Set<string>();
  for (const p of parsed) {
    const abs = path.resolve(cli.cwd, p.file);
    if (seen.has(abs)) throw new InputError(`\`${p.file}\` is named twice: give each ICB once (FILE@share for the part of it that joins)`);
    seen.add(abs);
  }
  const out = path.resolve(cli.cwd, opts.out);
  checkOutPath(out, opts.out, seen);
  if (existsSync(out) && opts.force !== true) throw new InputError(`\`${opts.out}\` already exists; use --force to overwrite it`);

  const inputs: MergeInput[] = [];
  for (const p of parsed) {
    const abs = path.resolve(cli.cwd, p.file);
    const loaded = loadScenario(abs);
    if (!loaded.ok) throw new InputError('', loaded.diagnostics, loaded.sources);
    inputs.push({ file: p.file, share: p.share, spec: loaded.scenario.spec, data: toPlain(loaded.scenario.tree) as PlainMap });
  }
  const merged = mergeScenarios(inputs);
  if (!merged.ok) throw new InputError(merged.problems.join('\n'));
  // As `init` does: the editor's schema comment first, its path relative to where the file goes.
  const schema = existsSync(SCHEMA_FILE) ? path.relative(path.dirname(out), SCHEMA_FILE).split(path.sep).join('/') : undefined;
  const comment = `${schema === undefined ? '' : `yaml-language-server: $schema=${schema}\n\n `}${commentText(merged.header)}`;
  const text = scenarioYaml({ data: merged.data, changes: [], name: String(merged.data.name), comment });
  // The merged file must read back as a valid scenario before anything is written.
  const back = parseYamlTree(text, opts.out);
  const again = back.ok ? parseScenario(toPlain(back.tree)) : undefined;
  if (again?.ok !== true) throw new Error(`merge produced a scenario that does not read back: ${again === undefined ? 'not YAML' : again.problems.map((p) => p.message).join('; ')}`);
  writeOut(out, opts.out, text, seen);
  cli.stderr.write(`icbsim: wrote ${opts.out}; run it with \`icbsim run ${opts.out}\`\n`);
  return EXIT.OK;
}
