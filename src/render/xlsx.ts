/**
 * `--format xlsx`: a workbook a finance team can keep working in. Three sheets: Results (every
 * metric by year, money as numbers in the scenario's units with a thousands format that shows
 * deficits in red with a minus sign, shares and rates as percentages), Inputs (what the engine
 * used, by year) and Checks (each rule and where it fails); then, for each scenario with
 * providers, its organisations sheet (xlsx-organisations.ts). Frozen header row, columns sized to
 * fit. Pure: returns the file's bytes; the command writes them atomically.
 */
import { Writable } from 'node:stream';
import type ExcelJS from 'exceljs';
import type { Dec } from '../model/decimal.js';
import { metricDefs, type MetricDef, type MetricKind } from '../model/metrics.js';
import type { RunResult } from '../model/run.js';
import { policyType } from '../model/policies/index.js';
import type { Units } from '../model/units.js';
import type { CheckedRun } from '../report/check.js';
import { DISPLAY_PLACES } from './format.js';
import { policyText } from './html/assumptions.js';
import { ORG_HEADERS, ORG_LEAD, organisationRows, organisationSheetNames } from './xlsx-organisations.js';

export const SHARE_FORMAT = '0.00%';

/** `#,##0.0;[Red]-#,##0.0` for £m (to £100k), `#,##0;[Red]-#,##0` for £k and £. */
export function moneyFormat(units: Units): string {
  const places = DISPLAY_PLACES[units];
  const body = places > 0 ? `#,##0.${'0'.repeat(places)}` : '#,##0';
  return `${body};[Red]-${body}`;
}

/** A formula with the figure it comes to, so the sheet shows icbsim's figure before Excel recalculates. */
export interface Formula {
  formula: string;
  result: number | null;
}

export type CellValue = string | number | null | Formula;

const isNumeric = (v: CellValue): boolean => typeof v === 'number' || (v !== null && typeof v === 'object');

interface Column {
  header: string;
}

export interface Row {
  values: CellValue[];
  /** The number format of this row's year cells (they hold money or shares). */
  numFmt?: string;
}

/** Excel stores doubles; the nearest one to the exact decimal is the honest cell value. */
function num(d: Dec | undefined): number | null {
  return d === undefined ? null : Number(d.toString());
}

function formatFor(kind: MetricKind, units: Units): string {
  return kind === 'money' ? moneyFormat(units) : SHARE_FORMAT;
}

/** A line's metric under the line's own label, as the report shows it: "Acute hospital services: spend". */
function lineLabel(def: MetricDef, labels: ReadonlyMap<string, string>): string {
  if (!def.line) return def.label;
  const what = def.label.startsWith(`${def.line} `) ? def.label.slice(def.line.length + 1) : def.label;
  return `${labels.get(def.line) ?? def.line}: ${what}`;
}

function resultRows(results: readonly RunResult[], years: string[]): Row[] {
  return results.flatMap((r) => {
    const byYear = new Map(r.years.map((y) => [y.year, y.metrics] as const));
    const labels = new Map(r.lines.map((l) => [l.name, l.label] as const));
    return metricDefs(r.spec).map((def) => ({
      values: [
        r.scenario,
        lineLabel(def, labels),
        def.name,
        def.kind === 'money' ? r.units : '%',
        ...years.map((y) => num(byYear.get(y)?.[def.name])),
      ],
      numFmt: formatFor(def.kind, r.units),
    }));
  });
}

