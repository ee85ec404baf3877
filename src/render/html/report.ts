/**
 * `icbsim report`: one self-contained HTML page a board member opens in any browser, offline.
 * Pure: it gets the runs, their check outcomes, any Monte Carlo summaries and the files' SHA-256
 * from the command, and returns the page; the same inputs give the same bytes (no clock, no random).
 */
import type { MonteCarloResult } from '../../model/montecarlo.js';
import type { RunResult } from '../../model/run.js';
import type { CheckedRun } from '../../report/check.js';
import { DISPLAY_PLACES, formatMoney, formatShare, withUnit } from '../format.js';
import { esc } from '../svg/escape.js';
import { assumptionsSection } from './assumptions.js';
import type { Dec } from '../../model/decimal.js';
import type { Units } from '../../model/units.js';
import { acuteGapFigure, careShiftFigure, categoryFigure, comparisonFigures, fanFigure, sameInEveryScenario, surplusFigure, unionYears } from './charts.js';
import { providerComparisonFigures, systemStackFigure, worstProviderCard } from './organisations.js';
import { headlineTable } from './headline.js';
import { bridgeFigures } from './waterfall.js';
import { CSS } from './css.js';
import { renderFigure, type Figure } from './figure.js';
import { checksSection, yearTable } from './tables.js';

export interface SourceFile {
  /** As the user named it (or relative to where they ran the command). */
  path: string;
  sha256: string;
}

export interface ReportScenario extends CheckedRun {
  /** The scenario file first, then each file it extends. */
  files: SourceFile[];
  draws?: MonteCarloResult;
}

export interface ReportInput {
  scenarios: ReportScenario[];
  version: string;
}

function card(label: string, value: string, negative = false, who?: string): string {
  const under = who === undefined ? '' : `<div class="who">${esc(who)}</div>`;
  return `<div class="card"><div class="label">${esc(label)}</div><div class="value${negative ? ' neg' : ''}">${esc(value)}</div>${under}</div>`;
}

/** Read as a board paper writes it: -£12.3m, £450k, £1,200; and whether it is negative. */
function boardMoney(d: Dec, units: Units): [string, boolean] {
  const text = formatMoney(d, DISPLAY_PLACES[units]);
  return [withUnit(text, units), text.startsWith('-')];
}

export function keyFigures(r: RunResult): string {
  const last = r.years[r.years.length - 1];
  if (!last) return '';
  const money = (m: string): [string, boolean] => {
    const d = last.metrics[m];
    return d === undefined ? ['–', false] : boardMoney(d, r.units);
  };
  const share = last.metrics.care_shift_share;
  const target = r.spec.care_shift?.target;
  const worst = worstProviderCard(r);
  return (
    `<div class="cards" role="list" aria-label="Key figures for ${esc(last.year)}">` +
    [
      card(`ICB surplus/(deficit), ${last.year}`, ...money('icb_surplus')),
      card(`System surplus/(deficit), ${last.year}`, ...money('system_surplus')),
      card(`Cumulative ICB surplus to ${last.year}`, ...money('cumulative_surplus')),
      card(
        `Care closer to home, ${last.year}${target ? ` (target ${formatShare(target)})` : ''}`,
        share === undefined ? '–' : formatShare(share),
        target !== undefined && share !== undefined && share.lessThan(target),
      ),
      ...(worst ? [card(worst.label, ...boardMoney(worst.value, r.units), worst.who)] : []),
    ]
      .map((c) => c.replace('<div class="card">', '<div class="card" role="listitem">'))
      .join('') +
    `</div>`
  );
}

