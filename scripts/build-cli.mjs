#!/usr/bin/env node
/**
 * Bundles the command line (src/cli/main.ts and everything it imports, libraries included) into
 * dist/bundle/, which bin/icbsim runs. Start-up was mostly Node finding, reading and compiling a few
 * hundred small modules (commander, zod, yaml, decimal.js and icbsim's own); one minified file per
 * lazily loaded command keeps `icbsim check` from loading the report or the workbook writer. Code
 * splitting keeps every `await import()` a separate chunk, loaded only when that command runs.
 * Worker threads still run tsc's dist/batch/worker.js and dist/mc/worker.js.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'dist', 'bundle');
rmSync(OUT, { recursive: true, force: true });

/**
 * commander requires node:child_process (and with it node:net) at load only to run executable
 * subcommands, which icbsim does not have: about 60 ms of every start. Its copy is a stub that says so.
 */
const noChildProcessForCommander = {
  name: 'no-child-process-for-commander',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(join('node_modules', 'commander')) ? { path: 'child_process-stub', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
      contents: "const no = () => { throw new Error('icbsim has no executable subcommands'); }; module.exports = { spawn: no, execFileSync: no };",
      loader: 'js',
    }));
  },
};

await build({
  plugins: [noChildProcessForCommander],
  entryPoints: { main: join(REPO, 'src', 'cli', 'main.ts') },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Stack traces of an internal error name src/ files and lines (node --enable-source-maps).
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  // exceljs and its zip writer are CommonJS that require() Node's modules: they load as they are.
  external: ['exceljs'],
  // CommonJS libraries inside an ES module bundle still call require() for Node's own modules.
  banner: { js: "import { createRequire as __icbsimRequire } from 'node:module'; const require = __icbsimRequire(import.meta.url);" },
  logLevel: 'warning',
});
