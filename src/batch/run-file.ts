/** One scenario of a batch, to its rows of the long CSV: scenario, file, year, metric, value. */
import path from 'node:path';
import { formatDiagnostics } from '../io/diagnostics.js';
import { loadScenario } from '../io/load-scenario.js';
import { decString } from '../model/decimal.js';
import { runScenario } from '../model/run.js';
import { checkedRun } from '../report/check.js';
import { scenarioRows, type ScenarioRows } from '../render/xlsx.js';
import { csvRows } from './csv-rows.js';

export { BATCH_HEADER, batchHeader } from './csv-rows.js';

export interface BatchTask {
  abs: string;
  /** The file as the CSV's `file` column names it. */
  display: string;
  color: boolean;
  /** stderr's width, for cutting a long line's code frame (undefined: the default). */
  width?: number | undefined;
  /** What the main thread writes: the long CSV's rows, or a workbook's rows (built here, written there). */
  output: 'csv' | 'xlsx';
}

/** `read`: every file the scenario was loaded from (it and its bases), absolute, so --out can spare them. */
export type BatchResult = { ok: true; csv: string; sheets?: ScenarioRows; rows: number; read: string[] } | { ok: false; text: string };

export function runBatchFile(task: BatchTask): BatchResult {
  const loaded = loadScenario(task.abs);
  if (!loaded.ok) {
    return { ok: false, text: formatDiagnostics(loaded.diagnostics, loaded.sources, { color: task.color, width: task.width }) };
  }
  const run = runScenario(loaded.scenario.spec, loaded.scenario.name);
  // The loader names files from the process's working directory.
  const read = loaded.scenario.chain.map((f) => path.resolve(f));
  if (task.output === 'xlsx') {
    const sheets = scenarioRows(checkedRun(run));
    return { ok: true, csv: '', sheets, rows: sheets.results.length, read };
  }
  const rows: [string, string, string][] = [];
  for (const y of run.years) {
    for (const [metric, value] of Object.entries(y.metrics)) rows.push([y.year, metric, decString(value)]);
  }
  return { ok: true, csv: csvRows(run.scenario, task.display, rows), rows: rows.length, read };
}

/** As runBatchFile, but a bug in one scenario's run is that file's failure, not the whole batch's. */
export function runBatchFileSafely(task: BatchTask): BatchResult {
  try {
    return runBatchFile(task);
  } catch (error) {
    return { ok: false, text: `${task.display}: internal error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
}
