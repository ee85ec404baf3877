/**
 * The long CSV's rows, byte for byte what csv-stringify writes, without asking it about every
 * field: a scenario gives ~150 rows that share their first two fields, and the other three
 * (year label, metric name, decimal) are plain text that csv-stringify writes as it is.
 */
import { stringify } from 'csv-stringify/sync';

export const BATCH_HEADER = ['scenario', 'file', 'year', 'metric', 'value'] as const;

export function batchHeader(): string {
  return stringify([[...BATCH_HEADER]]);
}

/**
 * Text csv-stringify (default options) writes unchanged: not empty, and nothing it would quote
 * (delimiter, quote, line breaks) or escape. Anything else goes through csv-stringify itself.
 */
const PLAIN = /^[A-Za-z0-9_./-]+$/;
/** What csv-stringify's defaults never quote: no delimiter, quote or line break (spaces are fine). */
const UNQUOTED = /^[^,"\r\n]*$/;

/** `stringify(rows.map(([y, m, v]) => [scenario, file, y, m, v]))`, faster. */
export function csvRows(scenario: string, file: string, rows: readonly (readonly [string, string, string])[]): string {
  // Fields are quoted one at a time, so the shared two fields are the same text in every row.
  // Setting csv-stringify up costs more than a scenario's rows, so usual names skip it too.
  const shared = UNQUOTED.test(scenario) && UNQUOTED.test(file) ? `${scenario},${file},x\n` : stringify([[scenario, file, 'x']]);
  const prefix = shared.slice(0, shared.length - 'x\n'.length);
  let out = '';
  for (const [year, metric, value] of rows) {
    out +=
      PLAIN.test(year) && PLAIN.test(metric) && PLAIN.test(value)
        ? `${prefix}${year},${metric},${value}\n`
        : stringify([[scenario, file, year, metric, value]]);
  }
  return out;
}
