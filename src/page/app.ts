/**
 * The what-if page's script: the browser's shell around the model, as src/cli is the terminal's.
 * It reads the scenario the page carries, wires each control, and on every change runs the exact
 * engine again and redraws the results with the report's own renderers. Bundled by esbuild
 * (scripts/build-page.mjs) into one script the page inlines.
 */
import { Dec } from '../model/decimal.js';
import { scenarioInputs, withInputs } from '../model/inputs.js';
import { whatIf } from '../model/whatif.js';
import { renderJson } from '../render/json.js';
import { scenarioYaml } from '../render/scenario-yaml.js';
import {
  boxValue,
  changedInputs,
  controlId,
  IDS,
  sliderId,
  whatIfChanged,
  whatIfResults,
  type WhatIfPayload,
} from '../render/html/whatif.js';

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no #${id}`);
  return el as T;
}

const payload = JSON.parse(byId(IDS.payload).textContent ?? '{}') as WhatIfPayload;
const inputs = scenarioInputs(payload.data);
/** Each input's text as the reader has set it (the file's text until then). */
const texts = inputs.map((i) => i.text);
const results = byId(IDS.results);
const status = byId(IDS.status);
const problem = byId(IDS.problem);
const changedBox = byId(IDS.changed);
const download = byId<HTMLButtonElement>(IDS.download);
const figures = byId<HTMLButtonElement>(IDS.figures);
let lastJson = '';
let lastName = payload.name;

function currentData() {
  return withInputs(payload.data, changedInputs(inputs, texts).map(({ input, text }) => ({ keys: input.keys, text })));
}

/** Which <details> are open, so a redraw leaves a data table the reader opened open. */
function openDetails(): boolean[] {
  return [...results.querySelectorAll('details')].map((d) => d.open);
}

function markControls(changed: Set<number>, invalid: number | undefined): void {
  inputs.forEach((input, k) => {
    const box = byId<HTMLInputElement>(controlId(k));
    const ctl = box.closest('.ctl')!;
    ctl.classList.toggle('changed', changed.has(k));
    ctl.querySelector('.was')!.textContent = changed.has(k) ? `changed; the file has ${input.text}` : '';
    if (k === invalid) box.setAttribute('aria-invalid', 'true');
    else box.removeAttribute('aria-invalid');
  });
}

/** The input a validation problem is about: the one at its path, or the nearest one under it. */
function inputAt(path: readonly PropertyKey[]): number | undefined {
  const key = path.map(String).join('\u0000');
  const k = inputs.findIndex((i) => i.keys.map(String).join('\u0000') === key);
  if (k >= 0) return k;
  const under = inputs.findIndex((i) => i.keys.map(String).join('\u0000').startsWith(key));
  return under >= 0 ? under : undefined;
}

function recompute(): void {
  const start = performance.now();
  const changed = changedInputs(inputs, texts);
  const changedSet = new Set(changed.map((c) => inputs.indexOf(c.input)));
  changedBox.innerHTML = whatIfChanged(changed);
  changedBox.classList.toggle('some', changed.length > 0);
  const outcome = whatIf(currentData(), payload.name);
  if (!outcome.ok) {
    const first = outcome.problems[0]!;
    const k = inputAt(first.path);
    problem.hidden = false;
    problem.textContent = `Not recomputed: ${k === undefined ? first.path.join('.') : `${inputs[k]!.label} (${inputs[k]!.path})`}: ${first.message}. The figures are for the last valid inputs.`;
    document.body.classList.add('stale');
    markControls(changedSet, k);
    download.disabled = true;
    figures.disabled = true;
    status.textContent = 'Not recomputed: an input is not valid.';
    return;
  }
  problem.hidden = true;
  document.body.classList.remove('stale');
  markControls(changedSet, undefined);
  download.disabled = false;
  figures.disabled = false;
  const open = openDetails();
  results.innerHTML = whatIfResults(outcome.result, outcome.checks);
  results.querySelectorAll('details').forEach((d, i) => (d.open = open[i] ?? false));
  lastJson = renderJson(outcome.result);
  lastName = outcome.result.scenario;
  const failed = outcome.checks.filter((c) => !c.passed).length;
  const ms = performance.now() - start;
  // For `npm run bench`: how long each recomputation and redraw takes in a real browser.
  performance.measure('icbsim-recompute', { start });
  status.textContent =
    `${changed.length === 0 ? "Figures for the file's values" : `Recomputed with ${changed.length} input${changed.length === 1 ? '' : 's'} changed`}` +
    `${outcome.checks.length ? `; ${failed === 0 ? 'every check passes' : `${failed} check${failed === 1 ? '' : 's'} failed`}` : ''}` +
    ` (${ms < 1 ? '<1' : Math.round(ms)} ms).`;
  document.body.dataset.runs = String(Number(document.body.dataset.runs ?? '0') + 1);
}

