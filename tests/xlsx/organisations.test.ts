/**
 * The organisations sheet (MODEL.md "Providers"), read back with exceljs: each organisation's
 * income, costs and surplus by year as numbers in money format, the surpluses and totals as
 * formulas whose cached values are the engine's figures and which, recalculated, come to them.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decString } from '../../src/model/decimal.js';
import { columnLetter, organisationSheetNames } from '../../src/render/xlsx-organisations.js';
import { renderXlsx } from '../../src/render/xlsx.js';
import { checkedRun } from '../../src/report/check.js';
import { icbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { FIXTURES, REPO, runFile } from '../report/helpers.js';
import { result } from '../render/fixture.js';
import { readWorkbook as read, rowsOf } from './read-workbook.js';


/** A cell's figure: a number, or a formula's cached result (exceljs's `value` drops a result of 0; `result` keeps it). */
function figure(cell: ExcelJS.Cell): number | undefined {
  if (typeof cell.value === 'number') return cell.value;
  return cell.formula ? (cell.result as number | undefined) : undefined;
}

/** A formula recalculated as Excel would, from the cells it names (only + and − of cell references). */
function recalculate(ws: ExcelJS.Worksheet, formula: string): number {
  const terms = [...formula.matchAll(/([+-]?)([A-Z]+\d+)/g)];
  expect(terms.map((m) => m[0]).join(''), `${formula} is sums and differences of cells`).toBe(formula);
  return terms.reduce((sum, [, sign, ref]) => {
    const c = ws.getCell(ref!);
    const v = c.formula ? recalculate(ws, c.formula) : (c.value as number);
    return sign === '-' ? sum - v : sum + v;
  }, 0);
}

/** Each row by its key (the column after the years), its year figures in order. */
function byKey(ws: ExcelJS.Worksheet, years: number): Map<string, { org: string; figure: string; cells: ExcelJS.Cell[] }> {
  return new Map(
    rowsOf(ws)
      .slice(1)
      .map((r) => [
        String(r.getCell(4 + years).value),
        { org: String(r.getCell(1).value), figure: String(r.getCell(2).value), cells: Array.from({ length: years }, (_, t) => r.getCell(4 + t)) },
      ]),
  );
}

/**
 * Line a (acute, 100) at flat cash, line b (community, 50) funded in full, 3% inflation, income
 * flat at 200. x holds 60% of a and 20% of b; y holds 50% of b with other income growing 2%.
 */
const SMALL = {
  name: 'Two trusts',
  base_year: '2025/26',
  years: '2',
  allocation: { recurrent: '200', growth: '0%' },
  assumptions: { inflation: '3%' },
  lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '50' } },
  policies: [{ type: 'flat_cash', line: 'a' }],
  providers: {
    x: { label: 'Trust X', contracts: { a: '60%', b: '20%' }, other_income: '10', other_costs: '12' },
    y: { contracts: { b: '50%' }, other_income: '5', other_income_growth: '2%', other_costs: '4' },
  },
};

