/** What every command gets from the shell: its streams, colour, and how it reports failure. */
import { formatDiagnostics } from '../io/diagnostics.js';
import type { StdStream } from '../io/std-stream.js';
import type { Diagnostic } from '../model/diagnostic.js';

export const EXIT = { OK: 0, CHECK_FAILED: 1, BAD_INPUT: 2 } as const;

/** What a command writes to: Node's stream, or io/std-stream.ts's own writer for a pipe or a file. */
export type OutStream = StdStream;

export interface Cli {
  stdout: OutStream;
  stderr: OutStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** Set when the command line says --no-color: diagnostics too are then plain. */
  noColor?: boolean;
}

/** Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org) or --no-color. */
export function useColor(cli: Cli, stream: OutStream, flag?: boolean): boolean {
  if (flag === false || cli.noColor === true) return false;
  const noColor = cli.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return false;
  if (cli.env.FORCE_COLOR !== undefined && cli.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}

export function printDiagnostics(cli: Cli, diagnostics: Diagnostic[], sources: Map<string, string>): void {
  if (diagnostics.length > 0) cli.stderr.write(formatDiagnostics(diagnostics, sources, { color: useColor(cli, cli.stderr), width: outputWidth(cli, cli.stderr) }));
}

export function warn(cli: Cli, message: string): void {
  cli.stderr.write(`icbsim: warning: ${message}\n`);
}

/**
 * The width a table on stdout must fit: COLUMNS where it is set (so a CI log, a pipe, can ask for
 * one), else the terminal's; none for a pipe or a file, whose reader may be any width.
 */
export function outputWidth(cli: Cli, stream: OutStream = cli.stdout): number | undefined {
  const columns = cli.env.COLUMNS?.trim();
  if (columns !== undefined && /^[1-9]\d*$/.test(columns)) return Number(columns);
  return stream.isTTY === true ? stream.columns : undefined;
}
