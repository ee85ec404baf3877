/**
 * Reading NHS England's allocation workbooks: a sheet becomes its ICB rows (keyed by ODS code),
 * its England row, and any other rows, each cell found by its column heading rather than its
 * position, so a heading that changes in a new edition is an error, not a wrong column.
 */
import ExcelJS from 'exceljs';
import { Dec } from '../../src/model/decimal.js';

export const ICB_CODE = /^Q[A-Z0-9]{2}$/;

/** One sheet's rows as heading → cell text, the headings as published (whitespace collapsed). */
export interface SheetRows {
  sheet: string;
  headings: string[];
  icbs: Map<string, Map<string, CellValue>>;
  england: Map<string, CellValue>;
  /** Rows that are neither an ICB, a regional subtotal nor England (e.g. NHS England's own lines). */
  others: Map<string, CellValue>[];
}

/** A cell as the workbook stores it: a number (the stored value, not the displayed rounding) or text. */
export type CellValue = number | string | undefined;

export const heading = (s: string): string => s.replace(/\s+/g, ' ').trim();

function cellValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number' || typeof v === 'string') return v;
  if (typeof v === 'object' && 'result' in v) return cellValue(v.result as ExcelJS.CellValue);
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((t) => t.text).join('');
  return String(v);
}

export interface SheetLayout {
  /** The heading of the column holding the ODS code. */
  codeHeading: string;
  /**
   * How the England row is marked: a cell whose text is `England` (any case), or, for a sheet
   * whose total row has no label, the last row with a figure in `lastRowHeading`.
   */
  england: { label: true } | { lastRowHeading: string };
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/**
 * The sheet's rows under the first row that carries `layout.codeHeading`. A heading that appears
 * twice (the older workbook repeats the table header above its regional block) keeps the first.
 */
export function readSheet(wb: ExcelJS.Workbook, sheet: string, layout: SheetLayout): SheetRows {
  const ws = wb.getWorksheet(sheet);
  if (ws === undefined) throw new Error(`no sheet \`${sheet}\` (the workbook has: ${wb.worksheets.map((w) => w.name).join(', ')})`);
  const rows: Map<number, CellValue>[] = [];
  ws.eachRow({ includeEmpty: false }, (row) => {
    const cells = new Map<number, CellValue>();
    row.eachCell({ includeEmpty: false }, (cell, col) => cells.set(col, cellValue(cell.value)));
    rows.push(cells);
  });
  const headerIndex = rows.findIndex((r) => [...r.values()].some((v) => typeof v === 'string' && heading(v) === layout.codeHeading));
  if (headerIndex < 0) throw new Error(`${sheet}: no header row with \`${layout.codeHeading}\``);
  const columnOf = new Map<string, number>();
  for (const [col, v] of rows[headerIndex]!) if (typeof v === 'string' && heading(v) !== '') columnOf.set(heading(v), col);
  const named = (r: Map<number, CellValue>) => new Map([...columnOf].map(([h, col]) => [h, r.get(col)]));

  const icbs = new Map<string, Map<string, CellValue>>();
  const others: Map<string, CellValue>[] = [];
  let england: Map<string, CellValue> | undefined;
  const codeCol = columnOf.get(layout.codeHeading)!;
  for (const r of rows.slice(headerIndex + 1)) {
    const code = r.get(codeCol);
    const isEngland = 'label' in layout.england && [...r.values()].some((v) => typeof v === 'string' && v.trim().toLowerCase() === 'england');
    if (typeof code === 'string' && ICB_CODE.test(code.trim())) {
      if (icbs.has(code.trim())) throw new Error(`${sheet}: ICB ${code} appears twice`);
      icbs.set(code.trim(), named(r));
    } else if (isEngland) {
      england = named(r);
    } else if ([...r.values()].some((v) => typeof v === 'string' && heading(v) === layout.codeHeading)) {
      continue; // a repeated header
    } else if (typeof code === 'string' && /^Y\d\d$/.test(code.trim())) {
      others.push(named(r)); // a regional subtotal, or (in the POD sheet) NHS England's own regional line
    }
  }
  if ('lastRowHeading' in layout.england) {
    const col = columnOf.get(layout.england.lastRowHeading);
    if (col === undefined) throw new Error(`${sheet}: no column \`${layout.england.lastRowHeading}\``);
    const last = rows.slice(headerIndex + 1).filter((r) => r.get(col) !== undefined).at(-1);
    if (last !== undefined) england = named(last);
  }
  if (england === undefined) throw new Error(`${sheet}: no England row`);
  return { sheet, headings: [...columnOf.keys()], icbs, england, others };
}

/**
 * A published figure as an exact decimal string: a stored number as written by the shortest
 * round-trip form of the double (decimal.js reads it that way, never in exponent form), or a cell
 * the workbook holds as text (the older workbook's England rows: ` 93,571,250 `, `3.44% `, `-`).
 */
export function figure(v: CellValue, where: string): Dec | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return new Dec(v);
  const text = v.replace(/[,\s£]/g, '');
  if (text === '-' || text === '') return undefined;
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1) : text;
  if (!/^-?\d+(\.\d+)?$/.test(body)) throw new Error(`${where}: \`${v}\` is not a number`);
  return percent ? new Dec(body).dividedBy(100) : new Dec(body);
}
