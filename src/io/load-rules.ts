/** A rules file (`--rules`): located checks, every problem at its file, line and column. */
import { parseRules, type RulesSpec } from '../model/rules.js';
import { diagnosticFromLoc } from './diagnostics.js';
import { loadTree, locatedFailure, type FailedLoad } from './load.js';
import type { SNode } from './source-tree.js';

/** Keys only a scenario has: a file with any of them given as --rules was meant as a plan. */
const SCENARIO_KEYS = ['base_year', 'years', 'allocation', 'lines', 'policies', 'assumptions', 'extends'];

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
  const { tree, data, sources, chain } = loaded.loaded;
  const parsed = parseRules(data);
  if (!parsed.ok) {
    const keys = tree.kind === 'map' ? SCENARIO_KEYS.flatMap((k) => tree.entries.get(k) ?? []) : [];
    // In the file given, not a base it extends, where one is.
    const scenarioKey = keys.find((e) => e.keyLoc.file === chain[0]) ?? keys[0];
    if (scenarioKey === undefined) return locatedFailure(loaded.loaded, parsed.problems);
    // One message, not one unknown key per scenario key: the file was given in the wrong place.
    const message =
      'this is a scenario, not a rules file: a rules file holds `checks:` (a list of rules to apply to every plan). Give the scenario as a FILE to check and the rules with --rules';
    return { ok: false, diagnostics: [diagnosticFromLoc(scenarioKey.keyLoc, message, 'e.g. `icbsim check plan.yaml --rules scenarios/rules/national.yaml`')], sources };
  }
  return { ok: true, loaded: { file: chain[0] ?? file, rules: parsed.rules, tree, sources } };
}
