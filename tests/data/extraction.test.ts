/**
 * `npm run data`: the committed scenarios/data/ files are exactly what the extraction writes from
 * NHS England's workbooks, the 42 ICB rows add up to each sheet's England row, and the figures
 * the shared README names come out of the CSV exactly.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS_2025_26, COLUMNS_HISTORY, SHEETS, type ColumnSpec } from '../../scripts/allocations/columns.js';
import { ATTRIBUTION, dataFiles, extract, type Extraction } from '../../scripts/allocations/extract.js';
import { figure } from '../../scripts/allocations/workbook.js';
import { sharedDataDir } from '../../scripts/data.js';
import { Dec } from '../../src/model/decimal.js';
import { parseCsvRecords } from '../../src/model/presets.js';
import { REPO } from '../cli/helpers.js';

const DATA = join(REPO, 'scenarios', 'data');
const SHARED = sharedDataDir(REPO);

/** A committed CSV as one map per row, column name → text. */
function table(file: string): Map<string, string>[] {
  const [header, ...rows] = parseCsvRecords(readFileSync(join(DATA, file), 'utf8')).filter((r) => r.length > 1);
  return rows.map((r) => new Map(header!.map((h, i) => [h, r[i] ?? ''])));
}

let x: Extraction;
beforeAll(async () => {
  x = await extract(SHARED);
}, 120_000);

describe('npm run data', () => {
  it('writes exactly the committed files under scenarios/data/', () => {
    const files = dataFiles(x, SHARED);
    expect([...files.keys()].sort()).toEqual([
      'NOTICE',
      'icb-allocations-2023-24-to-2024-25.csv',
      'icb-allocations-2025-26.csv',
      'icb-allocations-columns.csv',
      'icb-footprints-from-april-2026.csv',
    ]);
    for (const [name, text] of files) expect(readFileSync(join(DATA, name), 'utf8'), name).toBe(text);
  });

  it('carries the OGL attribution in the NOTICE, and marks every row published with its document and sheets', () => {
    expect(readFileSync(join(DATA, 'NOTICE'), 'utf8')).toContain(ATTRIBUTION);
    expect(readFileSync(join(REPO, 'README.md'), 'utf8')).toContain(ATTRIBUTION);
    for (const file of ['icb-allocations-2025-26.csv', 'icb-allocations-2023-24-to-2024-25.csv']) {
      const rows = table(file);
      expect(rows).toHaveLength(42);
      for (const r of rows) {
        expect(r.get('source_status')).toBe('published');
        expect(r.get('source')).toMatch(/^NHS England, .*sheets: ICB Core Allocations/);
      }
    }
  });
});

/** Σ over the 42 rows of one CSV column, against the England row of the sheet it came from. */
function sumsToEngland(file: string, col: ColumnSpec) {
  const sum = table(file).reduce((s, r) => s.plus(new Dec(r.get(col.name)!)), new Dec(0));
  const rows = x.sheets.get(col.sheet)!;
  const england = figure(rows.england.get(col.heading), `${rows.sheet} England`)!;
  const also: string | undefined = 'englandAlsoCounts' in SHEETS[col.sheet] ? (SHEETS[col.sheet] as { englandAlsoCounts: string }).englandAlsoCounts : undefined;
  const regional = rows.others
    .filter((o) => also !== undefined && o.get('Region') === also)
    .reduce((s, o) => s.plus(figure(o.get(col.heading), rows.sheet) ?? 0), new Dec(0));
  return { sum, england, regional };
}

describe('the 42 ICB rows add up to each sheet\'s England row, to the £k', () => {
  const money = (cols: readonly ColumnSpec[], file: string) => cols.filter((c) => c.unit === '£k').map((c) => [file, c] as const);
  const cases = [...money(COLUMNS_2025_26, 'icb-allocations-2025-26.csv'), ...money(COLUMNS_HISTORY, 'icb-allocations-2023-24-to-2024-25.csv')];

  it.each(cases.map(([file, col]) => [col.name, file, col] as const))('%s', (_name, file, col) => {
    const { sum, england, regional } = sumsToEngland(file, col);
    // The POD and other primary care sheets' England rows also count NHS England's own regional lines.
    expect(sum.plus(regional).toFixed(0), `${col.sheet}: ${col.heading}`).toBe(england.toFixed(0));
  });

});

