/** `icbsim validate FILE...`: every problem in every file, for people (text) and scripts (json). */
import path from 'node:path';
import { Option, type Command } from 'commander';
import { loadScenario } from '../io/load-scenario.js';
import { runScenario } from '../model/run.js';
import type { Wrap } from './commands.js';
import { EXIT, printDiagnostics, warn, type Cli } from './context.js';

export interface ValidateProblem {
  /** The file the problem is in: a base file named by `extends` may differ from the one given. */
  file: string;
  line: number | null;
  col: number | null;
  message: string;
  hint?: string;
}

export interface ValidateFileResult {
  file: string;
  ok: boolean;
  problems: ValidateProblem[];
  /** Figures worth a look (e.g. a line's need going negative); they do not make a file bad. */
  warnings: string[];
}

export function registerValidate(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('validate')
    .description('check scenario files without running them: every problem in every file')
    .argument('<files...>', 'scenario YAML files')
    .addOption(new Option('-f, --format <format>', 'report format').choices(['text', 'json']).default('text'))
    .action(wrap((files: string[], opts: { format: 'text' | 'json' }) => validateCommand(cli, files, opts)));
}

export async function validateCommand(cli: Cli, files: string[], opts: { format: 'text' | 'json' }): Promise<number> {
  const results: ValidateFileResult[] = [];
  for (const file of files) {
    const loaded = loadScenario(path.resolve(cli.cwd, file));
    if (!loaded.ok) {
      if (opts.format === 'text') printDiagnostics(cli, loaded.diagnostics, loaded.sources);
      results.push({
        file,
        ok: false,
        problems: loaded.diagnostics.map((d) => ({
          file: d.file,
          line: d.line ?? null,
          col: d.col ?? null,
          message: d.message,
          ...(d.hint !== undefined ? { hint: d.hint } : {}),
        })),
        warnings: [],
      });
      continue;
    }
    // Running it too means a file that validates is a file that runs.
    const { warnings } = runScenario(loaded.scenario.spec, loaded.scenario.name);
    if (opts.format === 'text') {
      for (const w of warnings) warn(cli, `${file}: ${w}`);
      cli.stdout.write(`ok: ${file}\n`);
    }
    results.push({ file, ok: true, problems: [], warnings });
  }

  const bad = results.filter((r) => !r.ok);
  if (opts.format === 'json') {
    cli.stdout.write(JSON.stringify({ files: results }, null, 2) + '\n');
  } else if (bad.length > 0) {
    const problems = bad.reduce((n, r) => n + r.problems.length, 0);
    cli.stderr.write(
      `icbsim: ${bad.length} of ${results.length} file${results.length === 1 ? '' : 's'} ` +
        `${bad.length === 1 ? 'has' : 'have'} problems (${problems} problem${problems === 1 ? '' : 's'})\n`,
    );
  }
  return bad.length > 0 ? EXIT.BAD_INPUT : EXIT.OK;
}
