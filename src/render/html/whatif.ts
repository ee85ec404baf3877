/**
 * `icbsim report FILE --interactive`: the what-if page. One self-contained HTML file that carries
 * the engine (bundled from src/page/) and the scenario, shows every input as a control and redraws
 * the report's own figures, charts and checks on every change. Pure: the command hands it the
 * file's first run and the bundled script; the page's script calls `whatIfResults` and
 * `whatIfChanged` again in the browser, so the figures drawn at load and after a change are made by
 * the same code.
 */
import type { CheckOutcome } from '../../model/checks.js';
import { Dec } from '../../model/decimal.js';
import type { Plain } from '../../model/input-path.js';
import { inputNumber, RATE_LIMITS, rateKey, sameInput, type ScenarioInput } from '../../model/inputs.js';
import type { RunResult } from '../../model/run.js';
import type { Units } from '../../model/units.js';
import { esc } from '../svg/escape.js';
import { acuteGapFigure, careShiftFigure, categoryFigure, surplusFigure } from './charts.js';
import { CSS } from './css.js';
import { renderFigure, type Figure } from './figure.js';
import { systemStackFigure } from './organisations.js';
import { keyFigures } from './report.js';
import { checksSection, yearTable } from './tables.js';
import { bridgeFigures } from './waterfall.js';

/** What the page's script reads at load: the scenario as the file gives it. */
export interface WhatIfPayload {
  /** The scenario's data after `extends` is merged (numbers as their source text). */
  data: Plain;
  /** The file's own text when it extends nothing: "Download scenario" edits it in place. */
  source?: string;
  /** The file as the user named it. */
  file: string;
  /** The scenario's name when the file gives none (its file name). */
  name: string;
}

export interface WhatIfPageInput {
  payload: WhatIfPayload;
  inputs: ScenarioInput[];
  result: RunResult;
  checks: CheckOutcome<Dec>[];
  version: string;
  /** The page's script: the engine and the controls, bundled. */
  script: string;
}

/** Element ids the script and the tests find things by. */
export const IDS = {
  payload: 'w-payload',
  form: 'w-inputs',
  results: 'w-results',
  changed: 'w-changed',
  problem: 'w-problem',
  status: 'w-status',
  download: 'w-download',
  figures: 'w-figures',
  reset: 'w-reset',
} as const;

export function controlId(k: number): string {
  return `w-in${k}`;
}

export function sliderId(k: number): string {
  return `w-in${k}-slider`;
}

