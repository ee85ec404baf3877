/**
 * Addressing one input of a scenario by PATH, in the plain data a scenario file parses to (maps of
 * text, numbers as their source text), so a changed input is validated exactly as if it had been
 * written in the file. Segments are separated by dots:
 *   allocation.growth            lines.acute.spend            assumptions.inflation
 *   allocation.growth.2026/27    allocation.growth.0 (a list item)
 *   policies.0.share             policies.divert_growth.share (the one policy of that type, or
 *                                the one whose `name` is that)
 */
import { Dec } from './decimal.js';
import { parseScenario } from './run.js';
import { didYouMeanSuffix } from './suggest.js';
import type { ScenarioSpec } from './schema.js';

export type Plain = Record<string, unknown>;

export class PathError extends Error {}

function isMap(v: unknown): v is Plain {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Resolves `policies.<type or name>` to the policy's index; other segments pass through. */
function step(container: unknown, seg: string, path: string): string | number {
  if (Array.isArray(container)) {
    if (/^\d+$/.test(seg)) {
      const i = Number(seg);
      if (i >= container.length) throw new PathError(`\`${path}\`: there is no item ${i} (the list has ${container.length})`);
      return i;
    }
    const matches = container
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => isMap(p) && (p.type === seg || p.name === seg));
    if (matches.length === 1) return matches[0]!.i;
    if (matches.length > 1) {
      throw new PathError(`\`${path}\`: ${matches.length} items match \`${seg}\`; name one by its number (${matches.map((m) => m.i).join(', ')})`);
    }
    const known = container.map((p, i) => (isMap(p) ? `${i} (${[p.type, p.name].filter((x) => x !== undefined).map(String).join(': ')})` : String(i)));
    const words = container.flatMap((p) => (isMap(p) ? [p.type, p.name].filter((x): x is string => typeof x === 'string') : []));
    throw new PathError(`\`${path}\`: no item \`${seg}\`${didYouMeanSuffix(seg, words)} (items: ${known.join(', ') || 'none'})`);
  }
  return seg;
}

/**
 * The most readable segment that names item `i` of a policy list: its type if no other item has
 * it, else its name if that is unique and dot-free, else its number.
 */
export function itemSegment(list: readonly unknown[], i: number): string {
  const item = list[i];
  if (isMap(item)) {
    for (const seg of [item.type, item.name]) {
      if (typeof seg !== 'string' || seg === '' || seg.includes('.') || /^\d+$/.test(seg)) continue;
      if (list.filter((p) => isMap(p) && (p.type === seg || p.name === seg)).length === 1) return seg;
    }
  }
  return String(i);
}

function segments(path: string): string[] {
  const segs = path.split('.');
  if (path.trim() === '' || segs.some((s) => s === '')) throw new PathError(`\`${path}\` is not an input path (like \`lines.acute.spend\`)`);
  return segs;
}

/** The input's current value (undefined if the scenario does not set it). */
export function getInput(data: Plain, path: string): unknown {
  let node: unknown = data;
  for (const seg of segments(path)) {
    if (node === undefined || node === null || typeof node !== 'object') return undefined;
    const key = step(node, seg, path);
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A copy of `data` with the input at `path` replaced by `value` (text in the input's own form,
 * e.g. `2.5%` or `1050`). Maps missing on the way are created, so a line can gain an override it
 * did not have; validation then says if the key means nothing there.
 */
export function setInput(data: Plain, path: string, value: unknown): Plain {
  const segs = segments(path);
  const root = structuredClone(data);
  let node: unknown = root;
  segs.forEach((seg, i) => {
    const last = i === segs.length - 1;
    const key = step(node, seg, path);
    const container = node as Record<string | number, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    let next = container[key];
    if (next === undefined || next === null) {
      next = {};
      container[key] = next;
    }
    if (typeof next !== 'object') {
      throw new PathError(`\`${path}\`: \`${segs.slice(0, i + 1).join('.')}\` is a single value, not a map or list`);
    }
    node = next;
  });
  return root;
}

/** A value as the user writes it: a rate (`2.5%`) or a plain number. */
export interface InputValue {
  value: Dec;
  rate: boolean;
  /** Decimal places as written (in per cent for rates). */
  places: number;
}

export function parseInputValue(text: string): InputValue | undefined {
  const t = text.trim();
  const m = /^([+-]?(?:\d+(?:\.(\d*))?|\.(\d+)))\s*(%?)$/.exec(t);
  if (!m) return undefined;
  const places = (m[2] ?? m[3] ?? '').length;
  const rate = m[4] === '%';
  return { value: new Dec(m[1]!), rate, places };
}

/** The text of a value in the input's own form: per cent for rates (`2.75%`), plain otherwise. */
export function valueText(value: Dec, rate: boolean): string {
  const s = value.isZero() ? '0' : value.toFixed();
  return rate ? `${s}%` : s;
}

/** `FROM..TO:STEP` → the values FROM, FROM ± STEP, ... up to TO (exact decimals, at most `max`). */
export function parseRange(text: string, max = 1000): { values: Dec[]; rate: boolean } {
  const m = /^(.+?)\.\.(.+?)(?::(.+))?$/.exec(text.trim());
  const bad = (why: string) =>
    new PathError(`\`${text}\`: ${why} (write FROM..TO:STEP, e.g. \`2%..4%:0.5%\` or \`0..50:10\`)`);
  if (!m) throw bad('not a range');
  const from = parseInputValue(m[1]!);
  const to = parseInputValue(m[2]!);
  const by = m[3] === undefined ? undefined : parseInputValue(m[3]);
  if (!from || !to || (m[3] !== undefined && !by)) throw bad('each end and the step must be a number or a rate');
  if (from.rate !== to.rate || (by && by.rate !== from.rate)) throw bad('write all three with % or none');
  if (!by) throw bad('a step is needed');
  if (!by.value.isPositive() || by.value.isZero()) throw bad('the step must be more than zero');
  const values: Dec[] = [];
  const down = from.value.greaterThan(to.value);
  for (let v = from.value; down ? v.gte(to.value) : v.lte(to.value); v = down ? v.minus(by.value) : v.plus(by.value)) {
    values.push(v);
    if (values.length > max) throw bad(`more than ${max} values`);
  }
  return { values, rate: from.rate };
}

/** The scenario with inputs replaced, validated as a file would be; a problem names the input. */
export function specWith(data: Plain, sets: readonly (readonly [path: string, value: unknown])[]): ScenarioSpec {
  let d = data;
  for (const [path, value] of sets) d = setInput(d, path, value);
  const parsed = parseScenario(d);
  if (!parsed.ok) {
    const where = sets.map(([p, v]) => `${p}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
    const first = parsed.problems[0]!;
    throw new PathError(`with ${where}: ${first.path.join('.')}: ${first.message}`);
  }
  return parsed.spec;
}
