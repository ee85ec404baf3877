/** A GitHub-flavoured Markdown table, figures as in the terminal table, for board papers and PRs. */
import type { RunResult } from '../model/run.js';
import { cellText, runView } from './run-view.js';

export function renderMarkdown(result: RunResult, opts: { lines?: boolean } = {}): string {
  const view = runView(result, { lines: opts.lines === true });
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const out = [
    `**${escape(view.scenario)}** (money in ${view.units})`,
    '',
    row(['Metric', ...view.years]),
    row(['---', ...view.years.map(() => '---:')]),
  ];
  for (const section of view.sections) {
    if (section.heading !== undefined) out.push(row([`**${escape(section.heading)}**`, ...view.years.map(() => '')]));
    for (const r of section.rows) {
      out.push(row([escape(r.label), ...r.values.map((v) => cellText(v, r.kind, view.units))]));
    }
  }
  return out.join('\n') + '\n';
}

// A pipe would end the cell; emphasis and backslashes would change the text.
function escape(s: string): string {
  return s.replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`);
}
