/**
 * `icbsim compare`: scenarios side by side, one column each, rows for the headline metrics of one
 * year and for the whole period. Money is shown in one set of units (the first column's).
 */
import { convertMoney } from '../model/convert-units.js';
import { Dec } from '../model/decimal.js';
import { HEADLINE_METRICS, headlineMetricDefs, metricDefs, type MetricKind } from '../model/metrics.js';
import type { RunResult } from '../model/run.js';
import type { Units } from '../model/units.js';

export type RowKind = MetricKind | 'year';

export interface CompareRow {
  id: string;
  label: string;
  kind: RowKind;
}

/** Whole-period rows, after the chosen year's metrics. */
export const PERIOD_ROWS: readonly CompareRow[] = [
  { id: 'period_surplus', label: 'Surplus over the whole period', kind: 'money' },
  { id: 'worst_surplus', label: "Worst year's surplus", kind: 'money' },
  { id: 'worst_year', label: 'Worst year', kind: 'year' },
];

export const DEFAULT_ROWS: readonly CompareRow[] = [
  ...HEADLINE_METRICS.map((m) => ({ id: m.name, label: m.label, kind: m.kind })),
  ...PERIOD_ROWS,
];

export type Cell = Dec | string | undefined;

export interface CompareColumn {
  scenario: string;
  file: string;
  year: string;
  values: Cell[];
  /** Against the baseline, row by row (undefined where there is no number to subtract). */
  deltas?: (Dec | undefined)[];
}

export interface Comparison {
  units: Units;
  rows: CompareRow[];
  baseline?: CompareColumn;
  columns: CompareColumn[];
}

export interface Compared {
  file: string;
  result: RunResult;
}

/**
 * The rows compare shows without `--metric`: the headline metrics, then the fair-share and one-off
 * rows of any scenario that reports them (a blank where another does not), then the period rows.
 */
export function defaultRows(runs: readonly Compared[]): CompareRow[] {
  const rows = new Map<string, CompareRow>(HEADLINE_METRICS.map((m) => [m.name, { id: m.name, label: m.label, kind: m.kind }]));
  for (const { result } of runs) {
    for (const d of headlineMetricDefs(result.spec)) {
      if (d.group !== undefined && !rows.has(d.name)) rows.set(d.name, { id: d.name, label: d.label, kind: d.kind });
    }
  }
  return [...rows.values(), ...PERIOD_ROWS];
}

/** Every row name `--metric` accepts for these scenarios. */
export function rowCatalogue(runs: readonly Compared[]): CompareRow[] {
  const rows = new Map<string, CompareRow>(DEFAULT_ROWS.map((r) => [r.id, r]));
  for (const { result } of runs) {
    for (const d of metricDefs(result.spec)) {
      if (!rows.has(d.name)) rows.set(d.name, { id: d.name, label: d.label, kind: d.kind });
    }
  }
  return [...rows.values()];
}

function column(run: Compared, year: string, rows: readonly CompareRow[], units: Units): CompareColumn {
  const r = run.result;
  const money = (d: Dec | undefined) => (d === undefined ? undefined : convertMoney(d, r.units, units));
  const at = r.years.find((y) => y.year === year);
  const projection = r.years.slice(1);
  let worst: { year: string; surplus: Dec } | undefined;
  let total = new Dec(0);
  for (const y of projection) {
    const s = y.metrics.icb_surplus!;
    total = total.plus(s);
    // The first of equally bad years: the earliest is the one to act on.
    if (worst === undefined || s.lt(worst.surplus)) worst = { year: y.year, surplus: s };
  }
  const values = rows.map((row): Cell => {
    if (row.id === 'period_surplus') return money(total);
    if (row.id === 'worst_surplus') return money(worst?.surplus);
    if (row.id === 'worst_year') return worst?.year;
    const v = at?.metrics[row.id];
    return row.kind === 'money' ? money(v) : v;
  });
  return { scenario: r.scenario, file: run.file, year, values };
}

/** `year` undefined: each scenario's own final year. */
export function buildComparison(
  runs: readonly Compared[],
  rows: readonly CompareRow[],
  opts: { year?: string; baseline?: Compared },
): Comparison {
  const first = opts.baseline ?? runs[0];
  const units: Units = first?.result.units ?? '£m';
  const yearOf = (c: Compared) => opts.year ?? c.result.years.at(-1)!.year;
  const baseline = opts.baseline ? column(opts.baseline, yearOf(opts.baseline), rows, units) : undefined;
  const columns = runs.map((c) => column(c, yearOf(c), rows, units));
  if (baseline) {
    for (const col of columns) {
      col.deltas = col.values.map((v, i) => {
        const b = baseline.values[i];
        return v instanceof Dec && b instanceof Dec ? v.minus(b) : undefined;
      });
    }
  }
  return { units, rows: [...rows], ...(baseline ? { baseline } : {}), columns };
}
