/** The comparison as a terminal table, CSV, JSON or Markdown (for a pull-request comment). */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { Dec, decString } from '../model/decimal.js';
import type { Cell, CompareColumn, Comparison, RowKind } from '../report/compare.js';
import { inBlocks } from './blocks.js';
import { DISPLAY_PLACES, formatMoney, formatShare } from './format.js';
import { mdEscape } from './md.js';

function cellText(v: Cell, kind: RowKind, c: Comparison): string {
  if (v === undefined) return '–';
  if (typeof v === 'string') return v;
  return kind === 'money' ? formatMoney(v, DISPLAY_PLACES[c.units]) : formatShare(v);
}

/** A delta always carries its sign; rates and shares change by percentage points. */
function deltaText(d: Dec | undefined, kind: RowKind, c: Comparison): string {
  if (d === undefined) return '';
  const text = kind === 'money' ? formatMoney(d, DISPLAY_PLACES[c.units]) : `${d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2)} pp`;
  // A change that rounds to nothing reads as no change, with no sign.
  if (!/[1-9]/.test(text)) return text.replace(/^-/, '');
  return text.startsWith('-') ? text : `+${text}`;
}

interface Grid {
  head: string[];
  body: string[][];
  /** Which columns hold figures (right-aligned). */
  numeric: boolean[];
}

/**
 * A column's heading: the scenario's name, or with its file too when another column has the same
 * name (two versions of one plan, say), so no two columns read alike.
 */
function namer(c: Comparison): (x: CompareColumn) => string {
  const names = [...(c.baseline ? [c.baseline] : []), ...c.columns].map((x) => x.scenario);
  const shared = new Set(names.filter((n, i) => names.indexOf(n) !== i));
  return (x) => (shared.has(x.scenario) ? `${x.scenario} (${x.file})` : x.scenario);
}

function grid(c: Comparison): Grid {
  const cols: { title: string; cells: string[] }[] = [];
  const sameYear = new Set([...(c.baseline ? [c.baseline] : []), ...c.columns].map((x) => x.year)).size === 1;
  const name = namer(c);
  const title = (x: CompareColumn, suffix = '') => `${name(x)}${suffix}${sameYear ? '' : ` (${x.year})`}`;
  if (c.baseline) cols.push({ title: title(c.baseline, ' (baseline)'), cells: c.rows.map((r, i) => cellText(c.baseline!.values[i], r.kind, c)) });
  for (const x of c.columns) {
    cols.push({ title: title(x), cells: c.rows.map((r, i) => cellText(x.values[i], r.kind, c)) });
    if (x.deltas) cols.push({ title: 'Δ', cells: c.rows.map((r, i) => deltaText(x.deltas![i], r.kind, c)) });
  }
  const yearTitle = sameYear ? ` ${c.columns[0]?.year ?? c.baseline?.year ?? ''}` : '';
  return {
    head: [`${c.units}${yearTitle}`, ...cols.map((x) => x.title)],
    body: c.rows.map((r, i) => [r.label, ...cols.map((x) => x.cells[i]!)]),
    numeric: [false, ...cols.map(() => true)],
  };
}

export function renderCompareTable(c: Comparison, opts: { maxWidth?: number | undefined } = {}): string {
  const g = grid(c);
  // A scenario and its Δ column stay together when the table is split to fit the terminal.
  const groups: number[][] = [];
  for (let col = 1; col < g.head.length; col++) {
    if (g.head[col] === 'Δ' && groups.length > 0) groups.at(-1)!.push(col);
    else groups.push([col]);
  }
  const block = (part: number[][]) => {
    const cols = [0, ...part.flat()];
    const table = new Table({
      head: cols.map((i) => g.head[i]!),
      colAligns: cols.map((i) => (g.numeric[i] ? 'right' : 'left')),
      style: { head: [], border: [], compact: true },
    });
    for (const row of g.body) table.push(cols.map((i) => row[i]!));
    return table.toString();
  };
  return inBlocks(groups, opts.maxWidth, block).join('\n') + '\n';
}

export function renderCompareMarkdown(c: Comparison): string {
  const g = grid(c);
  const row = (cells: string[]) => `| ${cells.map(mdEscape).join(' | ')} |`;
  return [row(g.head), `| ${g.numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`, ...g.body.map(row)].join('\n') + '\n';
}

const exact = (v: Cell | Dec): string | null => (v === undefined ? null : typeof v === 'string' ? v : decString(v));

/** Exact figures, one row per metric; with a baseline each scenario gets a delta column beside it. */
export function renderCompareCsv(c: Comparison): string {
  const name = namer(c);
  const head = ['metric'];
  if (c.baseline) head.push(`${name(c.baseline)} (baseline)`);
  for (const x of c.columns) head.push(name(x), ...(x.deltas ? [`${name(x)} Δ`] : []));
  const years = ['year', ...(c.baseline ? [c.baseline.year] : []), ...c.columns.flatMap((x) => (x.deltas ? [x.year, ''] : [x.year]))];
  const body = c.rows.map((r, i) => [
    r.id,
    ...(c.baseline ? [exact(c.baseline.values[i]) ?? ''] : []),
    ...c.columns.flatMap((x) => [exact(x.values[i]) ?? '', ...(x.deltas ? [exact(x.deltas[i]) ?? ''] : [])]),
  ]);
  return stringify([head, years, ...body]);
}

export function renderCompareJson(c: Comparison): string {
  const col = (x: CompareColumn) => ({
    scenario: x.scenario,
    file: x.file,
    year: x.year,
    metrics: Object.fromEntries(c.rows.map((r, i) => [r.id, exact(x.values[i])])),
    ...(x.deltas ? { deltas: Object.fromEntries(c.rows.map((r, i) => [r.id, exact(x.deltas![i])])) } : {}),
  });
  return JSON.stringify({ units: c.units, baseline: c.baseline ? col(c.baseline) : null, scenarios: c.columns.map(col) }, null, 2) + '\n';
}
