/** The side-by-side view's headline table: scenarios across, where each ends up down the side. */
import { headline, type HeadlineCell } from '../../report/headline.js';
import type { RunResult } from '../../model/run.js';
import type { Units } from '../../model/units.js';
import { DISPLAY_PLACES, formatMoney, formatShare } from '../format.js';
import { esc } from '../svg/escape.js';

function cell(c: HeadlineCell, units: Units): string {
  const text = c.kind === 'money' ? formatMoney(c.value, DISPLAY_PLACES[units]) : c.kind === 'share' ? formatShare(c.value) : c.kind === 'text' ? c.text : '–';
  // Right-aligned like the figures beside it; a deficit or a missed target in the deficit colour.
  return `<td${text.startsWith('-') || text.startsWith('short') ? ' class="neg"' : ''}>${esc(text)}</td>`;
}

export function headlineTable(results: readonly RunResult[]): string {
  const h = headline(results);
  const head = h.scenarios.map((s) => `<th scope="col">${esc(s)}</th>`).join('');
  const rows = h.rows.map((r) => `<tr><th scope="row">${esc(r.label)}</th>${r.cells.map((c) => cell(c, h.units)).join('')}</tr>`);
  return (
    `<div class="scroll"><table class="data headline"><caption>Where each scenario ends up (money in ${esc(h.units)}; cumulative: every projection year, the base year not included)</caption>` +
    `<thead><tr><th scope="col"></th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}