function inputRows(results: readonly RunResult[], years: string[]): Row[] {
  return results.flatMap((r) => {
    const plan = r.projection.plan;
    const at = (values: readonly Dec[], fromYear: 0 | 1): CellValue[] =>
      years.map((y) => {
        const t = plan.labels.indexOf(y);
        return t < fromYear ? null : num(values[t]);
      });
    const money = moneyFormat(r.units);
    const rows: Row[] = [
      { values: [r.scenario, 'Base-year recurrent allocation', '', r.units, ...years.map((y) => (y === plan.labels[0] ? num(plan.r0) : null))], numFmt: money },
      { values: [r.scenario, 'Allocation growth', '', '%', ...at(plan.growth, 1)], numFmt: SHARE_FORMAT },
    ];
    const fs = plan.fairShare;
    if (fs) {
      rows.push({ values: [r.scenario, 'Distance from fair-share target', '', '%', ...years.map((y) => (y === plan.labels[0] ? num(fs.distance0) : null))], numFmt: SHARE_FORMAT });
      if (fs.rule.kind === 'given') {
        rows.push({ values: [r.scenario, 'Convergence adjustment', '', '%', ...at(fs.rule.convergence, 1)], numFmt: SHARE_FORMAT });
      } else {
        const { pace, cap } = fs.rule;
        rows.push({ values: [r.scenario, 'Convergence pace', '', '%', ...at(plan.labels.map(() => pace), 1)], numFmt: SHARE_FORMAT });
        rows.push({ values: [r.scenario, 'Convergence cap', '', '%', ...at(plan.labels.map(() => cap), 1)], numFmt: SHARE_FORMAT });
      }
    }
    if (plan.streams.length === 0) {
      rows.push({ values: [r.scenario, 'Non-recurrent funding', '', r.units, ...at(plan.nonRecurrent, 0)], numFmt: money });
    }
    for (const st of plan.streams) {
      const line = st.ringFenced === undefined ? '' : plan.lines[st.ringFenced]!.name;
      const what = st.ringFenced === undefined ? `Non-recurrent: ${st.name}` : `Non-recurrent: ${st.name} (ring-fenced)`;
      rows.push({ values: [r.scenario, what, line, r.units, ...at(st.amounts, 0)], numFmt: money });
    }
    for (const l of plan.lines) {
      rows.push({ values: [r.scenario, 'Base-year spend', l.name, r.units, ...years.map((y) => (y === plan.labels[0] ? num(l.spend0) : null))], numFmt: money });
      rows.push({ values: [r.scenario, 'Inflation', l.name, '%', ...at(l.inflation, 1)], numFmt: SHARE_FORMAT });
      rows.push({ values: [r.scenario, 'Demand growth', l.name, '%', ...at(l.demand, 1)], numFmt: SHARE_FORMAT });
      rows.push({ values: [r.scenario, 'Efficiency requirement', l.name, '%', ...at(l.efficiency, 1)], numFmt: SHARE_FORMAT });
      rows.push({ values: [r.scenario, 'Efficiency delivered', l.name, '%', ...at(l.delivery, 1)], numFmt: SHARE_FORMAT });
      if (l.uplift) rows.push({ values: [r.scenario, 'Contract uplift (flat cash)', l.name, '%', ...at(l.uplift, 1)], numFmt: SHARE_FORMAT });
      if (l.savings.some((x) => !x.isZero())) rows.push({ values: [r.scenario, 'One-off savings', l.name, r.units, ...at(l.savings, 0)], numFmt: money });
    }
    for (const p of r.spec.policies ?? []) {
      // The sentence (with the policy's own name) goes last, after the years: in the Line column it
      // made that column 60 wide and pushed every year off a laptop screen; the Input column, frozen
      // on screen, keeps the short policy type.
      rows.push({ values: [r.scenario, `Policy: ${p.type}`, policyType(p).lines(p).join(', '), '', ...years.map(() => null), policyText(r, p)] });
    }
    return rows;
  });
}

function checkRows(runs: readonly CheckedRun[]): Row[] {
  return runs.flatMap(({ result: r, checks }) => {
    const defs = metricDefs(r.spec);
    return checks.flatMap((o): Row[] => {
      const kind = defs.find((d) => d.name === o.check.metric)?.kind ?? 'money';
      if (o.passed) return [{ values: [r.scenario, o.check.name, o.check.metric, 'Passed', o.years.join(', '), '', null, null] }];
      return o.failures.map((f) => {
        // A relative change, or a change in a share, is a percentage; anything else is in the metric's own terms.
        const pct = kind !== 'money' || f.side.endsWith('_from_base');
        return {
          values: [r.scenario, o.check.name, o.check.metric, 'Failed', f.year, f.side, num(f.value), num(f.limit)],
          numFmt: pct ? SHARE_FORMAT : moneyFormat(r.units),
        };
      });
    });
  });
}