function scenarioSection(s: ReportScenario, i: number): string {
  const r = s.result;
  const id = `s${i + 1}`;
  const figures: Figure[] = [surplusFigure(r, `${id}-surplus`)];
  const system = systemStackFigure(r, `${id}-system`);
  if (system) figures.push(system);
  figures.push(careShiftFigure(r, `${id}-care`), categoryFigure(r, `${id}-spend`));
  const gap = acuteGapFigure(r, `${id}-gap`);
  if (gap) figures.push(gap);
  if (s.draws) {
    const fan = fanFigure(r, s.draws, `${id}-fan`);
    if (fan) figures.push(fan);
  }
  const warnings = r.warnings.length ? `<ul class="note">${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  return (
    `<section id="${id}" aria-labelledby="${id}-h"><h2 id="${id}-h">${esc(r.scenario)}</h2>` +
    (r.spec.description ? `<p class="lede">${esc(r.spec.description)}</p>` : '') +
    keyFigures(r) +
    warnings +
    `<div class="figures">${figures.map(renderFigure).join('')}${bridgeFigures(r, id)}</div>` +
    `<h3 id="${id}-checks">Checks</h3>${checksSection(r, s.checks)}` +
    `<h3 id="${id}-assumptions">Assumptions</h3>${assumptionsSection(r)}` +
    `<h3 id="${id}-years">Year by year</h3>${yearTable(r)}` +
    `</section>`
  );
}

function comparisonSection(scenarios: readonly ReportScenario[]): string {
  const results = scenarios.map((s) => s.result);
  const open = `<section id="compare" aria-labelledby="compare-h"><h2 id="compare-h">Scenarios side by side</h2>${headlineTable(results)}`;
  const units = new Set(results.map((r) => r.units));
  if (units.size > 1) {
    return `${open}<p class="note">Charts not drawn: the scenarios use different units (${esc([...units].join(', '))}); the table above has them all in ${esc(results[0]!.units)}.</p></section>`;
  }
  const providers = providerComparisonFigures(results, unionYears(results), 'cmp');
  const same = [...sameInEveryScenario(results).map((d) => d.label), ...providers.same];
  const note = same.length > 0 ? `<p class="note">The same in every scenario, so not drawn: ${esc(same.join(', '))}.</p>` : '';
  const trusts =
    providers.figures.length > 0
      ? `<h3 id="compare-providers">Each provider under each scenario</h3><div class="figures">${providers.figures.map(renderFigure).join('')}</div>`
      : '';
  return `${open}${note}<div class="figures">${comparisonFigures(results, 'cmp').map(renderFigure).join('')}</div>${trusts}</section>`;
}

/** How the tables round money for reading, for the units in the report (£m: "£m to one decimal place"). */
function roundingNote(units: readonly string[]): string {
  const parts = [...new Set(units)].map((u) => {
    const places = DISPLAY_PLACES[u as keyof typeof DISPLAY_PLACES];
    return `${u} ${places === 0 ? 'to whole units' : `to ${places === 1 ? 'one decimal place' : `${places} decimal places`}`}`;
  });
  return parts.join(', ');
}

function footer(input: ReportInput): string {
  const many = input.scenarios.length > 1;
  // With several scenarios each group of files is headed by its scenario: a shared base file shows
  // once per scenario that extends it, so every scenario's chain of inputs reads whole.
  const rows = input.scenarios.flatMap((s) => [
    ...(many ? [`<tr class="section"><th scope="rowgroup" colspan="2">${esc(s.result.scenario)}</th></tr>`] : []),
    ...s.files.map((f) => `<tr><td class="text"><code>${esc(f.path)}</code></td><td class="text"><code>${esc(f.sha256)}</code></td></tr>`),
  ]);
  const note = roundingNote(input.scenarios.map((s) => s.result.units));
  return (
    `<footer><p>Made with icbsim ${esc(input.version)} from the files below (each scenario file first, then the files it extends). ` +
    `Every figure is computed in exact decimals and rounded to the penny; the tables show money rounded for reading (${esc(note)}), ` +
    `the charts round only for drawing, and <code>icbsim run FILE --format json</code> gives every figure in full. ` +
    `A file whose SHA-256 differs is not the file this report came from.</p>` +
    `<table class="data"><caption>Scenario files</caption><thead><tr><th scope="col">File</th><th scope="col" class="text">SHA-256</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></footer>`
  );
}

export function renderReport(input: ReportInput): string {
  const many = input.scenarios.length > 1;
  const names = input.scenarios.map((s) => s.result.scenario);
  const title = many ? `ICB financial scenarios: ${names.join(' vs ')}` : `ICB financial plan: ${names[0] ?? ''}`;
  const nav = many
    ? `<nav aria-label="Contents"><ul><li><a href="#compare">Scenarios side by side</a></li>${input.scenarios
        .map((s, i) => `<li><a href="#s${i + 1}">${esc(s.result.scenario)}</a></li>`)
        .join('')}</ul></nav>`
    : '';
  const first = input.scenarios[0]?.result;
  const lede = first
    ? `<p class="lede">${many ? `${input.scenarios.length} scenarios` : 'Projection'} from ${esc(first.spec.base_year)}, money in ${esc(first.units)}.</p>`
    : '';
  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta name="generator" content="icbsim ${esc(input.version)}"><title>${esc(title)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(title)}</h1>${lede}${nav}</header><main>` +
    (many ? comparisonSection(input.scenarios) : '') +
    input.scenarios.map(scenarioSection).join('') +
    `</main>${footer(input)}</body></html>\n`
  );
}