describe('the organisations sheet, by hand', async () => {
  const wb = await read(await renderXlsx([checkedRun(result(SMALL))]));
  const ws = wb.getWorksheet('Organisations')!;
  const rows = byKey(ws, 3);

  it('follows the three sheets, its years between the organisation and the key', () => {
    // The workbook's only scenario with providers: its tab needs no scenario name.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Results', 'Inputs', 'Checks', 'Organisations']);
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual(['Organisation', 'Figure', 'Units', '2025/26', '2026/27', '2027/28', 'Key', 'Scenario']);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 3 });
    expect([...rows.keys()]).toEqual([
      'income', 'spend', 'icb_surplus',
      'provider_income.x', 'provider_costs.x', 'provider_surplus.x',
      'provider_income.y', 'provider_costs.y', 'provider_surplus.y',
      'providers_surplus', 'unheld_gap', 'system_surplus',
    ]);
    expect(rows.get('provider_surplus.x')).toMatchObject({ org: 'Trust X', figure: 'Surplus/(deficit)' });
    // y has no label: its name stands for it.
    expect(rows.get('provider_costs.y')).toMatchObject({ org: 'y', figure: 'Costs' });
    expect(rows.get('unheld_gap')).toMatchObject({ org: 'System', figure: 'Less: gap held outside the scenario' });
  });

  it("holds the hand-computed figures", () => {
    const at = (key: string) => rows.get(key)!.cells.map(figure);
    // ICB: income 200 every year; spend a 100 (flat cash) + b 50, 51.5, 53.045; surplus 50, 48.5, 46.955.
    expect(at('income')).toEqual([200, 200, 200]);
    expect(at('spend')).toEqual([150, 151.5, 153.045]);
    expect(at('icb_surplus')).toEqual([50, 48.5, 46.955]);
    // x: income 60% × 100 + 20% × S_b + 10 = 80, 80.3, 80.609; costs 60% × K_a (100, 103, 106.09)
    // + 20% × K_b + C (12, 12.36, 12.7308) = 82, 84.46, 86.9938; surplus −2, −4.16, −6.3848.
    expect(at('provider_income.x')).toEqual([80, 80.3, 80.609]);
    expect(at('provider_costs.x')).toEqual([82, 84.46, 86.9938]);
    expect(at('provider_surplus.x')).toEqual([-2, -4.16, -6.3848]);
    // y: income 50% × S_b (25, 25.75, 26.5225) + O (5, 5.1, 5.202) = 30, 30.85, 31.7245; costs
    // 50% × K_b + C (4, 4.12, 4.2436) = 29, 29.87, 30.7661; surplus 1, 0.98, 0.9584.
    expect(at('provider_income.y')).toEqual([30, 30.85, 31.7245]);
    expect(at('provider_costs.y')).toEqual([29, 29.87, 30.7661]);
    expect(at('provider_surplus.y')).toEqual([1, 0.98, 0.9584]);
    // Providers: −2 + 1 = −1; −4.16 + 0.98 = −3.18; −6.3848 + 0.9584 = −5.4264.
    expect(at('providers_surplus')).toEqual([-1, -3.18, -5.4264]);
    // Unheld: the acute gap (0, 3, 6.09) less x's part of it (60% of 0, 3, 6.09 = 0, 1.8, 3.654).
    expect(at('unheld_gap')).toEqual([0, 1.2, 2.436]);
    // System: 50 − 1 − 0 = 49; 48.5 − 3.18 − 1.2 = 44.12; 46.955 − 5.4264 − 2.436 = 39.0926
    // (MODEL.md's P − ΣG + Σ(O − C): 46.955 − 6.09 + (10 − 12.7308) + (5.202 − 4.2436) = 39.0926).
    expect(at('system_surplus')).toEqual([49, 44.12, 39.0926]);
  });

  it('writes each surplus and total as a formula over the rows above, which recalculates to its figure', () => {
    // Row 2 is the ICB's income, 3 its costs; x is rows 5–7, y 8–10; the system rows 11–13; 2026/27 is column E.
    expect(rows.get('icb_surplus')!.cells[1]!.formula).toBe('E2-E3');
    expect(rows.get('provider_surplus.y')!.cells[1]!.formula).toBe('E8-E9');
    expect(rows.get('providers_surplus')!.cells[1]!.formula).toBe('E7+E10');
    expect(rows.get('system_surplus')!.cells[1]!.formula).toBe('E4+E11-E12');
    let formulas = 0;
    for (const { cells } of rows.values()) {
      for (const c of cells) {
        if (!c.formula) continue;
        formulas++;
        expect(recalculate(ws, c.formula), `${c.address}: ${c.formula}`).toBeCloseTo(figure(c)!, 9);
      }
    }
    // ICB, x, y, providers and system surpluses, three years each.
    expect(formulas).toBe(5 * 3);
  });

  it('formats every figure as money, never as text', () => {
    for (const { cells } of rows.values()) {
      for (const c of cells) {
        expect(typeof figure(c), c.address).toBe('number');
        expect(c.numFmt, c.address).toBe('#,##0.0;[Red]-#,##0.0');
      }
    }
  });
});

describe('the organisations sheet of the shipped scenarios', async () => {
  const runs = ['base.yaml', 'cp-blueprint.yaml'].map((f) => runFile(join(REPO, 'scenarios', f)));
  const tiny = runFile(join(FIXTURES, 'tiny.yaml'));
  const wb = await read(await renderXlsx([...runs, tiny].map(checkedRun)));

  it('is one sheet per scenario with providers, none for one without', () => {
    // Tabs hold 31 characters: the words both names start with (`Example ICB - `) are left out.
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Results', 'Inputs', 'Checks', 'Orgs base', 'Orgs Cambridgeshire and Peterbo']);
  });

  it("holds the engine's figures, every organisation, every year, and they reconcile to the penny", () => {
    runs.forEach((r, k) => {
      const ws = wb.worksheets[3 + k]!;
      const rows = byKey(ws, r.years.length);
      const providers = Object.keys(r.spec.providers!);
      expect(rows.size).toBe(3 + 3 * providers.length + 3);
      for (const [key, { cells }] of rows) {
        r.years.forEach((y, t) => {
          expect(figure(cells[t]!), `${r.scenario} ${key} ${y.year}`).toBe(Number(decString(y.metrics[key]!)));
          if (cells[t]!.formula) expect(recalculate(ws, cells[t]!.formula)).toBeCloseTo(figure(cells[t]!)!, 6);
        });
      }
      // Every column's full name is the scenario's, after the key.
      expect(ws.getRow(2).getCell(4 + r.years.length + 1).value).toBe(r.scenario);
      // The sheet's system surplus, in pence, is the ICB's plus each provider's less the unheld gap.
      const pence = (key: string, t: number) => Math.round(figure(rows.get(key)!.cells[t]!)! * 1e8);
      r.years.forEach((_, t) => {
        const parts = pence('icb_surplus', t) + providers.reduce((s, p) => s + pence(`provider_surplus.${p}`, t), 0) - pence('unheld_gap', t);
        expect(parts).toBe(pence('system_surplus', t));
      });
    });
  });
});

