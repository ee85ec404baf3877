/**
 * The one place commands are registered: each command file adds itself here with one line.
 *
 * Commands are loaded lazily: `icbsim check plan.yaml` in CI loads the check command and what it
 * needs, not the HTML report, the workbook writer or the Monte Carlo pool. Start-up is most of the
 * time a one-file check takes, so this is the difference between ~0.8 s and ~0.4 s per call.
 * Help, `--version` and anything unrecognised load every command so the listing is complete.
 */
import type { Command } from 'commander';
import type { Cli } from './context.js';

export type Wrap = (fn: (...args: never[]) => Promise<number>) => (...args: unknown[]) => Promise<void>;
type Register = (program: Command, cli: Cli, wrap: Wrap) => void;

/** In the order `icbsim --help` lists them. */
const COMMANDS: readonly (readonly [string, () => Promise<Register>])[] = [
  ['run', async () => (await import('./run.js')).registerRun],
  ['explain', async () => (await import('./explain.js')).registerExplain],
  ['sweep', async () => (await import('./sweep.js')).registerSweep],
  ['tornado', async () => (await import('./tornado.js')).registerTornado],
  ['solve', async () => (await import('./solve.js')).registerSolve],
  ['validate', async () => (await import('./validate.js')).registerValidate],
  ['check', async () => (await import('./check.js')).registerCheck],
  ['batch', async () => (await import('./batch.js')).registerBatch],
  ['compare', async () => (await import('./compare.js')).registerCompare],
  ['diff', async () => (await import('./diff.js')).registerDiff],
  ['bridge', async () => (await import('./bridge.js')).registerBridge],
  ['schema', async () => (await import('./schema.js')).registerSchema],
  ['report', async () => (await import('./report.js')).registerReport],
  ['init', async () => (await import('./init.js')).registerInit],
  ['merge', async () => (await import('./merge.js')).registerMerge],
];

/** The command a command line names: its first word that is not an option (the program has none that take a value). */
export function commandNamed(argv: readonly string[]): string | undefined {
  return argv.slice(2).find((a) => !a.startsWith('-'));
}

export async function registerCommands(program: Command, cli: Cli, wrap: Wrap, argv: readonly string[]): Promise<void> {
  const named = commandNamed(argv);
  // `icbsim --version` lists no commands: loading them all was most of its time.
  if (named === undefined && argv.slice(2).some((a) => a === '-V' || a === '--version')) return;
  const wanted = COMMANDS.filter(([name]) => name === named);
  const registers = await Promise.all((wanted.length > 0 ? wanted : COMMANDS).map(([, load]) => load()));
  for (const register of registers) register(program, cli, wrap);
  for (const command of program.commands) {
    // Every command takes --no-color, so a script can pass it to any of them; the commands with
    // colour of their own declare it with their own help text.
    if (!command.options.some((o) => o.long === '--no-color')) command.option('--no-color', 'no colour, even on a terminal');
    // A mistake in `icbsim run ...` is answered by run's own options, not the list of commands.
    command.showHelpAfterError(`(run \`icbsim ${command.name()} --help\` for usage)`);
  }
  program.hook('preAction', (_program, action) => {
    if (action.opts().color === false) cli.noColor = true;
  });
}
