/** `icbsim schema`: the scenario format's JSON Schema, for editors (yaml-language-server) and CI validators. */
import type { Command } from 'commander';
import { scenarioJsonSchemaText } from '../model/json-schema.js';
import { EXIT, type Cli } from './context.js';
import type { Wrap } from './commands.js';

export function registerSchema(program: Command, cli: Cli, wrap: Wrap): void {
  program
    .command('schema')
    .description('print the JSON Schema of the scenario format (e.g. icbsim schema > scenario.schema.json)')
    .action(wrap(() => runSchema(cli)));
}

export async function runSchema(cli: Cli): Promise<number> {
  cli.stdout.write(scenarioJsonSchemaText());
  return EXIT.OK;
}