/** One sheet's content, built before anything is written: the writer needs each column's width first. */
export interface Sheet {
  name: string;
  columns: Column[];
  rows: Row[];
  /** Cells from this column on take the row's number format. */
  firstNumeric: number;
  /** The widest display (displayWidth) of each column's cells, the header not counted. */
  widths: number[];
  /** Columns frozen at the left (default 2: the scenario and what the row is). */
  frozenColumns?: number;
}

export function columnWidths(sheet: Sheet): number[] {
  return sheet.columns.map((c, i) => Math.min(60, Math.max(8, Math.max(c.header.length, sheet.widths[i] ?? 0) + 2)));
}

function cellFormat(row: Row, i: number, firstNumeric: number): string | undefined {
  return i >= firstNumeric ? row.numFmt : undefined;
}

/** The widest display of each column's cells: measured where the rows are built (batch's workers), not once a workbook. */
export function contentWidths(rows: readonly Row[], firstNumeric: number): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    const { values } = row;
    for (let i = 0; i < values.length; i++) widths[i] = Math.max(widths[i] ?? 0, displayWidth(values[i]!, cellFormat(row, i, firstNumeric)));
  }
  return widths;
}

/**
 * Rows written between turns of the event loop. The zip is deflated on Node's thread pool while
 * the sheets are written, but only if this thread lets archiver's and zlib's callbacks run:
 * writing every row in one go left all the deflating (about 0.5 s of CPU at 2,000 scenarios) to
 * the end, on one core while the other waited. exceljs passes a sheet's XML on in 64 KB pieces, a
 * piece about every 200 rows; each turn hands zlib the next.
 */
const YIELD_ROWS = 100;

/**
 * exceljs's streaming writer, without the readers its index loads too (about 0.1 s less to load).
 * exceljs is the heaviest module here: batch's workers build rows without it, and batch loads it
 * while they run.
 */
export async function loadWriter(): Promise<typeof ExcelJS.stream.xlsx.WorkbookWriter> {
  return (await import('exceljs/lib/stream/xlsx/workbook-writer.js')).default;
}

/**
 * Sheets are streamed row by row (ExcelJS's WorkbookWriter), each row committed as it is written,
 * and every cell of one number format shares one style object, which the style table recognises by
 * identity: a batch of thousands of scenarios never holds its cells as objects or hashes a style a
 * cell. That goes for the unstyled cells and rows too: exceljs gives each a fresh `{}`, which the
 * table can only know by rendering it to XML and looking the text up (half the writer's time at
 * two thousand scenarios), so they all share one empty style, which comes to the same style 0.
 * The workbook is the same as the in-memory writer's: the same sheets, cells, formats, widths,
 * frozen panes and filters.
 */
