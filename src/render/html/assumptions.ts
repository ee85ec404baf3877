/**
 * The scenario's assumptions as a board member checks them: funding, cost drivers by year (lines
 * that share a driver share a row), the lines, and each policy in words. Rates are shown as written
 * (2.8%, not 2.80%), at their central value where the scenario gives a distribution.
 */
import type { RunResult } from '../../model/run.js';
import { decString, type Dec } from '../../model/decimal.js';
import { describePolicy } from '../../model/policies/index.js';
import { rateText, seriesText } from '../../model/rate-text.js';
import type { PolicySpec, RateSeriesSpec, ScenarioSpec } from '../../model/schema.js';
import { DISPLAY_PLACES, formatMoney } from '../format.js';
import { esc } from '../svg/escape.js';

function lineName(r: RunResult, name: string): string {
  return r.lines.find((l) => l.name === name)?.label ?? name;
}

export function policyText(r: RunResult, p: PolicySpec): string {
  return describePolicy(p, (name) => lineName(r, name));
}

/** Every rate the scenario gives as a distribution, with where it is used. */
export function uncertainRates(spec: ScenarioSpec): string[] {
  const out: string[] = [];
  const visit = (where: string, s: RateSeriesSpec | undefined): void => {
    if (!s) return;
    const rates = s.kind === 'one' ? [s.rate] : s.kind === 'list' ? s.rates : Object.values(s.byYear);
    if (rates.some((x) => x.kind !== 'fixed')) out.push(`${where}: ${seriesText(s)}`);
  };
  visit('allocation growth', spec.allocation.growth);
  const fs = spec.allocation.fair_share;
  if (fs?.pace) visit('convergence pace', { kind: 'one', rate: fs.pace });
  if (fs?.cap) visit('convergence cap', { kind: 'one', rate: fs.cap });
  visit('convergence', fs?.convergence);
  const drivers = ['inflation', 'demand', 'efficiency', 'efficiency_delivery'] as const;
  for (const d of drivers) visit(`${d.replace('_', ' ')} (default)`, spec.assumptions?.[d]);
  for (const [name, l] of Object.entries(spec.lines)) for (const d of drivers) visit(`${d.replace('_', ' ')} (${name})`, l[d]);
  return out;
}

function cells(texts: string[]): string {
  return texts.map((t) => `<td${t.startsWith('-') ? ' class="neg"' : ''}>${esc(t)}</td>`).join('');
}

