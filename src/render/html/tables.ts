/** The full year-by-year figures and the checks, as HTML tables. */
import type { CheckFailure, CheckOutcome, CheckSide } from '../../model/checks.js';
import type { Dec } from '../../model/decimal.js';
import { metricDefs, type MetricKind } from '../../model/metrics.js';
import type { RunResult } from '../../model/run.js';
import type { Units } from '../../model/units.js';
import { DISPLAY_PLACES, formatMoney, formatShare } from '../format.js';
import { cellText, isNegativeMoney, runView } from '../run-view.js';
import { esc } from '../svg/escape.js';

export function yearTable(r: RunResult): string {
  const view = runView(r, { lines: true });
  const head = view.years.map((y) => `<th scope="col">${esc(y)}</th>`).join('');
  const n = view.years.length + 1;
  const body = view.sections
    .map((section) => {
      const heading = section.heading ? `<tr class="section"><th scope="rowgroup" colspan="${n}">${esc(section.heading)}</th></tr>` : '';
      const rows = section.rows.map((row) => {
        const tds = row.values
          .map((v) => {
            const text = cellText(v, row.kind, r.units);
            return `<td${isNegativeMoney(text, row.kind) ? ' class="neg"' : ''}>${esc(text)}</td>`;
          })
          .join('');
        return `<tr><th scope="row">${esc(row.label)}</th>${tds}</tr>`;
      });
      return `<tbody>${heading}${rows.join('')}</tbody>`;
    })
    .join('');
  return (
    `<div class="scroll"><table class="data years"><caption>Every figure by year (money in ${esc(r.units)}; shares and growth in per cent)</caption>` +
    `<thead><tr><th scope="col">Metric</th>${head}</tr></thead>${body}</table></div>`
  );
}

const SIDE_WORDS: Record<CheckSide, string> = {
  min: 'below the minimum',
  max: 'above the maximum',
  change_min: 'a change from the year before below the minimum',
  change_max: 'a change from the year before above the maximum',
  min_change_from_base: 'a change since the base year below the minimum',
  max_change_from_base: 'a change since the base year above the maximum',
};

function figureText(d: Dec, kind: MetricKind, side: CheckSide, units: Units): string {
  if (side === 'min_change_from_base' || side === 'max_change_from_base') return formatShare(d);
  if (kind === 'money') return formatMoney(d, DISPLAY_PLACES[units]);
  // A change in a share or rate is in percentage points.
  return side === 'change_min' || side === 'change_max' ? `${d.times(100).toDecimalPlaces(2).toFixed(2)} pp` : formatShare(d);
}

export function failureText(r: RunResult, o: CheckOutcome<Dec>, f: CheckFailure<Dec>): string {
  const def = metricDefs(r.spec).find((d) => d.name === o.check.metric);
  const kind: MetricKind = def?.kind ?? 'money';
  return `${f.year}: ${figureText(f.value, kind, f.side, r.units)}, ${SIDE_WORDS[f.side]} of ${figureText(f.limit, kind, f.side, r.units)}`;
}

export function checksSection(r: RunResult, outcomes: readonly CheckOutcome<Dec>[]): string {
  if (outcomes.length === 0) return '<p>The scenario carries no checks.</p>';
  const failed = outcomes.filter((o) => !o.passed);
  const summary = `<p class="${failed.length ? 'bad' : 'good'}">${failed.length === 0 ? 'All' : `${outcomes.length - failed.length} of`} ${outcomes.length} check${outcomes.length === 1 ? '' : 's'} passed${failed.length ? `; ${failed.length} failed` : ''}.</p>`;
  const rows = outcomes.map((o) => {
    const status = o.passed ? '<td class="text good">Passed</td>' : '<td class="text bad">Failed</td>';
    const detail = o.passed
      ? `<td class="text">${esc(o.years.length ? `Checked in ${o.years.join(', ')}` : 'No year reports this metric')}</td>`
      : `<td class="text"><ul>${o.failures.map((f) => `<li>${esc(failureText(r, o, f))}</li>`).join('')}</ul></td>`;
    return `<tr><th scope="row">${esc(o.check.name)}</th><td class="text"><code>${esc(o.check.metric)}</code></td>${status}${detail}</tr>`;
  });
  return (
    summary +
    `<div class="scroll"><table class="data checks"><caption class="sr-only">Checks</caption><thead><tr><th scope="col">Check</th><th scope="col" class="text">Metric</th>` +
    `<th scope="col" class="text">Result</th><th scope="col" class="text">Where it fails</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}
