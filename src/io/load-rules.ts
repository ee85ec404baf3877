/** A rules file (`--rules`): located checks, every problem at its file, line and column. */
import { parseRules, type RulesSpec } from '../model/rules.js';
import { loadTree, locatedFailure, type FailedLoad } from './load.js';
import type { SNode } from './source-tree.js';

export interface LoadedRules {
  file: string;
  rules: RulesSpec;
  tree: SNode;
  sources: Map<string, string>;
}

export type RulesResult = { ok: true; loaded: LoadedRules } | FailedLoad;

export function loadRules(file: string): RulesResult {
  const loaded = loadTree(file);
  if (!loaded.ok) return loaded;
  const parsed = parseRules(loaded.loaded.data);
  if (!parsed.ok) return locatedFailure(loaded.loaded, parsed.problems);
  const { tree, sources, chain } = loaded.loaded;
  return { ok: true, loaded: { file: chain[0] ?? file, rules: parsed.rules, tree, sources } };
}
