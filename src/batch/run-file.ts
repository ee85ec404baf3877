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
  /** `--metric`: only these metrics' rows (names, or `family.*` for every member); undefined: every metric. */
  metrics?: readonly string[] | undefined;
}

/** `read`: every file the scenario was loaded from (it and its bases), absolute, so --out can spare them. */
/** `matched`: the `--metric` names this scenario had a row for, so a name no scenario reports can be told. */
export type BatchResult = { ok: true; csv: string; sheets?: ScenarioRows; rows: number; read: string[]; matched?: string[] } | { ok: false; text: string };

/** The `--metric` name (or `family.*` pattern) that selects a metric, if any. */
function selector(wanted: ReadonlySet<string>, metric: string): string | undefined {
  if (wanted.has(metric)) return metric;
  const dot = metric.indexOf('.');
  const pattern = dot < 0 ? undefined : `${metric.slice(0, dot)}.*`;
  return pattern !== undefined && wanted.has(pattern) ? pattern : undefined;
}

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
  const wanted = task.metrics === undefined ? undefined : new Set(task.metrics);
  const matched = new Set<string>();
  for (const y of run.years) {
    for (const [metric, value] of Object.entries(y.metrics)) {
      if (wanted !== undefined) {
        const by = selector(wanted, metric);
        if (by === undefined) continue;
        matched.add(by);
      }
      rows.push([y.year, metric, decString(value)]);
    }
  }
  return { ok: true, csv: csvRows(run.scenario, task.display, rows), rows: rows.length, read, ...(wanted ? { matched: [...matched] } : {}) };
}

/** As runBatchFile, but a bug in one scenario's run is that file's failure, not the whole batch's. */
export function runBatchFileSafely(task: BatchTask): BatchResult {
  try {
    return runBatchFile(task);
  } catch (error) {
    return { ok: false, text: `${task.display}: internal error: ${error instanceof Error ? error.message : String(error)}\n` };
  }
}
