/** The one place commands are registered: each command file adds itself here with one line. */
import type { Command } from 'commander';
import type { Cli } from './context.js';
import { registerRun } from './run.js';
import { registerExplain } from './explain.js';
import { registerSweep } from './sweep.js';
import { registerTornado } from './tornado.js';
import { registerSolve } from './solve.js';
import { registerValidate } from './validate.js';
import { registerCheck } from './check.js';
import { registerBatch } from './batch.js';
import { registerCompare } from './compare.js';
import { registerDiff } from './diff.js';
import { registerSchema } from './schema.js';
import { registerReport } from './report.js';
import { registerInit } from './init.js';

export type Wrap = (fn: (...args: never[]) => Promise<number>) => (...args: unknown[]) => Promise<void>;

export function registerCommands(program: Command, cli: Cli, wrap: Wrap): void {
  void program;
  void cli;
  void wrap;
  registerRun(program, cli, wrap);
  registerExplain(program, cli, wrap);
  registerSweep(program, cli, wrap);
  registerTornado(program, cli, wrap);
  registerSolve(program, cli, wrap);
  registerValidate(program, cli, wrap);
  registerCheck(program, cli, wrap);
  registerBatch(program, cli, wrap);
  registerCompare(program, cli, wrap);
  registerDiff(program, cli, wrap);
  registerSchema(program, cli, wrap);
  registerReport(program, cli, wrap);
  registerInit(program, cli, wrap);
}
