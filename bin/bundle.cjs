'use strict';
/**
 * Loads dist/bundle/icbsim.cjs, the whole command line in one file (scripts/build-cli.mjs), with
 * V8's code cache made at build time (scripts/code-cache.cjs): the bundle is then neither parsed
 * nor compiled again, which was most of every start. A cache that does not fit (another build,
 * another Node) is ignored and the bundle compiles as usual. Under `node --enable-source-maps` the
 * bundle loads through require() instead, the one way Node 20 maps its stack traces back to src/.
 */
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'icbsim.cjs');
const CACHE = join(__dirname, '..', 'dist', 'bundle', 'icbsim.cache');

/** The build named on the bundle's last line (`//# icbsim-build <id>`). */
function buildId(source) {
  const m = /\/\/# icbsim-build (\w+)\n$/.exec(source.slice(-64));
  return m === null ? undefined : m[1];
}

/** The cache for this build: its file is the build id, a newline, then V8's data. */
function cacheFor(id) {
  let data;
  try {
    data = readFileSync(CACHE);
  } catch {
    return undefined;
  }
  // Compared as text and passed on as a view of the same bytes: Buffer's own subarray and equals
  // are JavaScript that Node compiles at their first call, at every start.
  const header = `${id}\n`;
  if (id === undefined || data.toString('latin1', 0, header.length) !== header) return undefined;
  return new Uint8Array(data.buffer, data.byteOffset + header.length, data.length - header.length);
}

/**
 * The bundle's text. A checkout that was never built, or pulled and not rebuilt (its bundle from
 * before the build wrote the wrapper, scripts/build-cli.mjs's banner), says what to do instead of
 * failing with a stack trace.
 */
function readBundle() {
  let source;
  // The build makes the bundle pure ASCII (scripts/build-cli.mjs checks), so Latin-1 reads it exactly, at
  // half the cost of decoding it as UTF-8.
  try {
    source = readFileSync(BUNDLE).toString('latin1');
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  if (source === undefined || !source.startsWith('(typeof arguments')) {
    const what = source === undefined ? 'is missing' : 'is from an older build of icbsim';
    process.stderr.write(`icbsim: ${BUNDLE} ${what}: run \`npm run build\`\n`);
    process.exit(2);
  }
  return source;
}

/** The bundle's exports, the script they came from and its build id (scripts/code-cache.cjs makes the cache from these). */
function loadBundle({ useCache = true } = {}) {
  if (process.sourceMapsEnabled) return { exports: require('../dist/bundle/icbsim.cjs'), script: undefined };
  const source = readBundle();
  const id = buildId(source);
  // The file is its own CommonJS wrapper (scripts/build-cli.mjs): the script's value is the function.
  const script = new Script(source, { filename: BUNDLE, cachedData: useCache ? cacheFor(id) : undefined });
  const module = { exports: {}, id: BUNDLE, filename: BUNDLE };
  // This file's own require finds what the bundle requires (Node's modules, and exceljs from the package's
  // node_modules) as one made for the bundle's path would: both files are in the package, neither has a
  // node_modules folder of its own. Making one (node:module's createRequire) loaded parts of Node's ES
  // module loader at every start, about 0.3 ms.
  script.runInThisContext()(module.exports, require, module, BUNDLE, join(BUNDLE, '..'));
  return { exports: module.exports, script, id };
}

module.exports = { loadBundle, CACHE };
