/**
 * Writes dist/package-trees.cjs: every scenario file the package ships (scenarios/, what `extends:
 * icbsim:...` can name) parsed by icbsim's own parser (tsc's dist/io/load-yaml.js, so run after
 * tsc), as code that builds the same tree again, with the text it was made from. At run time
 * src/io/package-trees.ts uses a tree only when the file read has exactly that text (why: there).
 * Run by scripts/build-cli.mjs, which builds into the bundle dist/bundle-package-trees.cjs, the
 * same less the 42 ICB presets and the CI workflow: every start reads the whole bundle, and the
 * presets' 170 kB of text (with their trees, 260 kB) made each start 0.2 to 0.4 ms slower, for runs
 * that read a preset (which then parse it, as before) or, in a batch, take tsc's output and so the
 * whole table.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Files under scenarios/ that the bundle's table leaves out (why: above). */
const NOT_IN_BUNDLE = /^(?:presets|ci)\//;
export const BUNDLE_TREES_FILE = 'bundle-package-trees.cjs';

/** Writes both tables for the package at `repo`. */
export async function writePackageTrees(repo) {
  const { parseYamlTree } = await import(pathToFileURL(join(repo, 'dist', 'io', 'load-yaml.js')).href);
  const { PACKAGE_TREES_FILE } = await import(pathToFileURL(join(repo, 'dist', 'io', 'package-trees.js')).href);
  const scenarios = join(repo, 'scenarios');
  const files = readdirSync(scenarios, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
    .map((d) => relative(scenarios, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
  const head = "'use strict';\n// Made by scripts/package-trees.mjs from scenarios/ when icbsim is built: do not edit.\nmodule.exports = {\n";
  let out = head;
  let inBundle = head;
  for (const rel of files) {
    const text = readFileSync(join(scenarios, rel), 'utf8');
    // The tree names its file at run time (the builders' `file`): any name gives the same nodes.
    const parsed = parseYamlTree(text, '');
    // A file that does not parse (none is shipped, but a table never holds a failure) is parsed at run time.
    if (!parsed.ok) continue;
    const entry = `${JSON.stringify(rel)}: () => [${JSON.stringify(text)}, (s, n, q, m) => ${code(parsed.tree)}],\n`;
    out += entry;
    if (!NOT_IN_BUNDLE.test(rel)) inBundle += entry;
  }
  writeFileSync(PACKAGE_TREES_FILE, `${out}};\n`);
  writeFileSync(join(repo, 'dist', BUNDLE_TREES_FILE), `${inBundle}};\n`);
}

/** The builders' calls that make `node` (src/io/package-trees.ts's BUILDERS, in the order s, n, q, m). */
function code(node) {
  const at = `${node.loc.line},${node.loc.col}`;
  switch (node.kind) {
    case 'scalar':
      return node.isNumber ? `n(${at},${JSON.stringify(node.value)})` : `s(${at},${JSON.stringify(node.value)})`;
    case 'seq':
      return `q(${at},[${node.items.map(code).join(',')}])`;
    case 'map':
      return `m(${at},[${[...node.entries].map(([key, { keyLoc, value }]) => `${JSON.stringify(key)},${keyLoc.line},${keyLoc.col},${code(value)}`).join(',')}])`;
  }
  throw new Error(`unknown node kind ${node.kind}`);
}
