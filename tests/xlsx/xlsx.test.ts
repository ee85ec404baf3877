/** The workbook read back with exceljs: every figure is the exact run's, formatted as a finance team expects. */
import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { decString } from '../../src/model/decimal.js';
import { runScenario, type RunResult } from '../../src/model/run.js';
import { moneyFormat, renderXlsx } from '../../src/render/xlsx.js';
import { checkedRun } from '../../src/report/check.js';
import { FIXTURES, REPO } from '../report/helpers.js';
import { readWorkbook as read, rowsOf } from './read-workbook.js';

function run(file: string): RunResult {
  const loaded = loadScenario(join(FIXTURES, file));
  if (!loaded.ok) throw new Error(`fixture ${file} does not load`);
  return runScenario(loaded.scenario.spec, loaded.scenario.name);
}


describe('renderXlsx', async () => {
  const tiny = run('tiny.yaml');
  const wb = await read(await renderXlsx([tiny].map(checkedRun)));
  const results = wb.getWorksheet('Results')!;

  it('has the three sheets, each with a frozen, bold header row', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Results', 'Inputs', 'Checks']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).font?.bold).toBe(true);
    }
    expect(results.getRow(1).values).toEqual([undefined, 'Scenario', 'Metric', 'Key', 'Units', '2025/26', '2026/27', '2027/28']);
  });

  it('holds every metric of every year as the number nearest the exact decimal', () => {
    const rows = rowsOf(results).slice(1);
    // Ten headline metrics and four per line for two lines.
    expect(rows).toHaveLength(10 + 4 * 2);
    let checked = 0;
    for (const row of rows) {
      const key = String(row.getCell(3).value);
      tiny.years.forEach((y, t) => {
        const exact = y.metrics[key];
        const cell = row.getCell(5 + t).value;
        if (exact === undefined) expect(cell, `${key} ${y.year}`).toBeNull();
        else {
          expect(cell, `${key} ${y.year}`).toBe(Number(decString(exact)));
          checked++;
        }
      });
    }
    // 18 metrics × 3 years, less the base year's allocation growth, cumulative surplus and 2 line growths.
    expect(checked).toBe(18 * 3 - 4);
  });

  it('carries the hand-computed figures in the scenario units with money and percentage formats', () => {
    const byKey = new Map(rowsOf(results).map((r) => [String(r.getCell(3).value), r]));
    const surplus = byKey.get('icb_surplus')!;
    // 100 − 90 = 10; 110 − 91.5 = 18.5; 121 − 93.075 = 27.925 (exact, not the table's 27.9).
    expect([5, 6, 7].map((c) => surplus.getCell(c).value)).toEqual([10, 18.5, 27.925]);
    expect(surplus.getCell(4).value).toBe('£m');
    expect(surplus.getCell(6).numFmt).toBe('#,##0.0;[Red]-#,##0.0');
    const share = byKey.get('care_shift_share')!;
    // 31.5 / 91.5 = 0.344262...; MODEL.md keeps shares to 0.01 percentage points: 0.3443.
    expect(share.getCell(6).value).toBe(0.3443);
    expect(share.getCell(6).numFmt).toBe('0.00%');
    expect(share.getCell(4).value).toBe('%');
    // The acute gap: need 63 − 60 = 3, 66.15 − 60 = 6.15.
    expect([5, 6, 7].map((c) => byKey.get('gap.acute')!.getCell(c).value)).toEqual([0, 3, 6.15]);
  });

  it('sizes columns to fit their widest text', () => {
    const metric = results.getColumn(2);
    const longest = Math.max(...rowsOf(results).map((r) => String(r.getCell(2).value).length));
    expect(metric.width).toBeGreaterThanOrEqual(longest);
    expect(metric.width).toBeLessThanOrEqual(longest + 4);
  });

  it('sizes the year columns for the largest figure (a £k plan would otherwise show ####)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'icbsim-xlsx-'));
    try {
      // Tiny in £k with an allocation of 2,000,000: income 2,000,000 → 2,200,000 → 2,420,000, shown
      // as "2,420,000" (9 characters), wider than Excel's default column of 8.43.
      const file = join(dir, 'big.yaml');
      writeFileSync(file, readFileSync(join(FIXTURES, 'tiny.yaml'), 'utf8').replace('units: £m', 'units: £k').replace('recurrent: 100', 'recurrent: 2000000'));
      const loaded = loadScenario(file);
      if (!loaded.ok) throw new Error('big.yaml does not load');
      const big = await read(await renderXlsx([runScenario(loaded.scenario.spec, loaded.scenario.name)].map(checkedRun)));
      const ws = big.getWorksheet('Results')!;
      const income = rowsOf(ws).find((r) => r.getCell(3).value === 'income')!;
      expect(income.getCell(7).value).toBe(2_420_000);
      expect(income.getCell(7).numFmt).toBe('#,##0;[Red]-#,##0');
      for (const c of [5, 6, 7]) expect(ws.getColumn(c).width, `column ${c}`).toBeGreaterThanOrEqual('2,420,000'.length + 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names each line's metrics by the line's label, the key column keeping the machine name", () => {
    const byKey = new Map(rowsOf(results).map((r) => [String(r.getCell(3).value), String(r.getCell(2).value)]));
    expect(byKey.get('spend.acute')).toBe('Acute trust: spend');
    expect(byKey.get('gap.acute')).toBe('Acute trust: provider gap');
    expect(byKey.get('growth.community')).toMatch(/: spend growth$/);
  });

  it('lists the inputs the engine used', () => {
    // Empty cells read back as null, whatever exceljs does with trailing blanks.
    const inputs = rowsOf(wb.getWorksheet('Inputs')!).map((r) => [1, 2, 3, 4, 5, 6, 7].map((c) => r.getCell(c).value ?? null));
    expect(inputs).toContainEqual(['Tiny ICB', 'Allocation growth', '', '%', null, 0.1, 0.1]);
    expect(inputs).toContainEqual(['Tiny ICB', 'Base-year spend', 'acute', '£m', 60, null, null]);
    expect(inputs).toContainEqual(['Tiny ICB', 'Inflation', 'community', '%', null, 0.05, 0.05]);
    // A policy names its line(s) in the Line column and says what it does in the last column, after
    // the years, so the Line column stays narrow.
    const policy = rowsOf(wb.getWorksheet('Inputs')!).find((r) => r.getCell(2).value === 'Policy: flat_cash')!;
    expect(policy.getCell(3).value).toBe('acute');
    expect(wb.getWorksheet('Inputs')!.getRow(1).getCell(8).value).toBe('Detail');
    expect(policy.getCell(8).value).toBe('Acute trust held to an uplift of 0% a year; need above that is the provider gap.');
    expect(wb.getWorksheet('Inputs')!.getColumn(3).width).toBeLessThan(20);
  });

  it('lists every line a policy touches, its own name leading its description', async () => {
    const dflt = loadScenario(join(REPO, 'scenarios', 'default.yaml'));
    if (!dflt.ok) throw new Error('default.yaml does not load');
    const book = await read(await renderXlsx([runScenario(dflt.scenario.spec, dflt.scenario.name)].map(checkedRun)));
    const policies = rowsOf(book.getWorksheet('Inputs')!)
      .filter((r) => String(r.getCell(2).value).startsWith('Policy: '))
      .map((r) => [r.getCell(2).value, r.getCell(3).value, String(r.getCell(11).value).split(':')[0]]);
    // default.yaml's four policies, in its order (see scenarios/default.yaml); six years, so Detail is column 11.
    expect(policies).toEqual([
      ['Policy: flat_cash', 'acute', 'Acute contract uplift'],
      ['Policy: running_cost_cut', 'running', 'Running costs cut'],
      ['Policy: shift_activity', 'acute, community', 'Virtual wards and urgent community response'],
      ['Policy: divert_growth', 'community, prevention', 'Community and prevention investment'],
    ]);
  });

  it('lists each check, and each year a failing check fails with the figure and the limit', () => {
    const checks = rowsOf(wb.getWorksheet('Checks')!).map((r) => (r.values as unknown[]).slice(1));
    expect(checks[0]).toEqual(['Scenario', 'Check', 'Metric', 'Result', 'Year', 'Limit broken', 'Figure', 'Limit']);
    expect(checks[1]?.slice(0, 5)).toEqual(['Tiny ICB', 'ICB breakeven', 'icb_surplus', 'Passed', '2025/26, 2026/27, 2027/28']);
    // System surplus 10 and 15.5 are under 16; 21.775 in 2027/28 passes.
    expect(checks.slice(2)).toEqual([
      ['Tiny ICB', 'System surplus of 16', 'system_surplus', 'Failed', '2025/26', 'min', 10, 16],
      ['Tiny ICB', 'System surplus of 16', 'system_surplus', 'Failed', '2026/27', 'min', 15.5, 16],
    ]);
  });

  it('puts several scenarios in one sheet, leaving years a scenario does not have empty', async () => {
    const both = await read(await renderXlsx([tiny, run('uncertain.yaml')].map(checkedRun)));
    const rows = rowsOf(both.getWorksheet('Results')!);
    expect(rows[0]!.values).toEqual([undefined, 'Scenario', 'Metric', 'Key', 'Units', '2025/26', '2026/27', '2027/28', '2028/29']);
    const tinyIncome = rows.find((r) => r.getCell(1).value === 'Tiny ICB' && r.getCell(3).value === 'income')!;
    expect(tinyIncome.getCell(8).value).toBeNull();
    // The uncertain scenario runs at its central values: income 100 × 1.1³ = 133.1.
    const other = rows.find((r) => r.getCell(1).value === 'Tiny ICB - uncertain demand' && r.getCell(3).value === 'income')!;
    expect(other.getCell(8).value).toBe(133.1);
  });
});

describe('moneyFormat', () => {
  it('shows £m to one decimal and £k and £ to whole units, deficits red with a minus sign', () => {
    expect(moneyFormat('£m')).toBe('#,##0.0;[Red]-#,##0.0');
    expect(moneyFormat('£k')).toBe('#,##0;[Red]-#,##0');
    expect(moneyFormat('£')).toBe('#,##0;[Red]-#,##0');
  });
});
