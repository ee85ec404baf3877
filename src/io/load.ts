import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import type { Problem } from '../model/issues.js';
import { diagnosticFromLoc, inReadingOrder } from './diagnostics.js';
import { parseYamlTree } from './load-yaml.js';
import { PACKAGE_SCENARIOS, packageRef } from './package-files.js';
import { packageTree } from './package-trees.js';
import { readSourceFile } from './read-source.js';
import { locate, mergeTrees, toPlain, type Loc, type SNode } from './source-tree.js';

export interface Loaded {
  tree: SNode;
  data: unknown;
  sources: Map<string, string>;
  chain: string[];
}

/** A load that could not be used: its problems, located, and the text of every file read, to quote. */
export interface FailedLoad {
  ok: false;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
}

type LoadResult = { ok: true; loaded: Loaded } | FailedLoad;

/** The model's problems with a loaded file, each at its file, line and column, top to bottom. */
export function locatedFailure(loaded: Loaded, problems: readonly Problem[]): FailedLoad {
  const diagnostics = problems.map((p) => diagnosticFromLoc(locate(loaded.tree, p.path, p.at), p.message));
  return { ok: false, diagnostics: inReadingOrder(diagnostics, loaded.chain), sources: loaded.sources };
}

const MAX_DEPTH = 20;

/** The file that named a base, and where its `extends:` value is. */
interface Referrer {
  abs: string;
  display: string;
  extendsLoc: Loc;
}

export function loadTree(path: string): LoadResult {
  const sources = new Map<string, string>();
  const chain: string[] = [];
  const result = loadOne(resolve(path), [], sources, chain);
  if (!result.ok) return { ok: false, diagnostics: result.diagnostics, sources };
  return { ok: true, loaded: { tree: result.tree, data: toPlain(result.tree), sources, chain } };
}

function loadOne(
  abs: string,
  referrers: Referrer[],
  sources: Map<string, string>,
  chain: string[],
): { ok: true; tree: SNode } | { ok: false; diagnostics: Diagnostic[] } {
  const display = displayPath(abs);
  const parent = referrers.at(-1);
  const chainText = () => [...referrers.map((r) => r.display), display].join(' → ');
  const atParent = (message: string, hint?: string) => ({
    ok: false as const,
    diagnostics: [parent ? diagnosticFromLoc(parent.extendsLoc, message, hint) : { file: display, message }],
  });

  if (referrers.some((r) => r.abs === abs)) return atParent(`extends cycle: ${chainText()}`);
  if (referrers.length >= MAX_DEPTH) {
    return atParent(`extends chain is too long (more than ${MAX_DEPTH} files): ${chainText()}`);
  }

  const read = readSourceFile(display);
  if (!read.ok) {
    if (!parent) return read;
    const first = read.diagnostics[0];
    return atParent(
      `cannot load base file \`${display}\`: ${first?.message ?? 'unreadable'} (extends chain: ${chainText()})`,
      first?.hint,
    );
  }
  sources.set(display, read.text);
  chain.push(display);

  const prepared = packageTree(abs, read.text, display);
  const parsed = prepared !== undefined ? { ok: true as const, tree: prepared } : parent ? parseBase(read.text, display) : parseYamlTree(read.text, display);
  if (!parsed.ok) {
    if (!parent) return parsed;
    // Like a compiler's "in file included from", but as a hint on the base's first problem, so
    // each problem is one message and a count of problems counts only real ones.
    const at = `${parent.display}:${parent.extendsLoc.line}:${parent.extendsLoc.col}`;
    const via = `${display} is a base file, named by \`extends\` at ${at} (extends chain: ${chainText()})`;
    const [first, ...rest] = parsed.diagnostics;
    if (first === undefined) return parsed;
    return { ok: false, diagnostics: [{ ...first, hint: first.hint === undefined ? via : `${first.hint}; ${via}` }, ...rest] };
  }
  const tree = parsed.tree;
  if (tree.kind !== 'map') return parsed;
  const ext = tree.entries.get('extends');
  if (!ext) return parsed;

  const own: SNode = { ...tree, entries: new Map(tree.entries) };
  own.entries.delete('extends');
  const v = ext.value;
  if (v.kind !== 'scalar' || typeof v.value !== 'string' || v.isNumber || v.value.trim() === '') {
    return {
      ok: false,
      diagnostics: [
        diagnosticFromLoc(v.loc, '`extends` must be the path of another scenario file', 'e.g. `extends: base.yaml`'),
      ],
    };
  }
  const fromPackage = packageRef(v.value);
  if (fromPackage !== undefined && !fromPackage.ok) {
    return { ok: false, diagnostics: [diagnosticFromLoc(v.loc, fromPackage.message, fromPackage.hint)] };
  }
  if (fromPackage !== undefined && !existsSync(fromPackage.abs)) {
    return {
      ok: false,
      diagnostics: [
        diagnosticFromLoc(
          v.loc,
          `cannot load base file \`${v.value}\`: the installed icbsim package has no such file (looked for ${fromPackage.abs})`,
          `the package's own files are under ${PACKAGE_SCENARIOS}`,
        ),
      ],
    };
  }
  const base = loadOne(
    fromPackage?.abs ?? resolve(dirname(abs), v.value),
    [...referrers, { abs, display, extendsLoc: v.loc }],
    sources,
    chain,
  );
  if (!base.ok) return base;
  return { ok: true, tree: mergeTrees(base.tree, own) };
}

/**
 * Base files parsed in this process, by the name they are shown under. A batch of plans that all
 * extend one base parses it once. Only the parse is kept: the file is still read each time and
 * reused only when its text is unchanged, and every message about the chain is made afresh, so a
 * cached parse gives exactly what parsing again would (parseYamlTree depends on text and name
 * alone; trees are never modified after parsing). Failed parses are not kept.
 */
const baseCache = new Map<string, { text: string; tree: SNode }>();
const BASE_CACHE_SIZE = 32;

function parseBase(text: string, display: string): ReturnType<typeof parseYamlTree> {
  const hit = baseCache.get(display);
  if (hit !== undefined && hit.text === text) return { ok: true, tree: hit.tree };
  const parsed = parseYamlTree(text, display);
  if (parsed.ok) {
    baseCache.delete(display);
    // Oldest first out: a long-running process that meets many bases keeps only the recent ones.
    if (baseCache.size >= BASE_CACHE_SIZE) baseCache.delete(baseCache.keys().next().value!);
    baseCache.set(display, { text, tree: parsed.tree });
  }
  return parsed;
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? abs : rel;
}
