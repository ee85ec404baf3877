/**
 * What changed between two versions of a plan's inputs: compared on the plain data after `extends`
 * is merged, so a change made in a base file shows up too. Numbers and rates compare by value
 * (`2.5%` and `2.50%` are the same input); lists compare item by item.
 */
import { Dec } from './decimal.js';

export interface InputChange {
  /** Like `lines.acute.spend` or `policies[1].uplift`. */
  path: string;
  /** undefined: the input is not there in that version. */
  old: unknown;
  new: unknown;
}

const NUMBER = /^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const RATE = /^\s*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)\s*%\s*$/;

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'string' || typeof b !== 'string') return false;
  if (NUMBER.test(a) && NUMBER.test(b)) return new Dec(a.trim()).equals(new Dec(b.trim()));
  const ra = RATE.exec(a);
  const rb = RATE.exec(b);
  return ra !== null && rb !== null && new Dec(ra[1]!).equals(new Dec(rb[1]!));
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function keyPath(base: string, key: string): string {
  const k = /^[A-Za-z0-9_/]+$/.test(key) ? key : JSON.stringify(key);
  return base === '' ? k : `${base}.${k}`;
}

export function diffInputs(oldData: unknown, newData: unknown): InputChange[] {
  return locatedChanges(oldData, newData).map(({ path, old, new: now }) => ({ path, old, new: now }));
}

/** A change with its path as keys and list indexes too, for code that applies it (`bridge --vs`). */
export interface LocatedChange extends InputChange {
  keys: (string | number)[];
}

/** The changes `diffInputs` lists, in its order. */
export function locatedChanges(oldData: unknown, newData: unknown, base = '', keys: (string | number)[] = []): LocatedChange[] {
  if (isMap(oldData) && isMap(newData)) {
    const names = [...Object.keys(oldData), ...Object.keys(newData).filter((k) => !Object.hasOwn(oldData, k))];
    return names.flatMap((k) =>
      locatedChanges(
        Object.hasOwn(oldData, k) ? oldData[k] : undefined,
        Object.hasOwn(newData, k) ? newData[k] : undefined,
        keyPath(base, k),
        [...keys, k],
      ),
    );
  }
  if (Array.isArray(oldData) && Array.isArray(newData)) {
    const n = Math.max(oldData.length, newData.length);
    return Array.from({ length: n }, (_, i) => locatedChanges(oldData[i], newData[i], `${base}[${i}]`, [...keys, i])).flat();
  }
  if (oldData === undefined && newData === undefined) return [];
  if (sameScalar(oldData, newData)) return [];
  return [{ path: base, keys, old: oldData, new: newData }];
}

/** A value as a reader would write it in YAML flow style: `{type: flat_cash, line: acute}`. */
export function inputText(v: unknown): string {
  if (v === undefined) return '(none)';
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(inputText).join(', ')}]`;
  if (isMap(v)) return `{${Object.entries(v).map(([k, x]) => `${k}: ${inputText(x)}`).join(', ')}}`;
  return String(v);
}

export interface EffectRow {
  metric: string;
  year: string;
  /** undefined: that version has no such year (or the year does not report the metric). */
  old?: Dec;
  new?: Dec;
  delta?: Dec;
}

export interface YearFigures {
  year: string;
  metrics: Record<string, Dec>;
}

/**
 * Every headline metric in every year either version covers: old, new and new − old. Money in the
 * new version is first put in the old version's units (`toOldUnits`), so the delta is like for like.
 */
export function diffEffect(
  metrics: readonly string[],
  oldYears: readonly YearFigures[],
  newYears: readonly YearFigures[],
  toOldUnits: (metric: string, d: Dec) => Dec,
): EffectRow[] {
  const years = [...new Set([...oldYears, ...newYears].map((y) => y.year))].sort();
  const rows: EffectRow[] = [];
  for (const metric of metrics) {
    for (const year of years) {
      const o = oldYears.find((y) => y.year === year)?.metrics[metric];
      const nRaw = newYears.find((y) => y.year === year)?.metrics[metric];
      const n = nRaw === undefined ? undefined : toOldUnits(metric, nRaw);
      if (o === undefined && n === undefined) continue;
      const row: EffectRow = { metric, year };
      if (o !== undefined) row.old = o;
      if (n !== undefined) row.new = n;
      if (o !== undefined && n !== undefined) row.delta = n.minus(o);
      rows.push(row);
    }
  }
  return rows;
}
