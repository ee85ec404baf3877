/**
 * Scenario to scenario (`bridge OLD --vs NEW`): the difference between two plans in one year,
 * explained by input change. The changes are those `diff` lists, in its order; each is applied on
 * top of the ones before and the plan re-run, so each step is the difference of two runs and the
 * steps telescope to NEW − OLD exactly, with nothing left for a balancing "other".
 *
 * Pure: the plans come in as plain data (extends already merged), as `diff` compares them.
 */
import { BRIDGE_METRICS, type BridgeMetric, metricValue } from './bridge.js';
import { convertMoney } from './convert-units.js';
import type { Dec } from './decimal.js';
import { locatedChanges, type InputChange } from './input-diff.js';
import { parseScenario, runScenario } from './run.js';
import type { Units } from './units.js';

export interface InputStep {
  /**
   * The input changes this step applies: one, or several where the plan is not valid (or has no
   * such year) with one of them made and not the next, e.g. `years` and a list of rates by year.
   */
  changes: InputChange[];
  /** NEW's figure with these changes made less the figure before them, in OLD's units. */
  amount: Dec;
}

export interface InputBridge {
  metric: BridgeMetric;
  year: string;
  /** Money is in OLD's units throughout. */
  units: Units;
  start: Dec;
  end: Dec;
  /** Steps that move the figure; start + Σ amount = end exactly. */
  steps: InputStep[];
  /** Changes that do not move this figure (a name, a description, a policy's label). */
  noEffect: InputChange[];
}

export class InputBridgeError extends Error {}

const REMOVED = Symbol('removed list item');

function clone(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(clone);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: clone(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/**
 * Makes one change in place. A list item removed becomes a placeholder until `materialise`, so the
 * indexes of the changes after it still point where `diff` said.
 */
function apply(root: Record<string, unknown>, keys: readonly (string | number)[], value: unknown): void {
  let node: unknown = root;
  for (const k of keys.slice(0, -1)) node = (node as Record<string | number, unknown>)[k];
  const last = keys.at(-1)!;
  const v = value === undefined ? undefined : clone(value);
  if (Array.isArray(node)) node[last as number] = v === undefined ? REMOVED : v;
  else if (v === undefined) delete (node as Record<string, unknown>)[last as string];
  else Object.defineProperty(node, last, { value: v, enumerable: true, writable: true, configurable: true });
}

function materialise(v: unknown): unknown {
  if (Array.isArray(v)) return v.filter((x) => x !== REMOVED).map(materialise);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k, { value: materialise(x), enumerable: true, writable: true, configurable: true });
    return out;
  }
  return v;
}

/** The metric in `year`, in `units`; undefined when the plan is not valid or has no such year. */
function figure(data: unknown, metric: BridgeMetric, year: string, units: Units): Dec | undefined {
  const parsed = parseScenario(data);
  if (!parsed.ok) return undefined;
  const p = runScenario(parsed.spec).projection;
  const t = p.plan.labels.indexOf(year);
  if (t < 0) return undefined;
  return convertMoney(metricValue(p, metric, t), parsed.spec.units, units);
}

export function bridgeInputs(oldData: unknown, newData: unknown, metric: BridgeMetric, year: string): InputBridge {
  if (!(BRIDGE_METRICS as readonly string[]).includes(metric)) throw new InputBridgeError(`no bridge for \`${metric}\``);
  const oldSpec = parseScenario(oldData);
  if (!oldSpec.ok) throw new InputBridgeError('the old plan is not a valid scenario');
  const units = oldSpec.spec.units;
  const start = figure(oldData, metric, year, units);
  const end = figure(newData, metric, year, units);
  if (start === undefined || end === undefined) throw new InputBridgeError(`${year} is not a year of both plans`);

  const changes = locatedChanges(oldData, newData);
  const state = clone(oldData) as Record<string, unknown>;
  const steps: InputStep[] = [];
  const noEffect: InputChange[] = [];
  let before = start;
  let pending: InputChange[] = [];
  changes.forEach((c, k) => {
    apply(state, c.keys, c.new);
    pending.push({ path: c.path, old: c.old, new: c.new });
    // The last state is NEW itself: key order, which `diff` does not count as a change, can still
    // decide a penny's tie in a split, and the steps must end on NEW's own figure.
    const after = k === changes.length - 1 ? end : figure(materialise(state), metric, year, units);
    if (after === undefined) return;
    const amount = after.minus(before);
    if (amount.isZero()) noEffect.push(...pending);
    else steps.push({ changes: pending, amount });
    before = after;
    pending = [];
  });
  if (changes.length === 0 && !start.equals(end)) {
    throw new Error('internal: two plans with no input change give different figures');
  }
  return { metric, year, units, start, end, steps, noEffect };
}
