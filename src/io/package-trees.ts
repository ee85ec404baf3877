/**
 * The package's own scenario files (scenarios/, which `extends: icbsim:...` names) parsed when
 * icbsim is built, not at every start: scripts/package-trees.mjs runs parseYamlTree on each one and
 * writes dist/package-trees.cjs, and the bundle carries the same but for the ICB presets and the
 * CI workflow (why: there). Reading the default scenario and the base it extends was about a
 * tenth of `icbsim run`, nearly all of it parsing.
 *
 * A prepared tree is used only for the file it was made from, unchanged: the file is still read,
 * and its text must equal, character for character, the text the tree was made from. Anything
 * else (an edited file, a file outside the package) is parsed as before. parseYamlTree's tree is
 * a function of the text and the name the file is shown under alone, so the prepared tree, given
 * that name, is the very tree parsing would give: the same keys, values and line and column of
 * every key and value, hence the same diagnostics (tests/io/package-trees.test.ts compares them
 * for every package file).
 */
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { PACKAGE_SCENARIOS } from './package-files.js';
import type { Loc, SNode } from './source-tree.js';

type Scalar = string | boolean | null;
type Builders = [
  s: (line: number, col: number, value: Scalar) => SNode,
  n: (line: number, col: number, value: string) => SNode,
  q: (line: number, col: number, items: SNode[]) => SNode,
  m: (line: number, col: number, entries: (string | number | SNode)[]) => SNode,
];
/**
 * By the file's path under scenarios/ (with `/`), a function giving the text the tree was made
 * from and a function building the tree. Functions, so that V8 compiles (and the code cache holds)
 * only the files a run uses, not every shipped file at every start.
 */
export type PackageTrees = Record<string, () => [text: string, tree: (...b: Builders) => SNode]>;

/** The file the generated table is in, beside tsc's dist/ (the bundle has its own copy inside). */
export const PACKAGE_TREES_FILE = join(PACKAGE_SCENARIOS, '..', 'dist', 'package-trees.cjs');

let table: PackageTrees | undefined;
function packageTrees(): PackageTrees {
  if (table !== undefined) return table;
  // The bundle has its table built in (esbuild makes require('icbsim-package-trees') the file
  // itself); tsc's output (the batch workers) and the tests load the whole table from dist/.
  // Without it (a tree that was never built) every file is simply parsed.
  try {
    table = (typeof ICBSIM_BUNDLE !== 'undefined' ? require('icbsim-package-trees') : createRequire(import.meta.url)(PACKAGE_TREES_FILE)) as PackageTrees;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw err;
    table = {};
  }
  return table;
}

// The builders the generated code calls, making exactly the objects fast-yaml.ts makes (the same
// properties in the same order), each location naming the file as it is shown.
let file = '';
const loc = (line: number, col: number): Loc => ({ file, line, col });
const BUILDERS: Builders = [
  (line, col, value) => ({ kind: 'scalar', loc: loc(line, col), value, isNumber: false }),
  (line, col, value) => ({ kind: 'scalar', loc: loc(line, col), value, isNumber: true }),
  (line, col, items) => ({ kind: 'seq', loc: loc(line, col), items }),
  (line, col, flat) => {
    // key, key line, key column, value: four to an entry, in the file's order.
    const entries = new Map<string, { keyLoc: Loc; value: SNode }>();
    for (let i = 0; i < flat.length; i += 4) {
      entries.set(flat[i] as string, { keyLoc: loc(flat[i + 1] as number, flat[i + 2] as number), value: flat[i + 3] as SNode });
    }
    return { kind: 'map', loc: loc(line, col), entries };
  },
];

/** parseYamlTree(text, shownAs) for a package file whose text is the one it was built from; else undefined. */
export function packageTree(abs: string, text: string, shownAs: string): SNode | undefined {
  if (!abs.startsWith(PACKAGE_SCENARIOS)) return undefined;
  const rel = sep === '/' ? abs.slice(PACKAGE_SCENARIOS.length) : abs.slice(PACKAGE_SCENARIOS.length).split(sep).join('/');
  const prepared = Object.hasOwn(packageTrees(), rel) ? packageTrees()[rel]!() : undefined;
  if (prepared === undefined || prepared[0] !== text) return undefined;
  file = shownAs;
  return prepared[1](...BUILDERS);
}
