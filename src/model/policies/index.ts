/**
 * Every policy type, one file each. Adding a type: write its file (see policy.ts for what it
 * declares), add it to POLICY_LIST, and give the engine its step where MODEL.md puts it.
 */
import * as z from 'zod/mini';
import { divertGrowth } from './divert-growth.js';
import { flatCash } from './flat-cash.js';
import type { PolicyType } from './policy.js';
import { runningCostCut } from './running-cost-cut.js';
import { shiftActivity } from './shift-activity.js';
import { described } from '../zod.js';

export type { PlanBuild, PolicyType } from './policy.js';

/** In the order the schema and its messages list them. */
const POLICY_LIST = [flatCash, divertGrowth, runningCostCut, shiftActivity] as const;

export const Policy = described(
  z.discriminatedUnion('type', [flatCash.schema, divertGrowth.schema, runningCostCut.schema, shiftActivity.schema]),
  `A policy lever: ${orList(POLICY_LIST.map(typeName))}`,
);
export type PolicySpec = z.output<typeof Policy>;

export const POLICY_TYPES = POLICY_LIST.map(typeName);

const BY_TYPE = new Map<string, PolicyType<z.ZodMiniObject>>(POLICY_LIST.map((p) => [typeName(p), p as unknown as PolicyType<z.ZodMiniObject>]));

/**
 * The type behind a policy. TypeScript cannot tie `p.type` to the file's own type through a map,
 * so the file's functions are taken here as accepting any policy; each receives only its own.
 */
export function policyType(p: PolicySpec): PolicyType<z.ZodMiniObject> {
  const type = BY_TYPE.get(p.type);
  if (type === undefined) throw new Error(`internal: no policy type ${p.type}`);
  return type;
}

/** The policy in a sentence, with its own name first where it has one. */
export function describePolicy(p: PolicySpec, line: (name: string) => string): string {
  return `${p.name ? `${p.name}: ` : ''}${policyType(p).describe(p, line)}`;
}

/** `a, b, c or d`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}

/** A policy file's `type:`, e.g. `flat_cash`: the one value of its schema's literal. */
function typeName(p: (typeof POLICY_LIST)[number]): string {
  return String(p.schema.shape.type._zod.def.values[0]);
}
