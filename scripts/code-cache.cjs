'use strict';
/**
 * Makes dist/bundle/icbsim.cache, V8's compiled code for dist/bundle/icbsim.cjs (bin/bundle.cjs
 * reads it), after running the commands whose start-up matters most: `icbsim run` of the default
 * scenario and `icbsim check` of it, and `icbsim run` of a plan of the user's own. The cache then
 * holds every function those runs compiled; other commands compile what else they need as usual.
 * Run by scripts/build-cli.mjs.
 */
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');
const { loadBundle, CACHE } = require('../bin/bundle.cjs');

const REPO = join(__dirname, '..');
const DEFAULT = join(REPO, 'scenarios', 'default.yaml');
// The package's own files come parsed with the bundle (src/io/package-trees.ts), so the default
// scenario's runs never parse YAML: a plan outside the package, extending the package's base as
// users' plans do, puts the YAML parser's functions in the cache too.
const OWN = join(mkdtempSync(join(tmpdir(), 'icbsim-code-cache-')), 'plan.yaml');
writeFileSync(OWN, readFileSync(DEFAULT, 'utf8').replace(/^extends: base\.yaml$/m, 'extends: icbsim:base.yaml'));
const sink = { write: () => true, isTTY: false };
const COMMANDS = [
  ['run'],
  ['run', DEFAULT],
  ['check', DEFAULT],
  ['run', OWN],
];

async function main() {
  let bundle;
  try {
    bundle = loadBundle({ useCache: false });
    for (const args of COMMANDS) {
      const code = await bundle.exports.main(['node', 'icbsim', ...args], { stdout: sink, stderr: sink, env: {}, cwd: REPO });
      if (code > 1) throw new Error(`icbsim ${args.join(' ')} exited ${code} while making the code cache`);
    }
  } finally {
    rmSync(join(OWN, '..'), { recursive: true, force: true });
  }
  writeFileSync(CACHE, Buffer.concat([Buffer.from(`${bundle.id}\n`), bundle.script.createCachedData()]));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
