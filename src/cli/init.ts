/**
 * `icbsim init [--icb NAME] [FILE]`: a commented starter scenario a new user can edit. With `--icb`
 * it is sized from that ICB's row of the allocations table and extends the national assumptions.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../io/input-error.js';
import { findIcb, parseAllocationsCsv, presetYaml, starterYaml, type IcbRow } from '../model/presets.js';
import { PACKAGE_PREFIX, PACKAGE_SCENARIOS } from '../io/package-files.js';
import type { Wrap } from './commands.js';
import { writeOut } from './write-output.js';
import { EXIT, type Cli } from './context.js';

export const ALLOCATIONS_CSV = path.join(PACKAGE_SCENARIOS, 'data', 'icb-allocations-2025-26.csv');
export const NATIONAL_ASSUMPTIONS = path.join(PACKAGE_SCENARIOS, 'national', 'planning-2025-26.yaml');
export const SCHEMA_FILE = path.join(PACKAGE_SCENARIOS, '..', 'schema', 'scenario.schema.json');

export interface InitOptions {
  icb?: string;
  force?: boolean;
  data?: string;
  national?: string;
}

export function registerInit(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('init')
    .description('write a commented starter scenario (no FILE: print it); --icb sizes it from an ICB\'s allocation')
    .argument('[file]', 'where to write the scenario')
    .option('--icb <name>', 'an ICB name or code, e.g. "Cambridgeshire and Peterborough" or QUE (`list`: print every ICB the table knows)')
    .option('--force', 'overwrite FILE if it exists')
    .option('--data <csv>', 'the ICB allocations table to read (default: the shipped 2025/26 table)')
    .option('--national <yaml>', 'the national assumptions to extend (default: the shipped 2025/26 file)')
    .action(wrap((file: string | undefined, opts: InitOptions) => initCommand(cli, file, opts)));
}

export async function initCommand(cli: Cli, file: string | undefined, opts: InitOptions): Promise<number> {
  if (opts.icb?.trim().toLowerCase() === 'list') {
    for (const r of readRows(cli, opts.data)) cli.stdout.write(`${r.code}  ${r.name}  (${r.region}; ${r.status})\n`);
    return EXIT.OK;
  }
  const target = file === undefined ? undefined : path.resolve(cli.cwd, file);
  if (target !== undefined && existsSync(target) && opts.force !== true) {
    throw new InputError(`\`${file}\` already exists; use --force to overwrite it`);
  }
  // Paths inside the file are relative to where it will live, so it still loads after a move of the whole folder.
  const here = target === undefined ? cli.cwd : path.dirname(target);
  const rel = (to: string) => {
    const r = path.relative(here, to);
    return (path.isAbsolute(r) ? r : r.split(path.sep).join('/')) || '.';
  };
  const schemaPath = existsSync(SCHEMA_FILE) ? rel(SCHEMA_FILE) : undefined;

  let text: string;
  if (opts.icb === undefined) {
    text = starterYaml(schemaPath);
  } else {
    const row = chooseIcb(readRows(cli, opts.data), opts.icb);
    const national = opts.national === undefined ? NATIONAL_ASSUMPTIONS : path.resolve(cli.cwd, opts.national);
    if (!existsSync(national)) throw new InputError(`national assumptions file \`${opts.national ?? national}\` not found`);
    // The shipped national file is named inside the package, so the plan survives a move or a colleague's machine.
    const extendsPath = opts.national === undefined ? `${PACKAGE_PREFIX}national/planning-2025-26.yaml` : rel(national);
    text = presetYaml(row, { extendsPath, schemaPath });
  }

  if (target === undefined || file === undefined) {
    cli.stdout.write(text);
  } else {
    writeOut(target, file, text);
    cli.stderr.write(`icbsim: wrote ${file}; run it with \`icbsim run ${file}\`\n`);
  }
  return EXIT.OK;
}

function readRows(cli: Cli, data: string | undefined): IcbRow[] {
  const file = data === undefined ? ALLOCATIONS_CSV : path.resolve(cli.cwd, data);
  const shown = data ?? file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read allocations table \`${shown}\`: ${code === 'ENOENT' ? 'no such file' : String(code)}`);
  }
  const parsed = parseAllocationsCsv(text, shown);
  if (!parsed.ok) throw new InputError(`the allocations table has problems:\n  ${parsed.problems.join('\n  ')}`);
  return parsed.rows;
}

function chooseIcb(rows: IcbRow[], query: string): IcbRow {
  const match = findIcb(rows, query);
  if (match.ok) return match.row;
  if (match.reason === 'ambiguous') {
    const names = match.candidates.map((r) => `  ${r.code}  ${r.name}`).join('\n');
    throw new InputError(`\`${query}\` matches ${match.candidates.length} ICBs; say which:\n${names}`);
  }
  const hint = match.suggestion ? `: did you mean \`${match.suggestion.name}\` (${match.suggestion.code})?` : '';
  throw new InputError(`no ICB called \`${query}\`${hint} (\`icbsim init --icb list\` lists them all)`);
}

