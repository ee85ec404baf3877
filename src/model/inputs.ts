/**
 * Every number a scenario gives, found by walking its plain data (maps of text, numbers as their
 * source text) rather than from a list of known keys: a key the schema gains (a provider's other
 * income, a stream's amounts, a fair-share pace) is an input here the day it is added. What is not
 * an input is listed instead: the rules (`checks`), the plan's shape (`base_year`, `years`,
 * `units`) and free text.
 */
import { Dec } from './decimal.js';
import { itemSegment, type Plain } from './input-path.js';
import { yearLabels } from './years.js';

export type InputKind = 'rate' | 'money' | 'whole';

export interface ScenarioInput {
  /** The input's path as sweep and tornado take it: `lines.acute.demand`, `policies.flat_cash.uplift`. */
  path: string;
  /** The keys that reach it in the plain data (list items by number). */
  keys: (string | number)[];
  kind: InputKind;
  /** As the file writes it: `2.8%`, `1060`. */
  text: string;
  /** What the input is, in words: `Demand`, `Growth, 2027/28`, `Normal: mean`. */
  label: string;
  /** The part of the plan it belongs to, for grouping: `Allocation`, `Line: Acute hospital services`. */
  group: string;
}

/** Keys whose values say what the plan is, not how big anything is. */
const NOT_INPUTS = new Set(['name', 'label', 'description', 'extends', 'units', 'base_year', 'years', 'checks', 'type', 'per']);
/** Whole numbers that are not money. */
const WHOLE_KEYS = new Set(['lag']);
/** The parameters of a distribution, in the order its list gives them. */
const DISTRIBUTION_PARAMS: Record<string, readonly string[]> = {
  normal: ['mean', 'standard deviation'],
  triangular: ['min', 'mode', 'max'],
  uniform: ['min', 'max'],
};

const RATE = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%$/;
const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;

function isMap(v: unknown): v is Plain {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function words(key: string): string {
  const w = key.replace(/_/g, ' ');
  return w.charAt(0).toUpperCase() + w.slice(1);
}

function labelOf(item: unknown, fallback: string): string {
  if (!isMap(item)) return fallback;
  for (const k of ['label', 'name']) if (typeof item[k] === 'string' && item[k] !== '') return item[k] as string;
  return fallback;
}

export function inputKind(key: string, text: string): InputKind | undefined {
  if (RATE.test(text)) return 'rate';
  if (!NUMBER.test(text)) return undefined;
  return WHOLE_KEYS.has(key) ? 'whole' : 'money';
}

/** Every input of the scenario, in the order the file's sections give them. */
export function scenarioInputs(data: Plain): ScenarioInput[] {
  const out: ScenarioInput[] = [];
  // A list of rates has one per projection year: name each item by its year.
  const base = typeof data.base_year === 'string' ? data.base_year : undefined;
  const years = base && /^\d+$/.test(String(data.years)) ? yearLabels(base, Number(data.years)).slice(1) : [];

  const visit = (node: unknown, keys: (string | number)[], path: string[], label: string[], group: string): void => {
    const key = String(keys.at(-1) ?? '');
    if (Array.isArray(node)) {
      const params = DISTRIBUTION_PARAMS[key];
      node.forEach((x, i) => {
        const name = params?.[i] ?? years[i] ?? `item ${i + 1}`;
        visit(x, [...keys, i], [...path, String(i)], [...label.slice(0, -1), params ? `${label.at(-1)}: ${key} ${name}` : `${label.at(-1)}, ${name}`], group);
      });
      return;
    }
    if (isMap(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (NOT_INPUTS.has(k)) continue;
        // A distribution's own key adds nothing to its label: `Inflation: normal mean`.
        const next = k in DISTRIBUTION_PARAMS && Array.isArray(v) ? label : [...label, /^\d{4}\//.test(k) ? k : words(k)];
        visit(v, [...keys, k], [...path, k], next, group);
      }
      return;
    }
    if (typeof node !== 'string') return;
    const named = keys.filter((k): k is string => typeof k === 'string');
    const kind = inputKind(named[named.length - 1] ?? '', node);
    if (kind === undefined) return;
    out.push({ path: path.join('.'), keys, kind, text: node.trim(), label: label.join(', ') || words(key), group });
  };

  for (const [section, value] of Object.entries(data)) {
    if (NOT_INPUTS.has(section)) continue;
    if (section === 'policies' && Array.isArray(value)) {
      value.forEach((p, i) => {
        const kind = isMap(p) && typeof p.type === 'string' ? words(p.type) : `Policy ${i + 1}`;
        const name = labelOf(p, '');
        visit(p, [section, i], [section, itemSegment(value, i)], [], `Policy: ${name ? `${name} (${kind.toLowerCase()})` : kind}`);
      });
    } else if ((section === 'lines' || section === 'providers') && isMap(value)) {
      for (const [name, item] of Object.entries(value)) {
        visit(item, [section, name], [section, name], [], `${section === 'lines' ? 'Line' : 'Provider'}: ${labelOf(item, name)}`);
      }
    } else {
      visit(value, [section], [section], [], words(section));
    }
  }
  return out;
}

/** A copy of `data` with each change's value replaced (every key on the way exists: it came from scenarioInputs). */
export function withInputs(data: Plain, changes: readonly { keys: readonly (string | number)[]; text: string }[]): Plain {
  const root = structuredClone(data);
  for (const { keys, text } of changes) {
    let node = root as Record<string | number, unknown>;
    keys.slice(0, -1).forEach((k) => {
      node = node[k] as Record<string | number, unknown>;
    });
    node[keys[keys.length - 1]!] = text;
  }
  return root;
}

/** The number an input's text gives: per cent for rates (`2.5%` → 2.5), the amount otherwise. */
export function inputNumber(text: string): Dec | undefined {
  const t = text.trim().replace(/\s*%$/, '');
  return NUMBER.test(t) ? new Dec(t.trim()) : undefined;
}

/** Whether two texts of an input give the same value (`2.5%` and `2.50%` do). */
export function sameInput(a: string, b: string): boolean {
  if (RATE.test(a) !== RATE.test(b)) return false;
  const x = inputNumber(a);
  const y = inputNumber(b);
  return x !== undefined && y !== undefined ? x.equals(y) : a.trim() === b.trim();
}

/**
 * Rates that mean a share of something (of activity shifted, of a cost, of savings delivered) lie
 * between 0% and 100% (so does a convergence pace, a share of the distance from target closed); a
 * cost ratio and a convergence cap cannot fall below nothing. Other rates (inflation, growth, an
 * uplift) may fall below zero.
 */
export const RATE_LIMITS: Record<string, [lo: Dec, hi: Dec | undefined]> = {
  share: [new Dec(0), new Dec(100)],
  cut: [new Dec(0), new Dec(100)],
  efficiency_delivery: [new Dec(0), new Dec(100)],
  cost_ratio: [new Dec(0), undefined],
  // MODEL.md "Fair shares": 0% ≤ pace ≤ 100%, cap ≥ 0.
  pace: [new Dec(0), new Dec(100)],
  cap: [new Dec(0), undefined],
};

/** The key that names what a rate is (`share` for `policies.0.share`, `inflation` for `assumptions.inflation.2026/27`). */
export function rateKey(input: Pick<ScenarioInput, 'keys'>): string {
  const names = input.keys.filter((k): k is string => typeof k === 'string' && !/^\d{4}\//.test(k) && !(k in DISTRIBUTION_PARAMS));
  return names.at(-1) ?? '';
}
