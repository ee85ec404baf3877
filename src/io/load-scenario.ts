/** File → parsed scenario → validated model: every problem located at its file, line and column. */
import path from 'node:path';
import { parseScenario } from '../model/run.js';
import type { ScenarioSpec } from '../model/schema.js';
import { diagnosticFromLoc, inReadingOrder } from './diagnostics.js';
import { loadTree, type FailedLoad } from './load.js';
import { locate, type SNode } from './source-tree.js';

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
  | FailedLoad;

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
