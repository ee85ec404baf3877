/** `icbsim schema [--rules]`: the scenario (or rules file) format's JSON Schema, for editors (yaml-language-server) and CI validators. */
import type { Command } from 'commander';
import { rulesJsonSchemaText, scenarioJsonSchemaText } from '../model/json-schema.js';
import { EXIT, type Cli } from './context.js';
import type { Wrap } from './commands.js';

export function registerSchema(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (e.g. icbsim schema > scenario.schema.json)')
    .option('--rules', 'the schema of a rules file (icbsim check --rules) instead')
    .action(wrap((opts: { rules?: boolean }) => runSchema(cli, opts)));
}

export async function runSchema(cli: Cli, opts: { rules?: boolean } = {}): Promise<number> {
  cli.stdout.write(opts.rules ? rulesJsonSchemaText() : scenarioJsonSchemaText());
  return EXIT.OK;
}
