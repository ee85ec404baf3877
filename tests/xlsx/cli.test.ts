/** `--format xlsx` from run, compare and batch: a real workbook at --out, the exact figures, atomic writes. */
import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, icbsim, tempDir } from '../report/helpers.js';

const TINY = join(FIXTURES, 'tiny.yaml');
const UNCERTAIN = join(FIXTURES, 'uncertain.yaml');

async function sheetRows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rows: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('--format xlsx', () => {
  const dir = tempDir();

  it('run writes the workbook (also chosen by a .xlsx --out) with the exact figures', async () => {
    const out = join(dir, 'plan.xlsx');
    const r = await icbsim(['run', TINY, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('wrote');
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const surplus = (await sheetRows(out, 'Results')).find((row) => row[2] === 'icb_surplus');
    // 100 − 90, 110 − 91.5, 121 − 93.075.
    expect(surplus).toEqual(['Tiny ICB', 'ICB surplus/(deficit)', 'icb_surplus', '£m', 10, 18.5, 27.925]);
  });

  it('needs --out: a workbook is not printed', async () => {
    const r = await icbsim(['run', TINY, '--format', 'xlsx']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out plan.xlsx');
  });

  it('does not combine with --draws', async () => {
    const r = await icbsim(['run', TINY, '--format', 'xlsx', '--draws', '10', '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--draws');
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('never writes over the scenario it reads', async () => {
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(TINY, copy);
    const r = await icbsim(['run', copy, '--format', 'xlsx', '--out', copy]);
    expect(r.code).toBe(2);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(TINY, 'utf8'));
  });

  it('compare puts every scenario (and the baseline) in one workbook', async () => {
    const out = join(dir, 'compare.xlsx');
    const r = await icbsim(['compare', UNCERTAIN, '--baseline', TINY, '--format', 'xlsx', '--out', out]);
    expect(r.code).toBe(0);
    const incomes = (await sheetRows(out, 'Results')).filter((row) => row[2] === 'income').map((row) => row[0]);
    expect(incomes).toEqual(['Tiny ICB', 'Tiny ICB - uncertain demand']);
  });

  it('batch writes a workbook, skips a bad file with exit 2 and keeps the rest', async () => {
    const plans = join(dir, 'plans');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(plans);
    copyFileSync(TINY, join(plans, 'a.yaml'));
    writeFileSync(join(plans, 'b.yaml'), readFileSync(TINY, 'utf8').replace('growth: 10%', 'growth: 10'));
    copyFileSync(UNCERTAIN, join(plans, 'c.yaml'));
    const out = join(dir, 'batch.xlsx');
    const r = await icbsim(['batch', plans, '--out', out, '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/b\.yaml: skipped \(bad input\)/);
    const names = [...new Set((await sheetRows(out, 'Results')).slice(1).map((row) => row[0]))];
    expect(names).toEqual(['Tiny ICB', 'Tiny ICB - uncertain demand']);
    const checks = await sheetRows(out, 'Checks');
    expect(checks.filter((row) => row[3] === 'Failed')).toHaveLength(2);
    expect(readdirSync(dir).filter((f) => f.startsWith('.icbsim-tmp'))).toEqual([]);
  });
});
