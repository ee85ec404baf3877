/**
 * `bridge` output: a text waterfall for the terminal, Markdown for a board paper, long CSV and the
 * exact JSON. Tables round money for reading (£m to 0.1); CSV and JSON carry every penny.
 */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { driverKey, type Bridge } from '../model/bridge.js';
import { decString, type Dec } from '../model/decimal.js';
import type { Units } from '../model/units.js';
import {
  bridgeJson,
  changeText,
  inputBridgeJson,
  reportBridges,
  stepLabel,
  type BridgeReport,
  type InputBridgeReport,
} from '../report/bridge.js';
import { DISPLAY_PLACES, formatMoney, signedMoney } from './format.js';
import { mdEscape, mdRow } from './md.js';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;
type Paint = (style: readonly [string, string], s: string) => string;
const painter = (color: boolean): Paint => (style, s) => (color ? style[0] + s + style[1] : s);

const BAR_WIDTH = 30;

interface WaterfallRow {
  label: string;
  /** A total (start or end) stands on zero; a step floats from the running figure before it. */
  total: boolean;
  amount: Dec;
}

/** One bar per row: totals from zero, steps from the running figure, on one scale. */
function bars(rows: readonly WaterfallRow[]): string[] {
  const spans: [number, number][] = [];
  let running = 0;
  for (const r of rows) {
    const v = r.amount.toNumber();
    if (r.total) {
      running = v;
      spans.push([0, v]);
    } else {
      spans.push([running, running + v]);
      running += v;
    }
  }
  const ends = spans.flat();
  const lo = Math.min(0, ...ends);
  const hi = Math.max(0, ...ends);
  const col = (v: number): number => (hi === lo ? 0 : Math.round(((v - lo) / (hi - lo)) * BAR_WIDTH));
  return rows.map((r, k) => {
    const [a, b] = spans[k]!;
    const left = Math.min(col(a), col(b));
    const width = Math.max(1, Math.abs(col(b) - col(a)));
    const mark = r.total ? '█' : b >= a ? '+' : '-';
    return ' '.repeat(Math.min(left, BAR_WIDTH - width + 1)) + mark.repeat(width);
  });
}

/** A total as it stands, a step signed. */
function rowFigure(r: WaterfallRow, units: Units): string {
  return r.total ? formatMoney(r.amount, DISPLAY_PLACES[units]) : signedMoney(r.amount, units);
}

function waterfallTable(rows: readonly WaterfallRow[], units: Units, paint: Paint): string {
  const table = new Table({
    head: ['', units, ''],
    colAligns: ['left', 'right', 'left'],
    style: { head: [], border: [], compact: true },
  });
  const barTexts = bars(rows);
  rows.forEach((r, k) => {
    const figure = rowFigure(r, units);
    const shown = r.amount.isNegative() ? paint(RED, figure) : figure;
    table.push([r.total ? paint(BOLD, r.label) : `  ${r.label}`, r.total ? paint(BOLD, shown) : shown, barTexts[k]!]);
  });
  return table.toString();
}

const ROUNDING = (units: Units): string =>
  `Figures rounded for reading (${units} to ${DISPLAY_PLACES[units] === 0 ? 'whole units' : 'one decimal place'}); the exact steps add up to the change to the penny (--format json).`;

function spanRows(r: BridgeReport, b: Bridge): WaterfallRow[] {
  return [
    { label: `${b.from} ${r.metricLabel}`, total: true, amount: b.start },
    ...b.steps.map((s) => ({ label: stepLabel(r, s), total: false, amount: s.amount })),
    { label: `${b.to} ${r.metricLabel}`, total: true, amount: b.end },
  ];
}

function title(r: BridgeReport): string {
  const y = r.years.years;
  return `${r.scenario}: ${r.metricLabel}, ${y[0]} to ${y.at(-1)}${r.eachYear ? ' year by year' : ''} (${r.units})`;
}

/** Each year-on-year step as a column, the whole span last. */
function matrix(r: BridgeReport, text: (d: Dec, signed: boolean) => string): { head: string[]; body: string[][] } {
  const y = r.years.years;
  const head = ['', ...y.slice(1).map((to, k) => `${y[k]} to ${to}`), 'Total'];
  const body = [
    [`Start`, ...r.years.values.slice(0, -1).map((v) => text(v, false)), text(r.years.values[0]!, false)],
    ...r.years.rows.map((row, k) => [r.labels[k]!.label, ...row.amounts.map((a) => text(a, true)), text(row.total, true)]),
    [`End`, ...r.years.values.slice(1).map((v) => text(v, false)), text(r.years.values.at(-1)!, false)],
  ];
  return { head, body };
}

export function renderBridgeText(r: BridgeReport, opts: { color?: boolean } = {}): string {
  const paint = painter(opts.color === true);
  const out = [paint(BOLD, title(r)), ''];
  if (r.eachYear) {
    const m = matrix(r, (d, signed) => {
      const t = signed ? signedMoney(d, r.units) : formatMoney(d, DISPLAY_PLACES[r.units]);
      return d.isNegative() ? paint(RED, t) : t;
    });
    const table = new Table({
      head: m.head.map((h) => paint(BOLD, h)),
      colAligns: ['left', ...m.head.slice(1).map(() => 'right' as const)],
      style: { head: [], border: [], compact: true },
    });
    for (const row of m.body) table.push(row);
    out.push(table.toString());
  } else {
    const b = reportBridges(r)[0]!;
    out.push(waterfallTable(spanRows(r, b), r.units, paint));
    if (b.steps.length === 0) out.push('  No driver moves the figure.');
  }
  out.push('', ROUNDING(r.units));
  return out.join('\n') + '\n';
}

