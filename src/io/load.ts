import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { diagnosticFromLoc, type Diagnostic } from './diagnostics.js';
import { parseYamlTree } from './load-yaml.js';
import { readSourceFile } from './read-source.js';
import { mergeTrees, toPlain, type Loc, type SNode } from './source-tree.js';

export interface Loaded {
  tree: SNode;
  data: unknown;
  sources: Map<string, string>;
  chain: string[];
}

type LoadResult =
  | { ok: true; loaded: Loaded }
  | { ok: false; diagnostics: Diagnostic[]; sources: Map<string, string> };

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

  const parsed = parseYamlTree(read.text, display);
  if (!parsed.ok) {
    if (!parent) return parsed;
    // Like a compiler's "in file included from": say which extends led here.
    const via = atParent(`base file \`${display}\` has errors (extends chain: ${chainText()})`);
    return { ok: false, diagnostics: [...via.diagnostics, ...parsed.diagnostics] };
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
  const base = loadOne(
    resolve(dirname(abs), v.value),
    [...referrers, { abs, display, extendsLoc: v.loc }],
    sources,
    chain,
  );
  if (!base.ok) return base;
  return { ok: true, tree: mergeTrees(base.tree, own) };
}

/** Relative to the working directory when inside it, else absolute. */
function displayPath(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel === '' || rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? abs : rel;
}