/** Funding and cost drivers by year, from the resolved plan (what the engine actually used). */
export function assumptionsTable(r: RunResult): string {
  const plan = r.projection.plan;
  const labels = plan.labels;
  const rows: [string, string[]][] = [];
  const rateRow = (values: Dec[]): string[] => labels.map((_, t) => (t === 0 ? '–' : rateText(values[t]!)));
  const moneyRow = (values: Dec[]): string[] => values.map((d) => formatMoney(d, DISPLAY_PLACES[r.units]));
  rows.push([plan.fairShare ? 'Allocation growth (base, before convergence)' : 'Allocation growth', rateRow(plan.growth)]);
  const fs = plan.fairShare;
  if (fs) {
    rows.push(['Distance from fair-share target', labels.map((_, t) => (t === 0 ? rateText(fs.distance0) : '–'))]);
    if (fs.rule.kind === 'given') rows.push(['Convergence adjustment (as given)', rateRow(fs.rule.convergence)]);
    else rows.push([`Convergence: pace ${rateText(fs.rule.pace)} of the distance, cap ±${rateText(fs.rule.cap)}`, rateRow(r.projection.convergence)]);
  }
  if (plan.streams.length === 0 && plan.nonRecurrent.some((d) => !d.isZero())) {
    rows.push(['Non-recurrent funding', moneyRow(plan.nonRecurrent)]);
  }
  for (const st of plan.streams) {
    const fenced = st.ringFenced === undefined ? '' : ` (ring-fenced to ${lineName(r, plan.lines[st.ringFenced]!.name)})`;
    rows.push([`Non-recurrent: ${st.name}${fenced}`, moneyRow(st.amounts)]);
  }
  for (const l of plan.lines) if (l.savings.some((x) => !x.isZero())) rows.push([`One-off savings: ${lineName(r, l.name)}`, moneyRow(l.savings)]);
  const drivers = [
    ['inflation', 'Inflation'],
    ['demand', 'Demand growth'],
    ['efficiency', 'Efficiency requirement'],
    ['delivery', 'Efficiency delivered'],
  ] as const;
  for (const [key, title] of drivers) {
    const groups = new Map<string, { names: string[]; values: Dec[] }>();
    for (const l of plan.lines) {
      const k = l[key].slice(1).map(decString).join('|');
      const g = groups.get(k) ?? { names: [], values: l[key] };
      g.names.push(lineName(r, l.name));
      groups.set(k, g);
    }
    for (const g of groups.values()) {
      rows.push([groups.size === 1 ? `${title} (all lines)` : `${title}: ${g.names.join(', ')}`, rateRow(g.values)]);
    }
  }
  for (const l of plan.lines) if (l.uplift) rows.push([`Contract uplift: ${lineName(r, l.name)}`, rateRow(l.uplift)]);
  const head = labels.map((y) => `<th scope="col">${esc(y)}</th>`).join('');
  return (
    `<div class="scroll"><table class="data"><caption>Funding and cost drivers by year</caption>` +
    `<thead><tr><th scope="col">Assumption</th>${head}</tr></thead><tbody>` +
    rows.map(([name, texts]) => `<tr><th scope="row">${esc(name)}</th>${cells(texts)}</tr>`).join('') +
    `</tbody></table></div>`
  );
}

export function linesTable(r: RunResult): string {
  const plan = r.projection.plan;
  const rows = plan.lines.map(
    (l) =>
      `<tr><th scope="row">${esc(lineName(r, l.name))}</th><td class="text">${esc(l.name)}</td><td class="text">${esc(l.category.replace(/_/g, ' '))}</td>` +
      `<td>${esc(formatMoney(l.spend0, DISPLAY_PLACES[r.units]))}</td><td class="text">${l.care ? 'yes' : 'no'}</td></tr>`,
  );
  return (
    `<div class="scroll"><table class="data"><caption>Spending lines (base-year spend in ${esc(r.units)})</caption>` +
    `<thead><tr><th scope="col">Line</th><th scope="col" class="text">Name in the file</th><th scope="col" class="text">Category</th>` +
    `<th scope="col">Base-year spend</th><th scope="col" class="text">Care closer to home</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

export function assumptionsSection(r: RunResult): string {
  const spec = r.spec;
  const policies = (spec.policies ?? []).map((p) => `<li>${esc(policyText(r, p))}</li>`);
  const uncertain = uncertainRates(spec);
  const units = r.units;
  const base = r.years[0];
  const summary =
    `<p>Money in ${esc(units)}. Base year ${esc(spec.base_year)} with a recurrent allocation of ` +
    `${esc(formatMoney(r.projection.plan.r0, DISPLAY_PLACES[units]))}` +
    (base ? ` and spend of ${esc(formatMoney(base.metrics.spend!, DISPLAY_PLACES[units]))}` : '') +
    `; ${spec.years} projection year${spec.years === 1 ? '' : 's'}.</p>`;
  return (
    summary +
    `<h4>Policies</h4>` +
    (policies.length ? `<ul>${policies.join('')}</ul>` : '<p>None: every line is funded at its need.</p>') +
    assumptionsTable(r) +
    linesTable(r) +
    (uncertain.length
      ? `<p class="note">Uncertain assumptions, shown above at their central value (mean, mode or midpoint):</p><ul class="note">${uncertain
          .map((u) => `<li>${esc(u)}</li>`)
          .join('')}</ul>`
      : '')
  );
}