describe('the figures the shared README names come out exactly', () => {
  const rows = () => table('icb-allocations-2025-26.csv');
  const col = (name: string) => rows().map((r) => new Dec(r.get(name)!));
  const sum = (name: string) => col(name).reduce((a, b) => a.plus(b), new Dec(0));
  const qe1 = () => rows().find((r) => r.get('ods_code') === 'QE1')!;

  it('England core services: total 124,345,778.6 £k, recurrent 116,741,038 £k, £1,828.38 a head', () => {
    expect(sum('core_total').toFixed(1)).toBe('124345778.6');
    expect(sum('core_recurrent').toFixed()).toBe('116741038');
    // £ a head for England is the recurrent total over the population the workbook divides by,
    // which each row gives as its recurrent £k × 1000 / its £ a head.
    const heads = rows().reduce((s, r) => s.plus(new Dec(r.get('core_recurrent')!).times(1000).dividedBy(r.get('core_recurrent_per_head')!)), new Dec(0));
    expect(sum('core_recurrent').times(1000).dividedBy(heads).toFixed(2)).toBe('1828.38');
  });

  it('Lancashire and South Cumbria (QE1): total 4,150,565.7 £k, distance +4.90% before and +4.36% after a −0.5% convergence', () => {
    const r = qe1();
    expect(r.get('name')).toBe('Lancashire and South Cumbria');
    expect(new Dec(r.get('core_total')!).toFixed(1)).toBe('4150565.7');
    expect(new Dec(r.get('core_distance_before_convergence')!).times(100).toFixed(2)).toBe('4.90');
    expect(r.get('core_convergence')).toBe('-0.005');
    expect(new Dec(r.get('core_distance_from_target')!).times(100).toFixed(2)).toBe('4.36');
  });

  it('base growth is the same for every ICB (core 4.37%, primary medical care 3.09%, POD 3.47%); convergence within ±0.5%', () => {
    expect(new Set(rows().map((r) => r.get('core_base_growth')))).toEqual(new Set(['0.0437']));
    expect(new Set(rows().map((r) => r.get('primary_medical_care_base_growth')))).toEqual(new Set(['0.0309']));
    expect(new Set(rows().map((r) => r.get('pod_base_growth')))).toEqual(new Set(['0.0347']));
    for (const c of col('core_convergence')) expect(c.abs().lte('0.005'), c.toFixed()).toBe(true);
    expect(col('core_convergence').some((c) => c.eq('-0.005')) && col('core_convergence').some((c) => c.eq('0.005'))).toBe(true);
  });

  it('specialised allocations for all 42; POD 6,090,095 £k of the England 6,150,657 £k', () => {
    for (const c of col('specialised_physical_hcdd')) expect(c.gt(0)).toBe(true);
    expect(sum('pod_total').toFixed(0)).toBe('6090095');
    const pod = COLUMNS_2025_26.find((c) => c.name === 'pod_total')!;
    expect(sumsToEngland('icb-allocations-2025-26.csv', pod).england.toFixed(0)).toBe('6150657');
  });

  it('running cost allowance 2025/26: 873,991.6 £k in v1.4, 828,299 £k in the earlier workbook', () => {
    expect(sum('running_cost_allowance').toFixed(1)).toBe('873991.6');
    const older = table('icb-allocations-2023-24-to-2024-25.csv').reduce((s, r) => s.plus(new Dec(r.get('running_cost_allowance_2025_26_v1_2')!)), new Dec(0));
    expect(older.toFixed()).toBe('828299');
  });

  it('population: the sub-ICB rows sum to 57,106,398, and the 42 ICBs to the same', () => {
    expect(x.englandPopulation).toBe(57_106_398);
    expect(sum('population').toFixed()).toBe('57106398');
    expect(new Set(rows().map((r) => r.get('ons_code'))).size).toBe(42);
    for (const r of rows()) expect(r.get('ons_code')).toMatch(/^E54\d{6}$/);
  });
});
