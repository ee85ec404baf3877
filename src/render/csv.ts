/** Long-format CSV, one row per year and metric, exact decimals: what a spreadsheet or R reads best. */
import { stringify } from 'csv-stringify/sync';
import { decString } from '../model/decimal.js';
import type { RunResult } from '../model/run.js';

export const CSV_COLUMNS = ['scenario', 'year', 'metric', 'value'] as const;

export function renderCsv(result: RunResult): string {
  const rows = result.years.flatMap((y) =>
    Object.entries(y.metrics).map(([metric, v]) => [result.scenario, y.year, metric, decString(v)]),
  );
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS] });
}