/** The figures, charts (the report's, with its two bridges), checks and year table for one run: the part of the page that is redrawn. */
export function whatIfResults(r: RunResult, checks: readonly CheckOutcome<Dec>[]): string {
  const figures: Figure[] = [surplusFigure(r, 'w-surplus')];
  const system = systemStackFigure(r, 'w-system');
  if (system) figures.push(system);
  figures.push(careShiftFigure(r, 'w-care'), categoryFigure(r, 'w-spend'));
  const gap = acuteGapFigure(r, 'w-gap');
  if (gap) figures.push(gap);
  const warnings = r.warnings.length ? `<ul class="note">${r.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : '';
  return (
    keyFigures(r) +
    warnings +
    `<h3 id="w-checks-h">Checks</h3>${checksSection(r, checks)}` +
    `<div class="figures">${figures.map(renderFigure).join('')}${bridgeFigures(r, 'w')}</div>` +
    `<h3 id="w-years-h">Year by year</h3>${yearTable(r)}`
  );
}

function unitText(input: ScenarioInput, units: Units): string {
  return input.kind === 'rate' ? '%' : input.kind === 'money' ? units : 'years';
}

/** The typed box shows a rate in per cent without its sign (the sign is beside the box). */
export function boxValue(input: Pick<ScenarioInput, 'kind'>, text: string): string {
  return input.kind === 'rate' ? text.trim().replace(/\s*%$/, '') : text.trim();
}

/** A slider from about five percentage points below the file's value to five above, inside what the rate can mean. */
export function sliderRange(input: ScenarioInput): { min: string; max: string; step: string } {
  const v = inputNumber(input.text)!;
  let lo = v.minus(5).floor();
  let hi = v.plus(5).ceil();
  const sd = input.keys.at(-1) === 1 && input.keys.at(-2) === 'normal';
  const [lmin, lmax] = sd ? [new Dec(0), undefined] : (RATE_LIMITS[rateKey(input)] ?? [undefined, undefined]);
  if (lmin && lo.lessThan(lmin)) lo = lmin;
  if (lmax && hi.greaterThan(lmax)) hi = lmax;
  // As fine as the file writes it (2.25% steps by 0.01), and never coarser than 0.1.
  const places = Math.max(1, v.decimalPlaces());
  return { min: lo.toFixed(), max: hi.toFixed(), step: `0.${'0'.repeat(places - 1)}1` };
}

function control(input: ScenarioInput, k: number, units: Units): string {
  const id = controlId(k);
  const unit = unitText(input, units);
  const note = `${id}-note`;
  const box =
    `<input type="number" id="${id}" name="${esc(input.path)}" value="${esc(boxValue(input, input.text))}" ` +
    `step="${input.kind === 'whole' ? '1' : 'any'}"${input.kind === 'whole' ? ' min="0"' : ''} inputmode="decimal" aria-describedby="${note}">`;
  const slider =
    input.kind === 'rate'
      ? (() => {
          const r = sliderRange(input);
          return (
            `<input type="range" id="${sliderId(k)}" min="${r.min}" max="${r.max}" step="${r.step}" value="${esc(boxValue(input, input.text))}" ` +
            `aria-label="${esc(`${input.label}, slider, per cent`)}" aria-describedby="${note}">`
          );
        })()
      : '';
  return (
    `<div class="ctl ${input.kind}" data-k="${k}">` +
    `<label for="${id}">${esc(input.label)} <span class="unit">(${esc(unit)})</span></label>` +
    `<div class="pair">${slider}${box}<span class="unit" aria-hidden="true">${esc(unit === 'years' ? '' : unit)}</span></div>` +
    `<p class="ctl-note" id="${note}"><code>${esc(input.path)}</code> <span class="was"></span></p>` +
    `</div>`
  );
}

/** Every input as a control, one fieldset per part of the plan. */
export function whatIfControls(inputs: readonly ScenarioInput[], units: Units): string {
  const groups = new Map<string, string[]>();
  inputs.forEach((input, k) => groups.set(input.group, [...(groups.get(input.group) ?? []), control(input, k, units)]));
  return [...groups]
    .map(([group, controls]) => `<fieldset><legend>${esc(group)}</legend>${controls.join('')}</fieldset>`)
    .join('');
}

export interface ChangedInput {
  input: ScenarioInput;
  text: string;
}

/** The inputs whose current text gives another value than the file's. */
export function changedInputs(inputs: readonly ScenarioInput[], texts: readonly string[]): ChangedInput[] {
  return inputs.flatMap((input, k) => (sameInput(texts[k] ?? input.text, input.text) ? [] : [{ input, text: texts[k]! }]));
}

/** Which inputs differ from the file, in words. */
export function whatIfChanged(changed: readonly ChangedInput[]): string {
  if (changed.length === 0) return `<p>Every input has the file's value.</p>`;
  const items = changed.map(
    ({ input, text }) =>
      `<li>${esc(input.group)}: ${esc(input.label)}, <span class="old">${esc(input.text)}</span> → <strong>${esc(text.trim())}</strong> <code>${esc(input.path)}</code></li>`,
  );
  return `<p><strong>${changed.length} input${changed.length === 1 ? ' differs' : 's differ'} from the file:</strong></p><ul>${items.join('')}</ul>`;
}

