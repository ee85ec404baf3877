/** The terminal table: years across, metrics down, deficits negative (and red when colour is on). */
import Table from 'cli-table3';
import type { RunResult } from '../model/run.js';
import { inBlocks } from './blocks.js';
import { cellText, isNegativeMoney, runView, type RunView } from './run-view.js';

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;
const DIM = ['\x1b[2m', '\x1b[22m'] as const;

export interface TableOptions {
  lines?: boolean;
  color?: boolean;
  /** The terminal's width: a projection too wide for it is split into blocks of years. */
  maxWidth?: number;
}

export function renderTable(result: RunResult, opts: TableOptions = {}): string {
  const color = opts.color === true;
  const paint = (style: readonly [string, string], s: string) => (color ? style[0] + s + style[1] : s);
  const view = runView(result, { lines: opts.lines === true });
  const blocks = inBlocks(view.years.map((_, t) => t), opts.maxWidth, (years) => render(view, years, paint));
  return `${paint(BOLD, view.title)}\n${blocks.join('\n')}\n`;
}

type Paint = (style: readonly [string, string], s: string) => string;

function render(view: RunView, years: number[], paint: Paint): string {
  const width = years.length + 1;
  const table = new Table({
    head: ['', ...years.map((t) => paint(BOLD, view.years[t]!))],
    colAligns: ['left', ...years.map(() => 'right' as const)],
    // cli-table3 colours the head and border by default; with these empty it emits no ANSI at all.
    // Compact: no rule between rows, so a ten-year projection still fits on one screen.
    style: { head: [], border: [], compact: true },
  });
  for (const section of view.sections) {
    if (section.heading !== undefined) {
      table.push([{ content: paint(BOLD, section.heading), colSpan: width }]);
    }
    for (const row of section.rows) {
      const label = section.heading === undefined ? row.label : `  ${row.label}`;
      table.push([
        label,
        ...years.map((t) => {
          const v = row.values[t];
          const text = cellText(v, row.kind, view.units);
          if (isNegativeMoney(text, row.kind)) return paint(RED, text);
          return v === undefined ? paint(DIM, text) : text;
        }),
      ]);
    }
  }
  return table.toString();
}
