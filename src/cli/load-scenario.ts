/** File → parsed scenario → validated model: every problem located at its file, line and column. */
import path from 'node:path';
import { diagnosticFromLoc, type Diagnostic } from '../io/diagnostics.js';
import { loadTree } from '../io/load.js';
import { locate, type SNode } from '../io/source-tree.js';
import { parseScenario } from '../model/run.js';
import type { ScenarioSpec } from '../model/schema.js';

export interface LoadedScenario {
  file: string;
  /** The scenario's name, or the file's name without its extension. */
  name: string;
  spec: ScenarioSpec;
  tree: SNode;
  sources: Map<string, string>;
  chain: string[];
}

export type LoadResult =
  | { ok: true; scenario: LoadedScenario }
  | { ok: false; diagnostics: Diagnostic[]; sources: Map<string, string> };

export function loadScenario(file: string): LoadResult {
  const loaded = loadTree(file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics, sources: loaded.sources };
  const { tree, data, sources, chain } = loaded.loaded;
  const parsed = parseScenario(data);
  if (!parsed.ok) {
    const diagnostics = parsed.problems.map((p) => diagnosticFromLoc(locate(tree, p.path, p.at), p.message));
    return { ok: false, diagnostics: inReadingOrder(diagnostics, chain), sources };
  }
  const name = parsed.spec.name ?? path.basename(file).replace(/\.ya?ml$/i, '');
  return { ok: true, scenario: { file: chain[0] ?? file, name, spec: parsed.spec, tree, sources, chain } };
}

/**
 * The schema and the semantic rules find problems in their own order; a reader wants them top to
 * bottom, the file given first and then its bases (the order of `chain`). The sort is stable.
 */
function inReadingOrder(diagnostics: Diagnostic[], chain: readonly string[]): Diagnostic[] {
  const fileRank = (d: Diagnostic) => {
    const i = chain.indexOf(d.file);
    return i === -1 ? chain.length : i;
  };
  return [...diagnostics].sort((a, b) => fileRank(a) - fileRank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
