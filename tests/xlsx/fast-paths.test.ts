/**
 * The workbook writer's fast paths give what the plain code they replaced gave: a number's display
 * width counted rather than written out, the year columns moved with a plan worked out once a
 * scenario, the columns' widths measured a scenario at a time (in batch's workers) and then
 * combined, and the rows written without their inner blanks and with one shared empty style (the
 * same workbook writer, with the row loop it replaced). Each property holds the replaced code as its
 * oracle, word for word.
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  columnWidths,
  contentWidths,
  displayWidth,
  moneyFormat,
  renderXlsxRows,
  SHARE_FORMAT,
  workbookSheets,
  writeWorkbook,
  type CellValue,
  type RowWriter,
  type Row,
  type ScenarioRows,
  type Sheet,
} from '../../src/render/xlsx.js';

/** displayWidth as it was: the number written with its thousands separators, then measured. */
function writtenWidth(cell: CellValue, fmt: string | undefined): number {
  const v = cell !== null && typeof cell === 'object' ? cell.result : cell;
  if (v === null) return 0;
  if (typeof v === 'string') return v.length;
  if (fmt === SHARE_FORMAT) return (v * 100).toFixed(2).length + 1;
  const places = fmt?.includes('.') ? (/\.(0+)/.exec(fmt)?.[1]?.length ?? 0) : 0;
  const text = Math.abs(v).toFixed(places);
  const grouped = text.split('.')[0]!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return grouped.length + (places ? places + 1 : 0) + (v < 0 ? 1 : 0);
}

const FORMATS = [undefined, SHARE_FORMAT, moneyFormat('£m'), moneyFormat('£k'), moneyFormat('£'), '#,##0.000;[Red]-#,##0.000', 'General'];

/** Doubles of every size (any bit pattern, NaN and infinities too), and the edges where a rounding adds a digit. */
const numbers = fc.oneof(
  fc.double(),
  fc.double({ min: -1e7, max: 1e7 }),
  fc.integer({ min: 0, max: 21 }).map((k) => 10 ** k - 0.05),
  fc.integer({ min: 0, max: 21 }).map((k) => -(10 ** k) + 0.0049),
  fc.constantFrom(0, -0, 999.95, 999.949, 99_999.5, 1e21, -1e21, 9.99e20, 1.5e21),
);

describe('displayWidth', () => {
  it('is the width of the number written out, for every double and format', () => {
    fc.assert(
      fc.property(numbers, fc.constantFrom(...FORMATS), (v, fmt) => {
        expect(displayWidth(v, fmt)).toBe(writtenWidth(v, fmt));
        expect(displayWidth({ formula: 'A1', result: v }, fmt)).toBe(writtenWidth({ formula: 'A1', result: v }, fmt));
      }),
      { numRuns: 20_000 },
    );
  });

  it('counts the separators of a figure by hand: -1,234,567.9 in £m is 12 characters', () => {
    // "-" + "1,234,567" (7 digits, 2 commas) + ".9": 1 + 9 + 2 = 12.
    expect(displayWidth(-1234567.89, moneyFormat('£m'))).toBe(12);
    // "999.95" rounds to "1,000.0" at one place: 7 characters.
    expect(displayWidth(999.95, moneyFormat('£m'))).toBe(7);
  });
});

/** The year columns as they were moved: each row on its own, each year looked up in the scenario's own years. */
function movedByRow(row: Row, own: readonly string[], all: readonly string[]): Row {
  if (own.length === all.length && own.every((y, i) => all[i] === y)) return row;
  const years = all.map((y) => {
    const i = own.indexOf(y);
    return i < 0 ? null : (row.values[LEAD + i] ?? null);
  });
  return { ...row, values: [...row.values.slice(0, LEAD), ...years, ...row.values.slice(LEAD + own.length)] };
}
const LEAD = 4;

/** A sheet's column widths as they were measured: every cell of the whole sheet, in one pass, the header counted. */
function measuredWidths(columns: readonly { header: string }[], rows: readonly Row[], firstNumeric: number): number[] {
  const widths = columns.map((c) => c.header.length);
  for (const row of rows) {
    row.values.forEach((v, i) => {
      widths[i] = Math.max(widths[i] ?? 0, writtenWidth(v, i >= firstNumeric ? row.numFmt : undefined));
    });
  }
  return columns.map((_, i) => Math.min(60, Math.max(8, (widths[i] ?? 8) + 2)));
}

const YEARS = ['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31'];
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.double({ noNaN: true }),
  fc.double({ min: -1e6, max: 1e6 }),
  fc.string({ maxLength: 70 }),
  fc.record({ formula: fc.constant('E2-E3'), result: fc.oneof(fc.constant(null), fc.double({ min: -1e9, max: 1e9 })) }),
);

