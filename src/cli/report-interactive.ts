/**
 * `icbsim report FILE --interactive`: the what-if page. This shell loads the one scenario, runs it
 * once for the figures the page opens with, and hands the data, the file's text and the bundled
 * engine to the pure page renderer.
 */
import path from 'node:path';
import { InputError, requireLoaded } from '../io/input-error.js';
import { loadScenario } from '../io/load-scenario.js';
import { readPageScript } from '../io/page-script.js';
import { toPlain } from '../io/source-tree.js';
import type { Plain } from '../model/input-path.js';
import { scenarioInputs } from '../model/inputs.js';
import { whatIf } from '../model/whatif.js';
import { renderWhatIfPage } from '../render/html/whatif.js';
import { warn, type Cli } from './context.js';

export function buildWhatIfPage(cli: Cli, files: string[], opts: { draws?: string; seed?: string }, version: string, read: string[]): string {
  if (files.length !== 1) {
    throw new InputError(`--interactive makes a page for one scenario file, got ${files.length}: run it once for each (or leave out --interactive to compare them)`);
  }
  if (opts.draws !== undefined || opts.seed !== undefined) {
    throw new InputError('--draws and --seed do not apply to --interactive: the page recomputes the plain run (central values) on every change');
  }
  const file = files[0]!;
  const loaded = loadScenario(path.resolve(cli.cwd, file));
  requireLoaded(loaded);
  const s = loaded.scenario;
  read.push(...s.chain);
  const data = toPlain(s.tree) as Plain;
  const stem = path.basename(file).replace(/\.ya?ml$/i, '');
  const outcome = whatIf(data, stem);
  // loadScenario has validated this very data.
  if (!outcome.ok) throw new InputError(outcome.problems.map((p) => p.message).join('\n'));
  for (const w of outcome.result.warnings) warn(cli, `${file}: ${w}`);
  // A file that extends another is downloaded whole (merged), so the copy stands on its own.
  const source = s.chain.length === 1 ? s.sources.get(s.chain[0]!) : undefined;
  return renderWhatIfPage({
    payload: { data, ...(source === undefined ? {} : { source }), file: path.relative(cli.cwd, path.resolve(cli.cwd, file)) || file, name: stem },
    inputs: scenarioInputs(data),
    result: outcome.result,
    checks: outcome.checks,
    version,
    script: readPageScript(),
  });
}
