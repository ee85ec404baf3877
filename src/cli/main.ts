/**
 * The command line: commander parses, each command lives in its own file and returns an exit code.
 * Exit codes: 0 success, 1 a check failed, 2 bad input or usage. Never a stack trace.
 */
import { Command, CommanderError } from 'commander';
import { InputError } from '../io/input-error.js';
import { stdStream } from '../io/std-stream.js';
import { EXIT, printDiagnostics, type Cli } from './context.js';
import { registerCommands } from './commands.js';

export type Action = (...args: never[]) => Promise<number>;

export async function buildProgram(cli: Cli, setExit: (code: number) => void, argv: readonly string[]): Promise<Command> {
  const program = new Command('icbsim')
    .description('Multi-year NHS Integrated Care Board finances: exact, scenario-driven projections')
    .version(VERSION, '-V, --version')
    .showHelpAfterError('(run `icbsim --help` for usage)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  icbsim run                                  the shipped default scenario',
        '  icbsim run plan.yaml --lines --format md    every line, as Markdown',
        '  icbsim check plans/*.yaml --rules scenarios/rules/national.yaml',
        '  icbsim compare scenarios/*.yaml --baseline scenarios/do-nothing.yaml',
        '  icbsim run plan.yaml --draws 10000          Monte Carlo risk',
        '',
        'Exit codes: 0 success, 1 a check failed, 2 bad input or usage.',
        'Results go to stdout; diagnostics and progress to stderr. NO_COLOR turns colour off.',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void cli.stdout.write(s),
      writeErr: (s) => void cli.stderr.write(s),
    });
  const wrap =
    (fn: (...args: never[]) => Promise<number>) =>
    async (...args: unknown[]): Promise<void> => {
      setExit(await (fn as (...a: unknown[]) => Promise<number>)(...args));
    };
  await registerCommands(program, cli, wrap, argv);
  return program;
}

const VERSION = '0.1.0';

export async function main(argv: readonly string[], cli: Cli = processCli()): Promise<number> {
  let exit: number = EXIT.OK;
  try {
    const program = await buildProgram(
      cli,
      (code) => {
        exit = code;
      },
      argv,
    );
    await program.parseAsync([...argv]);
    return exit;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander rejects is a usage error.
      return error.exitCode === 0 ? EXIT.OK : EXIT.BAD_INPUT;
    }
    if (error instanceof InputError) {
      printDiagnostics(cli, error.diagnostics, error.sources);
      if (error.message) cli.stderr.write(`icbsim: error: ${error.message}\n`);
      return EXIT.BAD_INPUT;
    }
    const message = error instanceof Error ? error.message : String(error);
    cli.stderr.write(`icbsim: internal error: ${message}\n(this is a bug in icbsim: please report it with the scenario file)\n`);
    return EXIT.BAD_INPUT;
  }
}

export function processCli(): Cli {
  return { stdout: stdStream(1), stderr: stdStream(2), env: process.env, cwd: process.cwd() };
}
