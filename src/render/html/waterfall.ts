/**
 * The report's bridges: base year to final year of the ICB surplus and of the system surplus, as a
 * waterfall with one bar per driver, and under it the figures: each bar with the running total,
 * then every line's own steps. Tables round for reading; `icbsim bridge --format json` has every penny.
 */
import type { BridgeMetric } from '../../model/bridge.js';
import type { Dec } from '../../model/decimal.js';
import type { RunResult } from '../../model/run.js';
import { waterfall, type Waterfall } from '../../report/bridge.js';
import { DISPLAY_PLACES, formatMoney, signedMoney } from '../format.js';
import { esc } from '../svg/escape.js';
import { renderWaterfall } from '../svg/waterfall.js';
import { moneyTick } from './charts.js';
import { GAP, ICB, SYSTEM, CARE } from './palette.js';

const td = (text: string): string => `<td${text.startsWith('-') ? ' class="neg"' : ''}>${esc(text)}</td>`;

function dataTables(w: Waterfall): string {
  const money = (d: Dec): string => formatMoney(d, DISPLAY_PLACES[w.units]);
  let running = w.bars[0]!.amount;
  const rows = w.bars.map((b) => {
    if (b.kind !== 'step') return `<tr><th scope="row">${esc(`${b.label} ${w.metricLabel}`)}</th><td></td>${td(money(b.amount))}</tr>`;
    running = running.plus(b.amount);
    return `<tr><th scope="row">${esc(b.label)}</th>${td(signedMoney(b.amount, w.units))}${td(money(running))}</tr>`;
  });
  const detail = w.detail.map((s) => `<tr><th scope="row">${esc(s.label)}</th>${td(signedMoney(s.amount, w.units))}</tr>`);
  return (
    `<div class="scroll"><table class="data"><caption>${esc(title(w))}: the figures (${esc(w.units)})</caption>` +
    `<thead><tr><th scope="col">Step</th><th scope="col">Change</th><th scope="col">Running total</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>` +
    (detail.length > 0
      ? `<div class="scroll"><table class="data"><caption>Line by line (${esc(w.units)})</caption>` +
        `<thead><tr><th scope="col">Step</th><th scope="col">Change</th></tr></thead><tbody>${detail.join('')}</tbody></table></div>`
      : '')
  );
}

function title(w: Waterfall): string {
  return `${w.metricLabel}: bridge from ${w.from} to ${w.to}`;
}

function description(w: Waterfall): string {
  const money = (d: Dec): string => formatMoney(d, DISPLAY_PLACES[w.units]);
  const steps = w.bars.filter((b) => b.kind === 'step');
  const words = steps.length === 0 ? ' No driver moves it.' : ` ${steps.map((b) => `${b.label} ${signedMoney(b.amount, w.units)}`).join('; ')}.`;
  return `Waterfall chart in ${w.units}: ${w.metricLabel} of ${money(w.bars[0]!.amount)} in ${w.from}, then one bar per driver, ending at ${money(w.bars.at(-1)!.amount)} in ${w.to}.${words}`;
}

const CAPTIONS: Record<BridgeMetric, string> = {
  icb_surplus: 'Why the ICB surplus moved: each driver summed over the lines, rises and falls against the surplus; the table lists each line\'s steps. The steps add up to the change exactly.',
  system_surplus:
    'Why the system surplus moved: as the ICB bridge, but a flat-cash uplift below need is no saving here (providers carry the gap), and providers\' other income and costs count. The steps add up to the change exactly.',
  underlying_surplus: 'Why the underlying surplus moved: recurrent drivers only. The steps add up to the change exactly.',
};

export function waterfallFigure(r: RunResult, metric: BridgeMetric, id: string): string {
  const w = waterfall(r, metric);
  const svg = renderWaterfall({
    id,
    title: title(w),
    desc: description(w),
    bars: w.bars.map((b) => ({
      label: b.label,
      kind: b.kind === 'step' ? 'step' : 'total',
      value: b.amount.toNumber(),
      text: b.kind === 'step' ? signedMoney(b.amount, w.units) : formatMoney(b.amount, DISPLAY_PLACES[w.units]),
    })),
    xLabel: `${w.metricLabel}, ${w.units}`,
    tick: moneyTick,
    colors: { total: metric === 'system_surplus' ? SYSTEM : ICB, rise: CARE, fall: GAP },
  });
  return (
    `<figure class="figure"><h3>${esc(title(w))}</h3>${svg}` +
    `<figcaption>${esc(CAPTIONS[metric])}</figcaption>` +
    `<details><summary>Data table: ${esc(title(w))}</summary>${dataTables(w)}</details></figure>`
  );
}

/** The bridges each scenario's section shows: the ICB surplus and the system surplus. */
export function bridgeFigures(r: RunResult, idPrefix: string): string {
  return waterfallFigure(r, 'icb_surplus', `${idPrefix}-bridge-icb`) + waterfallFigure(r, 'system_surplus', `${idPrefix}-bridge-system`);
}
