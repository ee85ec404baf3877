/**
 * A rules file: one set of checks (national rules, say) applied to every plan given to `check`.
 * The checks use the scenario's own `Check` schema; what depends on a plan (metric names, years)
 * is validated against each plan when the rules are applied to it.
 */
import * as z from 'zod/mini';
import { describeIssues, PARSE_OPTIONS, type Problem } from './issues.js';
import { Check } from './schema.js';
import { validateCheckShapes } from './validate.js';
import { anyText, described, strictObject } from './zod.js';

function buildRulesFile() {
  return described(
    strictObject({
      name: described(z.optional(anyText), 'The rule set\'s name in reports'),
      description: described(z.optional(anyText), 'What the rules are for and where they come from'),
      checks: described(
        z.array(Check).check(z.refine((c) => c.length > 0, { message: 'a rules file needs at least one check' })),
        'The rules, each applied to every plan checked',
      ),
    }),
    'An icbsim rules file: checks applied to every plan',
  );
}
export type RulesSpec = z.output<ReturnType<typeof buildRulesFile>>;

let rulesFile: ReturnType<typeof buildRulesFile> | undefined;

/** The schema of a rules file, built when first needed: `check` without `--rules` never reads one. */
export function rulesFileSchema(): ReturnType<typeof buildRulesFile> {
  return (rulesFile ??= buildRulesFile());
}

export type ParsedRules = { ok: true; rules: RulesSpec } | { ok: false; problems: Problem[] };

export function parseRules(data: unknown): ParsedRules {
  const parsed = rulesFileSchema().safeParse(data, PARSE_OPTIONS);
  if (!parsed.success) return { ok: false, problems: describeIssues(parsed.error.issues) };
  const problems = validateCheckShapes(parsed.data.checks);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rules: parsed.data };
}
