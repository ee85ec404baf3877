/** `explain` output: the audit trail as text a finance director reads, or JSON for a script. */
import { decString, Dec } from '../model/decimal.js';
import type { Explanation, ExplainStep } from '../model/explain.js';
import { withUnit } from './format.js';

/** Exact figures, grouped in thousands: `explain` shows every digit `run` holds. */
export function exactFigure(d: Dec, kind: ExplainStep['kind']): string {
  if (kind === 'rate' || kind === 'share') return `${decString(d.times(100))}%`;
  const text = decString(d);
  if (kind === 'factor') return text;
  const [whole, frac] = text.replace('-', '').split('.');
  const body = (whole ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac ? `.${frac}` : '');
  return d.isNegative() ? `-${body}` : body;
}

export function renderExplainText(e: Explanation): string {
  const figure = exactFigure(e.value, e.metric.kind);
  const shown = e.metric.kind === 'money' ? withUnit(figure, e.units) : figure;
  const head = `${e.metric.label} (${e.metric.name}), ${e.year}: ${shown}`;
  const rows: { left: string; right: string }[] = [];
  const out: string[] = [head, ''];
  for (const s of e.steps) {
    if (s.value === undefined) {
      rows.push({ left: s.label, right: '' });
      continue;
    }
    const indent = '  '.repeat(1 + 2 * (s.depth ?? 0));
    const label = s.op === '=' ? `= ${s.label}` : s.label;
    rows.push({ left: `${indent}${label}`, right: exactFigure(s.value, s.kind) });
  }
  const width = Math.max(...rows.filter((r) => r.right !== '').map((r) => r.left.length), 20);
  for (const r of rows) out.push(r.right === '' ? r.left : `${r.left.padEnd(width)}  ${r.right.padStart(18)}`);
  return out.join('\n') + '\n';
}

export function renderExplainJson(e: Explanation): string {
  return (
    JSON.stringify(
      {
        metric: e.metric.name,
        label: e.metric.label,
        year: e.year,
        units: e.units,
        value: decString(e.value),
        steps: e.steps.map((s) => ({
          label: s.label,
          ...(s.value !== undefined ? { value: decString(s.value), kind: s.kind } : {}),
          ...(s.op !== undefined ? { op: s.op } : {}),
          ...(s.metric !== undefined ? { metric: s.metric.name, year: s.metric.year } : {}),
          ...(s.depth !== undefined ? { depth: s.depth } : {}),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
