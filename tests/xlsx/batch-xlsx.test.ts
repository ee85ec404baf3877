/**
 * batch's workbook is built from rows its worker threads post back: it must be the same workbook
 * as the in-memory path (`renderXlsx` of the same runs) cell for cell, format for format, width for
 * width, with scenarios of different lengths sharing the year columns.
 */
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderXlsx } from '../../src/render/xlsx.js';
import { checkedRun } from '../../src/report/check.js';
import { generate } from '../batch/generate.js';
import { icbsim, tempDir } from '../cli/helpers.js';
import { runFile } from '../report/helpers.js';
import { readWorkbook as read } from './read-workbook.js';


function sheetModel(ws: ExcelJS.Worksheet) {
  const cells: [string, unknown, string | undefined][] = [];
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: false }, (c) => cells.push([c.address, c.value, c.numFmt])),
  );
  return { name: ws.name, views: ws.views, widths: ws.columns.map((c) => c.width), filter: ws.autoFilter, bold: ws.getRow(1).font?.bold, cells };
}

describe('batch --format xlsx', () => {
  it('with 2 worker threads is the in-memory workbook of the same runs', async () => {
    const dir = tempDir('icbsim-batch-xlsx-');
    // 1 + i % 6 projection years: the 12 scenarios run 2026/27 to between 2026/27 and 2031/32.
    const files = generate(dir, 12);
    const out = join(dir, 'all.xlsx');
    const r = await icbsim(['batch', dir, '--workers', '2', '--out', out], { cwd: dir });
    expect(r.code).toBe(0);
    const runs = files.map(runFile);
    const fromBatch = await read(readFileSync(out));
    const inMemory = await read(await renderXlsx(runs.map(checkedRun)));
    expect(fromBatch.worksheets.map(sheetModel)).toEqual(inMemory.worksheets.map(sheetModel));
    // The year columns are the union: base year and six projection years after four lead columns.
    const header = fromBatch.getWorksheet('Results')!.getRow(1).values as unknown[];
    expect(header.slice(5)).toEqual(['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31', '2031/32']);
    // s0001 has 1 + 1 % 6 = 2 projection years, to 2027/28: its 2028/29 cell (column 8) is blank.
    const results = fromBatch.getWorksheet('Results')!;
    const row = results.getRow(2);
    expect([row.getCell(1).value, row.getCell(3).value]).toEqual(['Generated 1', 'allocation']);
    expect(row.getCell(8).value).toBeNull();
    expect(typeof row.getCell(7).value).toBe('number');
  }, 60_000);

  it('with every file bad writes nothing', async () => {
    const dir = tempDir('icbsim-batch-xlsx-bad-');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'name: Bad\n');
    const r = await icbsim(['batch', bad, '--out', join(dir, 'x.xlsx')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no scenario ran: nothing to put in the workbook');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});
