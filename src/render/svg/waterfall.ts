/**
 * A horizontal waterfall (a bridge): the first and last bars are totals standing on zero, each bar
 * between floats from the running figure before it to the one after, joined by thin connectors.
 * Bars run across so their names can be read in full; each carries its figure as a label and a
 * tooltip, rises and falls differ in colour and in sign, and the chart is role="img" with a title
 * and a description like the report's other charts.
 */
import { stepDecimals } from './chart.js';
import { esc, px } from './escape.js';
import { svgImage } from './image.js';
import { linearScale, niceTicks } from './scale.js';

export interface WaterfallBarSpec {
  label: string;
  kind: 'total' | 'step';
  value: number;
  /** The figure as the reader should see it (signed for a step). */
  text: string;
}

export interface WaterfallSpec {
  id: string;
  title: string;
  desc: string;
  bars: WaterfallBarSpec[];
  /** The value axis, e.g. "Surplus/(deficit), £m". */
  xLabel: string;
  tick: (v: number, decimals: number) => string;
  colors: { total: string; rise: string; fall: string };
}

export const WATERFALL_WIDTH = 640;
const ROW = 24;
const CHAR = 6.6;

export function renderWaterfall(spec: WaterfallSpec): string {
  const spans: [number, number][] = [];
  let running = 0;
  for (const b of spec.bars) {
    if (b.kind === 'total') {
      running = b.value;
      spans.push([0, b.value]);
    } else {
      spans.push([running, running + b.value]);
      running += b.value;
    }
  }
  const ends = spans.flat();
  const ticks = niceTicks(Math.min(0, ...ends), Math.max(0, ...ends), 5);
  const decimals = stepDecimals(ticks);
  const labelWidth = Math.min(220, Math.ceil(Math.max(...spec.bars.map((b) => b.label.length)) * CHAR) + 12);
  const valueRoom = Math.ceil(Math.max(...spec.bars.map((b) => b.text.length)) * CHAR) + 8;
  const left = labelWidth;
  const right = WATERFALL_WIDTH - 12;
  const top = 34;
  const height = top + spec.bars.length * ROW + 40;
  // Room either side of the plot for a bar's figure at its end.
  const x = linearScale([ticks[0]!, ticks.at(-1)!], [left + valueRoom, right - valueRoom]);
  const parts: string[] = [];
  for (const t of ticks) {
    parts.push(`<line class="${t === 0 ? 'zero' : 'grid'}" x1="${px(x(t))}" y1="${top - 4}" x2="${px(x(t))}" y2="${top + spec.bars.length * ROW}"/>`);
    parts.push(`<text class="tick" x="${px(x(t))}" y="${top - 10}" text-anchor="middle">${esc(spec.tick(t, decimals))}</text>`);
  }
  parts.push(`<text class="axis-label" x="${px((left + right) / 2)}" y="${height - 10}" text-anchor="middle">${esc(spec.xLabel)}</text>`);
  const bars: string[] = [];
  spec.bars.forEach((b, i) => {
    const [a, z] = spans[i]!;
    const y = top + i * ROW;
    const x0 = x(Math.min(a, z));
    const x1 = x(Math.max(a, z));
    const color = b.kind === 'total' ? spec.colors.total : z >= a ? spec.colors.rise : spec.colors.fall;
    // A zero or tiny step still gets a hairline so the reader sees it is there.
    const w = Math.max(1, x1 - x0);
    const label = `<text class="wf-label" x="${left - 8}" y="${px(y + ROW / 2 + 4)}" text-anchor="end">${esc(b.label)}</text>`;
    const rect = `<rect x="${px(x0)}" y="${px(y + 4)}" width="${px(w)}" height="${ROW - 8}" fill="${color}"><title>${esc(`${b.label}: ${b.text}`)}</title></rect>`;
    // The figure sits beyond the bar's end in the direction it moves (a total: away from zero).
    const forward = b.kind === 'total' ? b.value >= 0 : z >= a;
    const tx = forward ? x0 + w + 4 : x0 - 4;
    const value = `<text class="wf-value" x="${px(tx)}" y="${px(y + ROW / 2 + 4)}" text-anchor="${forward ? 'start' : 'end'}">${esc(b.text)}</text>`;
    bars.push(label + rect + value);
    // The running figure after this bar is where the next one starts (the last total ends on it too).
    if (i + 1 < spec.bars.length) {
      bars.push(`<line class="wf-link" x1="${px(x(z))}" y1="${px(y + ROW - 4)}" x2="${px(x(z))}" y2="${px(y + ROW + 4)}"/>`);
    }
  });
  const frame = { id: spec.id, className: 'chart waterfall', width: WATERFALL_WIDTH, height, title: spec.title, desc: spec.desc };
  return svgImage(frame, `${parts.join('')}<g class="bars">${bars.join('')}</g>`);
}