const PAGE_CSS = `
header,footer{max-width:1560px}
.whatif{display:grid;grid-template-columns:minmax(300px,400px) minmax(0,1fr);gap:24px;max-width:1560px}
.whatif>aside{position:sticky;top:0;max-height:100vh;overflow:auto;padding:0 4px 24px 0}
.whatif h2{margin-top:.6em}
.toolbar{display:flex;flex-wrap:wrap;gap:8px;margin:.4em 0 .8em}
button{font:inherit;font-size:.9rem;padding:5px 10px;border:1px solid #0550ae;border-radius:5px;background:#fff;color:#0550ae;cursor:pointer}
button:hover{background:#f0f6ff}
button:disabled{color:var(--muted);border-color:var(--line);cursor:not-allowed}
:focus-visible{outline:3px solid #0969da;outline-offset:2px}
fieldset{border:1px solid var(--line);border-radius:6px;margin:0 0 12px;padding:6px 10px 8px}
legend{font-weight:600;font-size:.9rem;padding:0 4px}
.ctl{padding:5px 0;border-bottom:1px dotted var(--line)}
.ctl:last-child{border-bottom:none}
.ctl label{display:block;font-size:.88rem}
.ctl .unit{color:var(--muted);font-size:.8rem}
.pair{display:flex;align-items:center;gap:6px}
.pair input[type=range]{flex:1;min-width:0}
.pair input[type=number]{width:9em;font:inherit;font-size:.9rem;padding:2px 4px;font-variant-numeric:tabular-nums}
.ctl.rate .pair input[type=number]{width:6.5em}
.ctl-note{margin:1px 0 0;font-size:.72rem;color:var(--muted)}
.ctl.changed{background:#fff8c5;margin:0 -10px;padding:5px 10px}
.ctl.changed .was{color:#7d4e00;font-weight:600}
.ctl [aria-invalid=true]{border:2px solid var(--neg)}
#w-changed{font-size:.85rem;border-left:4px solid var(--line);padding:2px 10px;margin:0 0 12px}
#w-changed.some{border-left-color:#bf8700}
#w-changed ul{margin:.2em 0;padding-left:1.1em}
#w-changed .old{text-decoration:line-through;color:var(--muted)}
.problem{border:2px solid var(--neg);border-radius:6px;padding:6px 10px;color:var(--neg);margin:0 0 12px;font-size:.9rem}
.stale #w-results{opacity:.55}
@media (max-width:900px){.whatif{grid-template-columns:1fr}.whatif>aside{position:static;max-height:none}}
@media print{.whatif{grid-template-columns:1fr}.whatif>aside{display:none}}
`
  .trim()
  .replace(/\n/g, '');

/** JSON safe inside a <script> element: no `</script>`, no `<!--`. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

export function renderWhatIfPage(input: WhatIfPageInput): string {
  const { payload, result: r } = input;
  const title = `What if: ${r.scenario}`;
  // Nothing may load from anywhere: the page is one file, and a board member may open it offline.
  const csp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";
  return (
    `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<meta http-equiv="Content-Security-Policy" content="${csp}">` +
    `<meta name="generator" content="icbsim ${esc(input.version)}"><title>${esc(title)}</title><style>${CSS}${PAGE_CSS}</style></head><body>` +
    `<header><h1>${esc(title)}</h1>` +
    `<p class="lede">Change any input: every figure, chart and check is recomputed at once, in exact decimals, by the engine <code>icbsim</code> runs. ` +
    `From <code>${esc(payload.file)}</code>, base year ${esc(r.spec.base_year)}, money in ${esc(r.units)}.</p>` +
    `<noscript><p class="problem">The controls need JavaScript. The figures below are the file's.</p></noscript></header>` +
    `<main class="whatif">` +
    `<aside aria-labelledby="w-inputs-h"><h2 id="w-inputs-h">Inputs</h2>` +
    `<div class="toolbar"><button type="button" id="${IDS.download}">Download scenario</button>` +
    `<button type="button" id="${IDS.figures}">Download figures (JSON)</button>` +
    `<button type="button" id="${IDS.reset}">Reset to the file's values</button></div>` +
    `<div id="${IDS.problem}" class="problem" role="alert" hidden></div>` +
    `<div id="${IDS.changed}" aria-live="polite">${whatIfChanged([])}</div>` +
    `<form id="${IDS.form}" aria-labelledby="w-inputs-h">${whatIfControls(input.inputs, r.units)}</form></aside>` +
    `<section aria-labelledby="w-results-h"><h2 id="w-results-h">${esc(r.scenario)}</h2>` +
    `<p id="${IDS.status}" class="note" role="status">Figures for the file's values.</p>` +
    `<div id="${IDS.results}">${whatIfResults(r, input.checks)}</div></section>` +
    `</main>` +
    `<footer><p>Made with icbsim ${esc(input.version)}. Every figure is computed in exact decimals and rounded to the penny, as <code>icbsim run</code> computes it; ` +
    `the tables round money for reading. "Download scenario" saves the inputs as they stand as YAML that <code>icbsim run</code> reproduces exactly; ` +
    `"Download figures" saves every figure as <code>icbsim run --format json</code> prints it.</p></footer>` +
    `<script type="application/json" id="${IDS.payload}">${scriptJson(payload)}</script>` +
    `<script>${input.script.replace(/<\/(script)/gi, '<\\/$1')}</script>` +
    `</body></html>\n`
  );
}
