/** A rules file (`--rules`): located checks, every problem at its file, line and column. */
import { parseRules, type RulesSpec } from '../model/rules.js';
import { diagnosticFromLoc, inReadingOrder } from './diagnostics.js';
import { loadTree, type FailedLoad } from './load.js';
import { locate, type SNode } from './source-tree.js';

export interface LoadedRules {
  file: string;
  rules: RulesSpec;
  tree: SNode;
  sources: Map<string, string>;
}

export type RulesResult =
  | { ok: true; loaded: LoadedRules }
  | FailedLoad;

export function loadRules(file: string): RulesResult {
  const loaded = loadTree(file);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics, sources: loaded.sources };
  const { tree, data, sources, chain } = loaded.loaded;
  const parsed = parseRules(data);
  if (!parsed.ok) {
    const diagnostics = parsed.problems.map((p) => diagnosticFromLoc(locate(tree, p.path, p.at), p.message));
    return { ok: false, diagnostics: inReadingOrder(diagnostics, chain), sources };
  }
  return { ok: true, loaded: { file: chain[0] ?? file, rules: parsed.rules, tree, sources } };
}