export function renderBridgeJson(r: BridgeReport): string {
  const all = reportBridges(r).map((b) => bridgeJson(r.scenario, r.units, b));
  return JSON.stringify(r.eachYear ? all : all[0], null, 2) + '\n';
}

export const BRIDGE_CSV_COLUMNS = ['scenario', 'metric', 'from', 'to', 'row', 'driver', 'line', 'label', 'amount'] as const;

/** Long CSV: for each bridge its start, each step, then its end, so the rows alone redraw the waterfall. */
export function renderBridgeCsv(r: BridgeReport): string {
  const rows = reportBridges(r).flatMap((b) => {
    const at = (row: string, driver: string, line: string | null, label: string, amount: Dec) => [r.scenario, r.metric, b.from, b.to, row, driver, line ?? '', label, decString(amount)];
    return [
      at('start', '', null, `${b.from} ${r.metricLabel}`, b.start),
      ...b.steps.map((s) => at('step', driverKey(s), s.line, stepLabel(r, s), s.amount)),
      at('end', '', null, `${b.to} ${r.metricLabel}`, b.end),
    ];
  });
  return stringify(rows, { header: true, columns: [...BRIDGE_CSV_COLUMNS] });
}

/** The waterfall as a Markdown table: totals in bold. */
function waterfallMarkdown(rows: readonly WaterfallRow[], units: Units): string[] {
  const body = rows.map((row) => {
    const figure = rowFigure(row, units);
    return mdRow(row.total ? [`**${mdEscape(row.label)}**`, `**${figure}**`] : [mdEscape(row.label), figure]);
  });
  return [mdRow(['Step', units]), mdRow(['---', '---:']), ...body];
}

export function renderBridgeMarkdown(r: BridgeReport): string {
  const out = [`**${mdEscape(title(r))}**`, ''];
  if (r.eachYear) {
    const m = matrix(r, (d, signed) => (signed ? signedMoney(d, r.units) : formatMoney(d, DISPLAY_PLACES[r.units])));
    out.push(mdRow(m.head.map(mdEscape)), mdRow(['---', ...m.head.slice(1).map(() => '---:')]));
    m.body.forEach((row, k) => {
      const edge = k === 0 || k === m.body.length - 1;
      out.push(mdRow(row.map((c, j) => (edge && j === 0 ? `**${mdEscape(c)}**` : mdEscape(c)))));
    });
  } else {
    out.push(...waterfallMarkdown(spanRows(r, reportBridges(r)[0]!), r.units));
  }
  out.push('', mdEscape(ROUNDING(r.units)));
  return out.join('\n') + '\n';
}

function inputRows(r: InputBridgeReport): WaterfallRow[] {
  const b = r.bridge;
  return [
    { label: `${r.old.file} (${r.old.scenario})`, total: true, amount: b.start },
    ...b.steps.map((s) => ({ label: s.changes.map(changeText).join(' + '), total: false, amount: s.amount })),
    { label: `${r.new.file} (${r.new.scenario})`, total: true, amount: b.end },
  ];
}

function inputTitle(r: InputBridgeReport): string {
  return `${r.old.file} → ${r.new.file}: ${r.metricLabel}, ${r.bridge.year} (${r.bridge.units})`;
}

function noEffectText(r: InputBridgeReport): string[] {
  const n = r.bridge.noEffect;
  if (n.length === 0) return [];
  return [`No effect on ${r.metricLabel} in ${r.bridge.year}: ${n.map((c) => c.path).join(', ')}`];
}

export function renderInputBridgeText(r: InputBridgeReport, opts: { color?: boolean } = {}): string {
  const paint = painter(opts.color === true);
  const out = [paint(BOLD, inputTitle(r)), ''];
  if (r.bridge.steps.length === 0 && r.bridge.noEffect.length === 0) out.push('The two plans have the same inputs: nothing to bridge.');
  else out.push(waterfallTable(inputRows(r), r.bridge.units, paint));
  out.push(...noEffectText(r), '', ROUNDING(r.bridge.units));
  return out.join('\n') + '\n';
}

export function renderInputBridgeJson(r: InputBridgeReport): string {
  return JSON.stringify(inputBridgeJson(r), null, 2) + '\n';
}

export const INPUT_BRIDGE_CSV_COLUMNS = ['metric', 'year', 'row', 'change', 'amount'] as const;

export function renderInputBridgeCsv(r: InputBridgeReport): string {
  const b = r.bridge;
  const rows = [
    [b.metric, b.year, 'start', r.old.file, decString(b.start)],
    ...b.steps.map((s) => [b.metric, b.year, 'step', s.changes.map(changeText).join(' + '), decString(s.amount)]),
    [b.metric, b.year, 'end', r.new.file, decString(b.end)],
  ];
  return stringify(rows, { header: true, columns: [...INPUT_BRIDGE_CSV_COLUMNS] });
}

export function renderInputBridgeMarkdown(r: InputBridgeReport): string {
  const out = [`**${mdEscape(inputTitle(r))}**`, '', ...waterfallMarkdown(inputRows(r), r.bridge.units)];
  out.push(...noEffectText(r).map(mdEscape), '', mdEscape(ROUNDING(r.bridge.units)));
  return out.join('\n') + '\n';
}