/** A scenario's rows: some of the workbook's years, each row with its lead cells, a cell a year and perhaps a trailing detail. */
const scenario = (k: number): fc.Arbitrary<ScenarioRows> =>
  fc.subarray(YEARS, { minLength: 1 }).chain((years) => {
    const row = fc.record({
      values: fc
        .tuple(fc.string({ maxLength: 40 }), fc.array(cell, { minLength: years.length, maxLength: years.length }), fc.array(fc.string({ maxLength: 80 }), { maxLength: 1 }))
        .map(([what, ys, trail]) => [`S${k}`, what, '', '£m', ...ys, ...trail] as CellValue[]),
      numFmt: fc.constantFrom(undefined, SHARE_FORMAT, moneyFormat('£m'), moneyFormat('£')),
    });
    const check = fc.record({ values: fc.array(cell, { minLength: 8, maxLength: 8 }), numFmt: fc.constantFrom(undefined, SHARE_FORMAT, moneyFormat('£k')) });
    return fc.record({ results: fc.array(row, { maxLength: 4 }), inputs: fc.array(row, { maxLength: 4 }), checks: fc.array(check, { maxLength: 3 }) }).map(
      ({ results, inputs, checks }): ScenarioRows => ({
        scenario: `S${k}`,
        years,
        results,
        inputs,
        checks,
        organisations: [],
        widths: { results: contentWidths(results, LEAD), inputs: contentWidths(inputs, LEAD), checks: contentWidths(checks, 6), organisations: [] },
      }),
    );
  });

describe('workbookSheets', () => {
  it('puts every cell of the Results and Inputs sheets where moving each row on its own put it', () => {
    const parts = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => scenario(k))));
    fc.assert(
      fc.property(parts, (ps) => {
        const all = [...new Set(ps.flatMap((p) => p.years))].sort();
        const [results, inputs] = workbookSheets(ps);
        expect(results!.rows).toEqual(ps.flatMap((p) => p.results.map((r) => movedByRow(r, p.years, all))));
        expect(inputs!.rows).toEqual(ps.flatMap((p) => p.inputs.map((r) => movedByRow(r, p.years, all))));
      }),
      { numRuns: 500 },
    );
  });

  it("gives every sheet the column widths measured over all its cells at once", () => {
    const parts = fc.integer({ min: 1, max: 5 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => scenario(k))));
    fc.assert(
      fc.property(parts, (ps) => {
        for (const sheet of workbookSheets(ps)) {
          expect(columnWidths(sheet), sheet.name).toEqual(measuredWidths(sheet.columns, sheet.rows, sheet.firstNumeric));
        }
      }),
      { numRuns: 500 },
    );
  });
});

/** A row as it was written: each row's values as they are, a style set only on a formatted number. */
const rowCellByCell: RowWriter = (ws, row, firstNumeric, styleFor) => {
  const isNumeric = (v: CellValue): boolean => typeof v === 'number' || (v !== null && typeof v === 'object');
  const added = ws.addRow(row.values);
  row.values.forEach((v, i) => {
    const fmt = i >= firstNumeric ? row.numFmt : undefined;
    if (isNumeric(v) && fmt) added.getCell(i + 1).style = styleFor(fmt);
  });
  return added;
};

/** Every part of a workbook's zip as text, but docProps/core.xml: it holds the time it was written. */
async function partsOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, file] of Object.entries(zip.files)) if (!file.dir && name !== 'docProps/core.xml') parts[name] = await file.async('string');
  return parts;
}

/** Rows with blanks anywhere (first, last, every cell), formulas whose result is blank, numbers before the formatted columns. */
const sparseRow = (length: number) =>
  fc.record({
    values: fc.array(
      fc.oneof(
        { arbitrary: fc.constant(null), weight: 3 },
        { arbitrary: fc.double({ min: -1e6, max: 1e6 }), weight: 1 },
        { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
        { arbitrary: fc.record({ formula: fc.constant('E2-E3'), result: fc.oneof(fc.constant(null), fc.double({ min: -1e3, max: 1e3 })) }), weight: 1 },
      ),
      { minLength: length, maxLength: length },
    ),
    numFmt: fc.constantFrom(undefined, SHARE_FORMAT, moneyFormat('£m')),
  });
const sparseScenario = (k: number): fc.Arbitrary<ScenarioRows> =>
  fc.subarray(YEARS.slice(0, 3), { minLength: 1 }).chain((years) =>
    fc
      .record({
        results: fc.array(sparseRow(LEAD + years.length), { maxLength: 3 }),
        inputs: fc.array(fc.oneof(sparseRow(LEAD + years.length), sparseRow(LEAD + years.length + 1)), { maxLength: 3 }),
        checks: fc.array(sparseRow(8), { maxLength: 2 }),
        organisations: fc.array(sparseRow(3 + years.length + 2), { maxLength: 2 }),
      })
      .map(({ results, inputs, checks, organisations }) => ({
        scenario: `S${k}`,
        years,
        results,
        inputs,
        checks,
        organisations,
        widths: { results: contentWidths(results, LEAD), inputs: contentWidths(inputs, LEAD), checks: contentWidths(checks, 6), organisations: contentWidths(organisations, 3) },
      })),
  );

describe('the workbook writer', () => {
  it('writes every part of the zip as writing each row cell by cell did', async () => {
    const parts = fc.integer({ min: 1, max: 3 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, k) => sparseScenario(k))));
    await fc.assert(
      fc.asyncProperty(parts, async (ps) => {
        expect(await partsOf(await renderXlsxRows(ps))).toEqual(await partsOf(await writeWorkbook(workbookSheets(ps), rowCellByCell)));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
