/** `icbsim diff` output: the inputs that changed, then the effect on each headline metric by year. */
import Table from 'cli-table3';
import { inBlocks } from './blocks.js';
import { Dec, decString } from '../model/decimal.js';
import { inputText, type EffectRow, type InputChange } from '../model/input-diff.js';
import type { MetricDef } from '../model/metrics.js';
import type { Units } from '../model/units.js';
import { DISPLAY_PLACES, formatMoney, formatShare } from './format.js';
import { mdEscape } from './md.js';

export interface PlanDiff {
  old: { file: string; scenario: string };
  new: { file: string; scenario: string };
  units: Units;
  inputs: InputChange[];
  effect: EffectRow[];
  defs: Map<string, MetricDef>;
}

function figure(d: Dec | undefined, def: MetricDef | undefined, units: Units): string {
  if (d === undefined) return '–';
  return def?.kind === 'money' ? formatMoney(d, DISPLAY_PLACES[units]) : formatShare(d);
}

function delta(d: Dec | undefined, def: MetricDef | undefined, units: Units): string {
  if (d === undefined) return '';
  const text = def?.kind === 'money' ? formatMoney(d, DISPLAY_PLACES[units]) : `${d.times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN).toFixed(2)} pp`;
  // A change that rounds to nothing reads as no change, with no sign.
  if (!/[1-9]/.test(text)) return text.replace(/^-/, '');
  return text.startsWith('-') ? text : `+${text}`;
}

interface GridRow {
  metric: string;
  first: boolean;
  what: 'old' | 'new' | 'Δ';
  cells: string[];
}

/** Years across; for each metric that moved, three rows: old, new and Δ (like a cost diff). */
function effectGrid(d: PlanDiff): { years: string[]; rows: GridRow[] } {
  const years = [...new Set(d.effect.map((r) => r.year))].sort();
  const moved = [...new Set(d.effect.filter(changed).map((r) => r.metric))];
  const rows = moved.flatMap((metric) => {
    const def = d.defs.get(metric);
    const at = (y: string) => d.effect.find((r) => r.metric === metric && r.year === y);
    return [
      { metric, first: true, what: 'old' as const, cells: years.map((y) => (at(y) ? figure(at(y)!.old, def, d.units) : '')) },
      { metric, first: false, what: 'new' as const, cells: years.map((y) => (at(y) ? figure(at(y)!.new, def, d.units) : '')) },
      { metric, first: false, what: 'Δ' as const, cells: years.map((y) => delta(at(y)?.delta, def, d.units)) },
    ];
  });
  return { years, rows };
}

/** Rows worth reading: a year whose figure moved (or exists in one version only). */
const changed = (r: EffectRow) => r.delta === undefined || !r.delta.isZero();

function unchangedMetrics(d: PlanDiff): string[] {
  const metrics = [...new Set(d.effect.map((r) => r.metric))];
  return metrics.filter((m) => d.effect.every((r) => r.metric !== m || !changed(r)));
}

export function renderDiffText(d: PlanDiff, opts: { maxWidth?: number | undefined } = {}): string {
  const out = [`${d.old.file} → ${d.new.file}`, ''];
  out.push(d.inputs.length === 0 ? 'Inputs: no changes' : `Inputs: ${d.inputs.length} change${d.inputs.length === 1 ? '' : 's'}`);
  const width = Math.max(0, ...d.inputs.map((c) => c.path.length));
  for (const c of d.inputs) out.push(`  ${c.path.padEnd(width)}  ${inputText(c.old)} → ${inputText(c.new)}`);
  out.push('', `Effect on the headline metrics (${d.units}; Δ = new − old)`);
  const grid = effectGrid(d);
  if (grid.rows.length === 0) out.push('  no figure changes');
  else {
    const block = (years: number[]) => {
      const table = new Table({
        head: ['', '', ...years.map((t) => grid.years[t]!)],
        colAligns: ['left', 'left', ...years.map(() => 'right' as const)],
        style: { head: [], border: [], compact: true },
      });
      for (const r of grid.rows) table.push([r.first ? r.metric : '', r.what, ...years.map((t) => r.cells[t]!)]);
      return table.toString();
    };
    out.push(inBlocks(grid.years.map((_, t) => t), opts.maxWidth, block).join('\n'));
  }
  const same = unchangedMetrics(d);
  if (same.length > 0) out.push(`Unchanged in every year: ${same.join(', ')}`);
  return out.join('\n') + '\n';
}

export function renderDiffMarkdown(d: PlanDiff): string {
  const out = [`**${mdEscape(d.old.file)} → ${mdEscape(d.new.file)}**`, ''];
  if (d.inputs.length === 0) out.push('No input changes.');
  else {
    out.push('| input | old | new |', '| --- | --- | --- |');
    for (const c of d.inputs) out.push(`| \`${c.path}\` | ${mdEscape(inputText(c.old))} | ${mdEscape(inputText(c.new))} |`);
  }
  out.push('', `Effect on the headline metrics (${d.units}; Δ = new − old)`, '');
  const grid = effectGrid(d);
  if (grid.rows.length === 0) out.push('No figure changes.');
  else {
    out.push(`| metric | | ${grid.years.join(' | ')} |`, `| --- | --- | ${grid.years.map(() => '---:').join(' | ')} |`);
    for (const r of grid.rows) out.push(`| ${r.first ? mdEscape(d.defs.get(r.metric)?.label ?? r.metric) : ''} | ${r.what} | ${r.cells.join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

export function renderDiffJson(d: PlanDiff): string {
  const exact = (x: Dec | undefined) => (x === undefined ? null : decString(x));
  return (
    JSON.stringify(
      {
        old: d.old,
        new: d.new,
        units: d.units,
        inputs: d.inputs.map((c) => ({ path: c.path, old: c.old ?? null, new: c.new ?? null })),
        effect: d.effect.map((r) => ({ metric: r.metric, year: r.year, old: exact(r.old), new: exact(r.new), delta: exact(r.delta) })),
      },
      null,
      2,
    ) + '\n'
  );
}