describe('run and batch write it', () => {
  const dir = tempDir('icbsim-orgs-xlsx-');

  it('run --out plan.xlsx', async () => {
    const file = writeScenario(dir, 'two.yaml', JSON.stringify(SMALL));
    const out = join(dir, 'two.xlsx');
    const r = await icbsim(['run', file, '--out', out]);
    expect(r.code).toBe(0);
    const ws = (await read(readFileSync(out))).getWorksheet('Organisations')!;
    expect(byKey(ws, 3).get('system_surplus')!.cells.map(figure)).toEqual([49, 44.12, 39.0926]);
  });

  it('batch with worker threads writes the same organisations sheets as the in-memory workbook', async () => {
    const plans = join(dir, 'plans');
    for (const f of ['base.yaml', 'cp-blueprint.yaml']) writeScenario(plans, f, readFileSync(join(REPO, 'scenarios', f)));
    writeScenario(plans, 'two.yaml', JSON.stringify(SMALL));
    const out = join(dir, 'batch.xlsx');
    // base.yaml and cp-blueprint.yaml extend nothing outside the folder they are copied to.
    const r = await icbsim(['batch', plans, '--workers', '2', '--out', out], { cwd: dir });
    expect(r.stderr).not.toContain('skipped');
    const book = await read(readFileSync(out));
    const names = book.worksheets.map((w) => w.name).filter((n) => n.startsWith('Orgs '));
    expect(names.sort()).toEqual(['Orgs Example ICB - Cambridgeshi', 'Orgs Example ICB - base', 'Orgs Two trusts']);
    const ws = book.getWorksheet('Orgs Two trusts')!;
    expect(byKey(ws, 3).get('provider_surplus.y')!.cells.map(figure)).toEqual([1, 0.98, 0.9584]);
    expect(ws.getCell('E10').formula).toBe('E8-E9');
    // Cell for cell (formulas, cached figures, formats) the workbook of the same runs built in memory.
    const inMemory = await read(await renderXlsx(['base.yaml', 'cp-blueprint.yaml', 'two.yaml'].map((f) => checkedRun(runFile(join(plans, f))))));
    const cells = (w: ExcelJS.Workbook) =>
      w.worksheets.filter((s) => s.name.startsWith('Orgs ')).map((s) => rowsOf(s).flatMap((r) => (r.values as unknown[]).map((v, i) => [s.name, r.number, i, v, r.getCell(Math.max(i, 1)).numFmt])));
    expect(cells(book)).toEqual(cells(inMemory));
  }, 60_000);
});

describe('organisationSheetNames', () => {
  it('names a workbook\'s only organisations sheet Organisations, and leaves out the words every name starts with', () => {
    expect(organisationSheetNames(['Example ICB - base'], [])).toEqual(['Organisations']);
    expect(organisationSheetNames(['Example ICB - base', 'Example ICB - left shift'], [])).toEqual(['Orgs base', 'Orgs left shift']);
    // Only whole words: `Plan A` and `Planned B` share no word.
    expect(organisationSheetNames(['Plan A', 'Planned B'], [])).toEqual(['Orgs Plan A', 'Orgs Planned B']);
    expect(organisationSheetNames(['Tiny ICB', 'Tiny ICB'], [])).toEqual(['Orgs ICB', 'Orgs ICB (2)']);
  });

  it("keeps to Excel's 31 characters and its characters, unique without regard to case", () => {
    const long = 'A very long scenario name that goes on';
    const names = organisationSheetNames([long, long, 'a/b: [c]?', 'results'], ['Results', 'Inputs', 'Checks']);
    expect(names).toEqual(['Orgs A very long scenario name', 'Orgs A very long scenario n (2)', 'Orgs a b c', 'Orgs results']);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('columnLetter', () => {
  it('counts A to Z, then AA', () => {
    expect([1, 4, 26, 27, 52, 53].map(columnLetter)).toEqual(['A', 'D', 'Z', 'AA', 'AZ', 'BA']);
  });
});