export async function writeWorkbook(sheets: readonly Sheet[], writeRow: RowWriter = writeDataRow): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk);
      done();
    },
  });
  const WorkbookWriter = await loadWriter();
  const wb = new WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  wb.creator = 'icbsim';
  const styles = new Map<string, Partial<ExcelJS.Style>>();
  const styleFor = (fmt: string) => {
    let style = styles.get(fmt);
    if (style === undefined) styles.set(fmt, (style = { numFmt: fmt }));
    return style;
  };
  let written = 0;
  for (const sheet of sheets) {
    const { columns } = sheet;
    const ws = wb.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1, xSplit: Math.min(sheet.frozenColumns ?? 2, columns.length) }] });
    ws.columns = columnWidths(sheet).map((width) => ({ width }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    const header = ws.addRow(columns.map((c) => c.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle' };
    header.eachCell((cell) => {
      cell.border = { bottom: { style: 'thin' } };
    });
    header.commit();
    for (const row of sheet.rows) {
      writeRow(ws, row, sheet.firstNumeric, styleFor).commit();
      if (++written % YIELD_ROWS === 0) await new Promise<void>((resolve) => setImmediate(resolve));
    }
    ws.commit();
  }
  await wb.commit();
  await new Promise<void>((resolve, reject) => {
    if (sink.writableFinished) resolve();
    else {
      sink.once('finish', resolve);
      sink.once('error', reject);
    }
  });
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * Adds one data row to its sheet, each formatted number with its format's one style object; the
 * writer commits it. A parameter of writeWorkbook so that a test can write the same sheets through
 * the row loop this one replaced and compare the workbooks.
 */
export type RowWriter = (
  ws: ExcelJS.Worksheet,
  row: Row,
  firstNumeric: number,
  styleFor: (fmt: string) => Partial<ExcelJS.Style>,
) => ExcelJS.Row;

/** The one empty style every unstyled cell and row shares (why: writeWorkbook). */
const NO_STYLE: Partial<ExcelJS.Style> = {};

const writeDataRow: RowWriter = (ws, row, firstNumeric, styleFor) => {
  const { values } = row;
  const last = values.length - 1;
  // A blank within the row is no cell at all (exceljs writes nothing for an unstyled empty
  // cell, but builds, prepares and renders one); a blank at either end stays a cell, for the
  // row's `spans`, which run from its first cell to its last.
  const added = ws.addRow(values.map((v, i) => (v === null && i > 0 && i < last ? undefined : v)));
  // Row.style is in exceljs (row.js) but not in its types.
  (added as ExcelJS.Row & { style: Partial<ExcelJS.Style> }).style = NO_STYLE;
  for (let i = 0; i <= last; i++) {
    const cell = added.findCell(i + 1);
    if (cell === undefined) continue;
    const v = values[i]!;
    const fmt = isNumeric(v) ? cellFormat(row, i, firstNumeric) : undefined;
    cell.style = fmt ? styleFor(fmt) : NO_STYLE;
  }
  return added;
};

/** The decimal places a number format shows (1 for `#,##0.0;[Red]-#,##0.0`), worked out once a format. */
const placesOf = new Map<string, number>();
function places(fmt: string | undefined): number {
  if (fmt === undefined) return 0;
  let n = placesOf.get(fmt);
  if (n === undefined) placesOf.set(fmt, (n = fmt.includes('.') ? (/\.(0+)/.exec(fmt)?.[1]?.length ?? 0) : 0));
  return n;
}

/**
 * Roughly how many characters Excel shows for a value in a format: enough to size a column. A
 * number's thousands separators are counted, not written: one for every three digits of its whole
 * part after the first (a batch sizes millions of cells).
 */
export function displayWidth(cell: CellValue, fmt: string | undefined): number {
  const v = cell !== null && typeof cell === 'object' ? cell.result : cell;
  if (v === null) return 0;
  if (typeof v === 'string') return v.length;
  if (fmt === SHARE_FORMAT) return (v * 100).toFixed(2).length + 1;
  const p = places(fmt);
  const text = Math.abs(v).toFixed(p);
  const fraction = p ? p + 1 : 0;
  const sign = v < 0 ? 1 : 0;
  if (Math.abs(v) < 1e21) {
    const whole = text.length - fraction;
    return whole + Math.floor((whole - 1) / 3) + fraction + sign;
  }
  // From 1e21 on toFixed writes an exponent (NaN and Infinity as words): grouped as written.
  return text.split('.')[0]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',').length + fraction + sign;
}

/**
 * One scenario's rows of every sheet, its year columns its own years. Plain data (strings, numbers,
 * nulls), so batch's worker threads can build them and post them back.
 */
export interface ScenarioRows {
  scenario: string;
  years: string[];
  results: Row[];
  inputs: Row[];
  checks: Row[];
  /** Its organisations sheet, in its own years (empty without providers). */
  organisations: Row[];
  /** Each sheet's contentWidths of these rows. */
  widths: Record<'results' | 'inputs' | 'checks' | 'organisations', number[]>;
}

/** The four columns before the years on the Results and Inputs sheets. */
const LEAD = 4;
/** The Checks sheet's figure and limit. */
const CHECKS_NUMERIC = 6;

export function scenarioRows(run: CheckedRun): ScenarioRows {
  const r = run.result;
  const years = r.years.map((y) => y.year);
  const results = resultRows([r], years);
  const inputs = inputRows([r], years);
  const checks = checkRows([run]);
  const organisations = organisationRows(r, moneyFormat(r.units), (name, t) => num(r.years[t]!.metrics[name]));
  const widths = {
    results: contentWidths(results, LEAD),
    inputs: contentWidths(inputs, LEAD),
    checks: contentWidths(checks, CHECKS_NUMERIC),
    organisations: contentWidths(organisations, ORG_LEAD),
  };
  return { scenario: r.scenario, years, results, inputs, checks, organisations, widths };
}

/**
 * Moves a row's year cells (or its columns' widths) from its scenario's own years to the
 * workbook's, `blank` where it has none; undefined when its years are the workbook's. Where each
 * year comes from is worked out once a scenario, not once a cell.
 */
function toYears(own: readonly string[], all: readonly string[]): (<T>(v: readonly T[], blank: T) => T[]) | undefined {
  if (own.length === all.length && own.every((y, i) => all[i] === y)) return undefined;
  const from = all.map((y) => own.indexOf(y));
  return (v, blank) => {
    const moved = v.slice(0, LEAD);
    for (const i of from) moved.push(i < 0 ? blank : (v[LEAD + i] ?? blank));
    for (let k = LEAD + own.length; k < v.length; k++) moved.push(v[k]!);
    return moved;
  };
}

/** Each column's widest cell over the parts' own widths. */
function widest(parts: readonly number[][]): number[] {
  const widths: number[] = [];
  for (const w of parts) for (let i = 0; i < w.length; i++) widths[i] = Math.max(widths[i] ?? 0, w[i]!);
  return widths;
}

export function workbookSheets(parts: readonly ScenarioRows[]): Sheet[] {
  const years = [...new Set(parts.flatMap((p) => p.years))].sort();
  const yearCols = years.map((y) => ({ header: y }));
  const movers = parts.map((p) => toYears(p.years, years));
  const rows = (pick: (p: ScenarioRows) => Row[]) =>
    parts.flatMap((p, k) => {
      const move = movers[k];
      return move === undefined ? pick(p) : pick(p).map((row) => ({ ...row, values: move(row.values, null) }));
    });
  const widths = (sheet: 'results' | 'inputs') => widest(parts.map((p, k) => movers[k]?.(p.widths[sheet], 0) ?? p.widths[sheet]));
  const withProviders = parts.filter((p) => p.organisations.length > 0);
  const names = organisationSheetNames(withProviders.map((p) => p.scenario), ['Results', 'Inputs', 'Checks']);
  const organisations = withProviders.map(
    (p, k): Sheet => ({
      name: names[k]!,
      columns: [...ORG_HEADERS.lead, ...p.years, ...ORG_HEADERS.trail].map((header) => ({ header })),
      rows: p.organisations,
      firstNumeric: ORG_LEAD,
      widths: p.widths.organisations,
      frozenColumns: ORG_LEAD,
    }),
  );
  return [
    { name: 'Results', columns: [{ header: 'Scenario' }, { header: 'Metric' }, { header: 'Key' }, { header: 'Units' }, ...yearCols], rows: rows((p) => p.results), firstNumeric: LEAD, widths: widths('results') },
    {
      name: 'Inputs',
      columns: [{ header: 'Scenario' }, { header: 'Input' }, { header: 'Line' }, { header: 'Units' }, ...yearCols, { header: 'Detail' }],
      rows: rows((p) => p.inputs),
      firstNumeric: LEAD,
      widths: widths('inputs'),
    },
    {
      name: 'Checks',
      columns: [{ header: 'Scenario' }, { header: 'Check' }, { header: 'Metric' }, { header: 'Result' }, { header: 'Year' }, { header: 'Limit broken' }, { header: 'Figure' }, { header: 'Limit' }],
      rows: parts.flatMap((p) => p.checks),
      firstNumeric: CHECKS_NUMERIC,
      widths: widest(parts.map((p) => p.widths.checks)),
    },
    ...organisations,
  ];
}

/** The workbook of scenarios whose rows were built elsewhere (batch's workers), in the order given. */
export function renderXlsxRows(parts: readonly ScenarioRows[]): Promise<Uint8Array> {
  return writeWorkbook(workbookSheets(parts));
}

export async function renderXlsx(runs: readonly CheckedRun[]): Promise<Uint8Array> {
  return renderXlsxRows(runs.map(scenarioRows));
}
