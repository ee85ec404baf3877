/** A GitHub-flavoured Markdown table, figures as in the terminal table, for board papers and PRs. */
import type { RunResult } from '../model/run.js';
import { cellText, runView } from './run-view.js';
import { mdEscape, mdRow } from './md.js';

export function renderMarkdown(result: RunResult, opts: { lines?: boolean } = {}): string {
  const view = runView(result, { lines: opts.lines === true });
  const out = [
    `**${mdEscape(view.scenario)}** (money in ${view.units})`,
    '',
    mdRow(['Metric', ...view.years]),
    mdRow(['---', ...view.years.map(() => '---:')]),
  ];
  for (const section of view.sections) {
    if (section.heading !== undefined) out.push(mdRow([`**${mdEscape(section.heading)}**`, ...view.years.map(() => '')]));
    for (const r of section.rows) {
      out.push(mdRow([mdEscape(r.label), ...r.values.map((v) => cellText(v, r.kind, view.units))]));
    }
  }
  return out.join('\n') + '\n';
}