/** A rate's text from the slider: the slider's float rounded back to its step's decimals. */
function sliderText(slider: HTMLInputElement): string {
  const places = (slider.step.split('.')[1] ?? '').length;
  return new Dec(slider.value).toDecimalPlaces(places).toFixed();
}

function textFromBox(k: number, box: HTMLInputElement): string {
  // An empty or unreadable box (the browser gives '') is passed on as written, so the model's
  // own message says what is wrong with it.
  const raw = box.value === '' ? box.validity.badInput ? 'not a number' : '' : box.value;
  return inputs[k]!.kind === 'rate' ? `${raw}%` : raw;
}

function wire(): void {
  inputs.forEach((input, k) => {
    const box = byId<HTMLInputElement>(controlId(k));
    const slider = input.kind === 'rate' ? byId<HTMLInputElement>(sliderId(k)) : undefined;
    // The page is opened from a file the browser may have restored a form into: start from the file's values.
    box.value = boxValue(input, input.text);
    if (slider) slider.value = box.value;
    box.addEventListener('input', () => {
      texts[k] = textFromBox(k, box);
      if (slider && box.value !== '') {
        const v = Number(box.value);
        // A typed value outside the slider's range widens it, so the two always agree.
        if (v < Number(slider.min)) slider.min = String(Math.floor(v));
        if (v > Number(slider.max)) slider.max = String(Math.ceil(v));
        slider.value = box.value;
      }
      recompute();
    });
    slider?.addEventListener('input', () => {
      box.value = sliderText(slider);
      texts[k] = `${box.value}%`;
      recompute();
    });
  });
  byId<HTMLButtonElement>(IDS.reset).addEventListener('click', () => {
    inputs.forEach((input, k) => {
      texts[k] = input.text;
      const box = byId<HTMLInputElement>(controlId(k));
      box.value = boxValue(input, input.text);
      if (input.kind === 'rate') byId<HTMLInputElement>(sliderId(k)).value = box.value;
    });
    recompute();
  });
  download.addEventListener('click', () => {
    const changed = changedInputs(inputs, texts);
    const yaml = scenarioYaml({
      data: payload.data,
      ...(payload.source === undefined ? {} : { source: payload.source }),
      changes: changed.map(({ input, text }) => ({ keys: input.keys, text: text.trim() })),
      name: lastName,
      comment: `Saved from the icbsim what-if page of ${payload.file}${changed.length ? `, with ${changed.map((c) => `${c.input.path} ${c.input.text} -> ${c.text.trim()}`).join(', ')}` : ', unchanged'}`,
    });
    save(yaml, `${stem(payload.file)}-what-if.yaml`, 'application/yaml');
  });
  figures.addEventListener('click', () => {
    // A click before the first run after load (the figures drawn into the page) runs it now.
    if (lastJson === '') recompute();
    save(lastJson, `${stem(payload.file)}-what-if.json`, 'application/json');
  });
}

function stem(file: string): string {
  return (file.split(/[\\/]/).pop() ?? 'scenario').replace(/\.ya?ml$/i, '');
}

function save(text: string, name: string, type: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

wire();
performance.mark('icbsim-controls-ready');
// The file's figures are already drawn into the page: run the engine once after the first paint,
// so the page checks itself against them and the reader's first change finds the engine warm.
requestAnimationFrame(() =>
  setTimeout(() => {
    recompute();
    performance.mark('icbsim-first-figures');
  }),
);
