#!/usr/bin/env node
/**
 * Bundles the command line (src/cli/main.ts and everything it imports, libraries included, and the
 * package's scenario files parsed by scripts/package-trees.mjs) into one minified CommonJS file,
 * dist/bundle/icbsim.cjs, and then makes V8's code cache for it (scripts/code-cache.cjs), which
 * bin/icbsim hands to V8 so that a start skips parsing and compiling the bundle. Start-up was
 * mostly Node finding, reading and compiling modules; Node 20 can take a code cache only for a
 * script (vm.Script), not for an ES module, hence CommonJS. The commands stay lazy inside the one
 * file: esbuild turns each `await import()` into a function that runs that command's modules only
 * when it is called, so `icbsim check` never runs the report's or the workbook's module code, and
 * the code cache holds only what the commands it was made with ran.
 * Worker threads still run tsc's dist/batch/worker.js and dist/mc/worker.js.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
// cli-table3's slow spots are patched as it is bundled, each for the same answer (why and how: there).
import { cliTable3Patches } from './cli-table3-patches.cjs';
import { BUNDLE_TREES_FILE, writePackageTrees } from './package-trees.mjs';
// Only js-yaml's event parser is bundled, without the tags and schemas it would set up (why: there).
import { jsYamlEvents } from './js-yaml-events.cjs';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(REPO, 'dist', 'bundle');
const BUNDLE = join(OUT, 'icbsim.cjs');
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

/** The libraries' string-width goes through scripts/ascii-string-width.cjs (why: there). */
const ASCII_STRING_WIDTH = join(REPO, 'scripts', 'ascii-string-width.cjs');
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (args) => (args.importer === ASCII_STRING_WIDTH ? undefined : { path: ASCII_STRING_WIDTH }));
  },
};

/** The package's scenario files, parsed now (scripts/package-trees.mjs), go into the bundle (all but the presets and the CI workflow). */
await writePackageTrees(REPO);
const packageTrees = {
  name: 'package-trees',
  setup(b) {
    b.onResolve({ filter: /^icbsim-package-trees$/ }, () => ({ path: join(REPO, 'dist', BUNDLE_TREES_FILE) }));
  },
};

await build({
  plugins: [noChildProcessForCommander, asciiStringWidth, cliTable3Patches, packageTrees, jsYamlEvents],
  entryPoints: [join(REPO, 'src', 'cli', 'main.ts')],
  outfile: BUNDLE,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  // Stack traces name src/ files and lines under `node --enable-source-maps` (bin/bundle.cjs).
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'linked',
  // exceljs and its zip writer are CommonJS that require() Node's modules: they load as they are,
  // through require(): a script run by vm.Script has no import() of its own (bin/bundle.cjs).
  external: ['exceljs'],
  supported: { 'dynamic-import': false },
  // The sources find their package's files from import.meta.url, which CommonJS spells differently:
  // the banner's __icbsimModule makes the URL only when asked for (making a file URL costs every
  // start that never needs one). ICBSIM_BUNDLE: what src/io loads on first use it loads with the
  // bundle's own require(), so the bundled copy (yaml, js-yaml's event parser, the package's
  // prepared trees), and without node:module (src/io/bundle.d.ts).
  define: { 'import.meta.url': '__icbsimModule.url', 'import.meta.dirname': '__dirname', ICBSIM_BUNDLE: 'true' },
  // The bundle comes already inside the function CommonJS would wrap it in, so bin/bundle.cjs hands
  // V8 the file's text as it is read: wrapping it there made a second copy of 700 kB of text at every
  // start, and with it a garbage collection. Run as a script (bin/bundle.cjs), it gives back that
  // function; run by require() (under --enable-source-maps), where `arguments` are the module's, it
  // calls the function with them.
  banner: {
    js: `(typeof arguments === 'object' ? (f) => f.apply(this, arguments) : (f) => f)(function (exports, require, module, __filename, __dirname) {
const __icbsimModule = { get url() { return require('node:url').pathToFileURL(__filename).href; } };`,
  },
  footer: { js: '});' },
  logLevel: 'warning',
});

// bin/bundle.cjs reads the bundle as Latin-1, exact only for ASCII. esbuild escapes every other
// character in strings and names, but leaves a regular expression's as written.
const bundled = readFileSync(BUNDLE);
const nonAscii = /[^\x00-\x7f]/.exec(bundled.toString('latin1'));
if (nonAscii !== null) {
  const around = bundled.toString('utf8').slice(Math.max(0, nonAscii.index - 60), nonAscii.index + 20);
  throw new Error(`dist/bundle/icbsim.cjs is not ASCII (near ${JSON.stringify(around)}): write the character as \\uXXXX in the source`);
}

// The bundle's last line names its build, and the code cache starts with the same name, so a
// cache from another build is never used (V8 itself checks only the source's length).
const id = createHash('sha256').update(bundled).digest('hex').slice(0, 16);
writeFileSync(BUNDLE, `\n//# icbsim-build ${id}\n`, { flag: 'a' });

const made = spawnSync(process.execPath, [join(REPO, 'scripts', 'code-cache.cjs')], { cwd: REPO, stdio: 'inherit' });
if (made.status !== 0) throw new Error(`scripts/code-cache.cjs exited ${made.status}`);
