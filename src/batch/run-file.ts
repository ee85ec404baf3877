/** One scenario of a batch, to its rows of the long CSV: scenario, file, year, metric, value. */
import { stringify } from 'csv-stringify/sync';
import { formatDiagnostic } from '../io/diagnostics.js';
import { loadScenario } from '../cli/load-scenario.js';
import { decString } from '../model/decimal.js';
import { runScenario } from '../model/run.js';

export const BATCH_HEADER = ['scenario', 'file', 'year', 'metric', 'value'] as const;

export interface BatchTask {
  abs: string;
  /** The file as the CSV's `file` column names it. */
  display: string;
  color: boolean;
}

export type BatchResult = { ok: true; csv: string; rows: number } | { ok: false; text: string };

export function runBatchFile(task: BatchTask): BatchResult {
  const loaded = loadScenario(task.abs);
  if (!loaded.ok) {
    const text = loaded.diagnostics.map((d) => formatDiagnostic(d, loaded.sources, { color: task.color }) + '\n').join('');
    return { ok: false, text };
  }
  const run = runScenario(loaded.scenario.spec, loaded.scenario.name);
  const rows: string[][] = [];
  for (const y of run.years) {
    for (const [metric, value] of Object.entries(y.metrics)) rows.push([run.scenario, task.display, y.year, metric, decString(value)]);
  }
  return { ok: true, csv: stringify(rows), rows: rows.length };
}

export function batchHeader(): string {
  return stringify([[...BATCH_HEADER]]);
}
