/** File → parsed scenario → validated model: every problem located at its file, line and column. */
import path from 'node:path';
import { parseScenario } from '../model/run.js';
import type { ScenarioSpec } from '../model/schema.js';
import { loadTree, locatedFailure, type FailedLoad } from './load.js';
import type { SNode } from './source-tree.js';

export interface LoadedScenario {
  file: string;
  /** The scenario's name, or the file's name without its extension. */
  name: string;
  spec: ScenarioSpec;
  tree: SNode;
  sources: Map<string, string>;
  chain: string[];
}

export type LoadResult = { ok: true; scenario: LoadedScenario } | FailedLoad;

export function loadScenario(file: string): LoadResult {
  const loaded = loadTree(file);
  if (!loaded.ok) return loaded;
  const parsed = parseScenario(loaded.loaded.data);
  if (!parsed.ok) return locatedFailure(loaded.loaded, parsed.problems);
  const { tree, sources, chain } = loaded.loaded;
  const name = parsed.spec.name ?? path.basename(file).replace(/\.ya?ml$/i, '');
  return { ok: true, scenario: { file: chain[0] ?? file, name, spec: parsed.spec, tree, sources, chain } };
}
