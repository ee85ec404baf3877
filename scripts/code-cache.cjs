'use strict';
/**
 * Makes dist/bundle/icbsim.cache, V8's compiled code for dist/bundle/icbsim.cjs (bin/bundle.cjs
 * reads it), after running the commands whose start-up matters most: `icbsim run` of the default
 * scenario and `icbsim check` of it. The cache then holds every function those runs compiled;
 * other commands compile what else they need as usual. Run by scripts/build-cli.mjs.
 */
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { loadBundle, CACHE } = require('../bin/bundle.cjs');

const REPO = join(__dirname, '..');
const DEFAULT = join(REPO, 'scenarios', 'default.yaml');
const sink = { write: () => true, isTTY: false };
const COMMANDS = [
  ['run'],
  ['run', DEFAULT],
  ['check', DEFAULT],
];

async function main() {
  const { exports, script, id } = loadBundle({ useCache: false });
  for (const args of COMMANDS) {
    const code = await exports.main(['node', 'icbsim', ...args], { stdout: sink, stderr: sink, env: {}, cwd: REPO });
    if (code > 1) throw new Error(`icbsim ${args.join(' ')} exited ${code} while making the code cache`);
  }
  writeFileSync(CACHE, Buffer.concat([Buffer.from(`${id}\n`), script.createCachedData()]));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
