/**
 * One small charting routine for the report: bars (grouped or stacked), lines, a shaded band (the
 * fan chart's 5-95% range) and a reference line (a target), on a year axis. Hand-written SVG keeps
 * the report one self-contained file of a few tens of kilobytes that prints crisply and works with
 * no network and no script; a charting library would add hundreds of kilobytes of JavaScript.
 * Accessibility: every chart is role="img", labelled by its <title> and <desc>, and each bar or
 * point carries its exact figure as a tooltip; the report adds a data table for each chart.
 */
import { esc, px } from './escape.js';
import { svgImage } from './image.js';
import { extent, linearScale, niceTicks } from './scale.js';

export interface Series {
  name: string;
  /** One per category (year); null where the year has no figure. */
  values: (number | null)[];
  /** The exact figure as the reader should see it, one per category (tooltips, data table). */
  texts: string[];
  color: string;
  dashed?: boolean;
}

export interface Band {
  name: string;
  lower: (number | null)[];
  upper: (number | null)[];
  color: string;
}

export interface ChartSpec {
  /** Unique in the page: the ids of the chart's title and description derive from it. */
  id: string;
  title: string;
  /** The text alternative: what the chart shows and what it says, in words. */
  desc: string;
  kind: 'bars' | 'stacked' | 'lines';
  categories: string[];
  series: Series[];
  band?: Band;
  /** Stacked bars only: the stack's sum each year, drawn as a line with a marker on every bar (the system surplus). */
  total?: Series;
  reference?: { value: number; label: string };
  xLabel: string;
  yLabel: string;
  /** Axis tick text, e.g. "1,200" or "25.5%", with the decimals the tick step needs (the same on every tick). */
  tick: (v: number, decimals: number) => string;
  /** Whether the value axis must include zero (default: yes for bars, no for lines). */
  zero?: boolean;
}

export const WIDTH = 640;
export const HEIGHT = 320;
const CHAR = 6.6; // average width of a 12px sans-serif character: enough to lay out labels

interface LegendItem {
  name: string;
  color: string;
  shape: 'box' | 'line' | 'dash' | 'band';
}

function legendItems(spec: ChartSpec): LegendItem[] {
  const items: LegendItem[] = spec.series.map((s) => ({
    name: s.name,
    color: s.color,
    shape: spec.kind === 'lines' ? (s.dashed ? 'dash' : 'line') : 'box',
  }));
  if (spec.total) items.push({ name: spec.total.name, color: spec.total.color, shape: 'line' });
  if (spec.band) items.push({ name: spec.band.name, color: spec.band.color, shape: 'band' });
  if (spec.reference) items.push({ name: spec.reference.label, color: '#444', shape: 'dash' });
  return items;
}

/** Legend items laid out in rows that fit the width; returns the SVG and its height. */
function legend(items: LegendItem[], left: number, top: number, width: number): { svg: string; height: number } {
  let x = left;
  let y = top;
  const parts: string[] = [];
  for (const item of items) {
    const w = 22 + item.name.length * CHAR + 16;
    if (x > left && x + w > left + width) {
      x = left;
      y += 18;
    }
    const mid = y + 6;
    if (item.shape === 'box') parts.push(`<rect x="${px(x)}" y="${px(y)}" width="12" height="12" fill="${item.color}"/>`);
    else if (item.shape === 'band') parts.push(`<rect x="${px(x)}" y="${px(y)}" width="16" height="12" fill="${item.color}" opacity=".35"/>`);
    else {
      const dash = item.shape === 'dash' ? ' stroke-dasharray="4 3"' : '';
      parts.push(`<line x1="${px(x)}" y1="${px(mid)}" x2="${px(x + 16)}" y2="${px(mid)}" stroke="${item.color}" stroke-width="2.5"${dash}/>`);
    }
    parts.push(`<text x="${px(x + 22)}" y="${px(y + 10)}">${esc(item.name)}</text>`);
    x += w;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y - top + 18 };
}

/** Lowest and highest stack ends: positives stack up from zero, negatives down. */
function stackedValues(series: Series[], n: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let pos = 0;
    let neg = 0;
    for (const s of series) {
      const v = s.values[i] ?? 0;
      if (v >= 0) pos += v;
      else neg += v;
    }
    out.push(pos, neg);
  }
  return out;
}

export function renderChart(spec: ChartSpec): string {
  const n = spec.categories.length;
  const bars = spec.kind !== 'lines';
  const values =
    spec.kind === 'stacked'
      ? [...stackedValues(spec.series, n), ...(spec.total?.values ?? [])]
      : [...spec.series.flatMap((s) => s.values), ...(spec.band ? [...spec.band.lower, ...spec.band.upper] : [])];
  const include = [...(spec.zero ?? bars ? [0] : []), ...(spec.reference ? [spec.reference.value] : [])];
  const [lo, hi] = extent(values, include);
  const ticks = niceTicks(lo, hi, 5);
  const d0 = ticks[0]!;
  const d1 = ticks[ticks.length - 1]!;

  const decimals = stepDecimals(ticks);
  const tickText = (t: number): string => spec.tick(t, decimals);
  const tickWidth = Math.max(...ticks.map((t) => tickText(t).length)) * CHAR;
  const left = Math.ceil(tickWidth + 34);
  const right = 16;
  const plotW = WIDTH - left - right;
  const leg = legend(legendItems(spec), left, 10, plotW);
  const top = 10 + leg.height + 10;
  const bottom = 46;
  const plotH = HEIGHT - top - bottom;
  const y = linearScale([d0, d1], [top + plotH, top]);
  const step = plotW / Math.max(1, n);
  const cx = (i: number): number => left + step * (i + 0.5);

  const parts: string[] = [];
  // Grid and value axis.
  for (const t of ticks) {
    const ty = y(t);
    parts.push(`<line class="${t === 0 ? 'zero' : 'grid'}" x1="${left}" y1="${px(ty)}" x2="${left + plotW}" y2="${px(ty)}"/>`);
    parts.push(`<text class="tick" x="${left - 6}" y="${px(ty + 4)}" text-anchor="end">${esc(tickText(t))}</text>`);
  }
  parts.push(
    `<text class="axis-label" transform="translate(14 ${px(top + plotH / 2)}) rotate(-90)" text-anchor="middle">${esc(spec.yLabel)}</text>`,
  );
  // Year axis: thin the labels when they would collide (15 years on a narrow chart).
  const every = Math.max(1, Math.ceil((Math.max(...spec.categories.map((c) => c.length)) * CHAR + 8) / step));
  spec.categories.forEach((c, i) => {
    // The last year always shows; a regular label closer to it than `every` would overlap it.
    if (i !== n - 1 && (i % every !== 0 || n - 1 - i < every)) return;
    parts.push(`<text class="tick" x="${px(cx(i))}" y="${top + plotH + 16}" text-anchor="middle">${esc(c)}</text>`);
  });
  parts.push(`<text class="axis-label" x="${px(left + plotW / 2)}" y="${HEIGHT - 8}" text-anchor="middle">${esc(spec.xLabel)}</text>`);

  if (spec.band) parts.push(bandPath(spec.band, cx, y));
  if (spec.kind === 'bars') parts.push(groupedBars(spec, cx, step, y));
  if (spec.kind === 'stacked') parts.push(stackedBars(spec, cx, step, y));
  if (spec.reference) {
    const ry = y(spec.reference.value);
    parts.push(
      `<line class="ref" x1="${left}" y1="${px(ry)}" x2="${left + plotW}" y2="${px(ry)}"/>`,
      `<text class="ref-label" x="${left + plotW - 4}" y="${px(ry - 5)}" text-anchor="end">${esc(spec.reference.label)}</text>`,
    );
  }
  if (spec.kind === 'lines') parts.push(...spec.series.map((s) => linePath(s, spec.categories, cx, y)));
  // Over the bars, so the total reads against every segment.
  if (spec.total) parts.push(linePath(spec.total, spec.categories, cx, y, 'total'));
  // The axis line itself is drawn last so bars never cover it.
  parts.push(`<line class="axis" x1="${left}" y1="${top}" x2="${left}" y2="${top + plotH}"/>`);

  const frame = { id: spec.id, className: 'chart', width: WIDTH, height: HEIGHT, title: spec.title, desc: spec.desc };
  return svgImage(frame, `${leg.svg}${parts.join('')}`);
}

type Y = (v: number) => number;

/** The decimals a tick step needs (0.5 → 1, 20 → 0), the same on every tick. */
export function stepDecimals(ticks: readonly number[]): number {
  const step = ticks.length > 1 ? Math.abs(ticks[1]! - ticks[0]!) : 1;
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-6) return d;
  return 6;
}

function tip(year: string, name: string, text: string): string {
  return `<title>${esc(`${year}, ${name}: ${text}`)}</title>`;
}

function rect(x: number, y0: number, y1: number, w: number, color: string, title: string): string {
  const top = Math.min(y0, y1);
  // A zero figure still gets a hairline so the reader sees "zero", not "missing".
  const h = Math.max(0.8, Math.abs(y1 - y0));
  return `<rect x="${px(x)}" y="${px(top)}" width="${px(w)}" height="${px(h)}" fill="${color}">${title}</rect>`;
}

function groupedBars(spec: ChartSpec, cx: (i: number) => number, step: number, y: Y): string {
  const k = spec.series.length;
  const group = step * 0.76;
  const w = group / k;
  const out: string[] = [];
  spec.categories.forEach((year, i) => {
    spec.series.forEach((s, j) => {
      const v = s.values[i];
      if (v === null || v === undefined) return;
      const x = cx(i) - group / 2 + j * w + 0.5;
      out.push(rect(x, y(0), y(v), Math.max(1, w - 1), s.color, tip(year, s.name, s.texts[i] ?? '')));
    });
  });
  return `<g class="bars">${out.join('')}</g>`;
}

function stackedBars(spec: ChartSpec, cx: (i: number) => number, step: number, y: Y): string {
  const w = step * 0.62;
  const out: string[] = [];
  spec.categories.forEach((year, i) => {
    let pos = 0;
    let neg = 0;
    for (const s of spec.series) {
      const v = s.values[i];
      if (v === null || v === undefined || v === 0) continue;
      const from = v >= 0 ? pos : neg;
      const to = from + v;
      if (v >= 0) pos = to;
      else neg = to;
      out.push(rect(cx(i) - w / 2, y(from), y(to), w, s.color, tip(year, s.name, s.texts[i] ?? '')));
    }
  });
  // White edges separate adjacent segments whatever their colours.
  return `<g class="bars stacked">${out.join('')}</g>`;
}

function linePath(s: Series, categories: string[], cx: (i: number) => number, y: Y, cls = 'series'): string {
  let d = '';
  let pen = false;
  const dots: string[] = [];
  s.values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${px(cx(i))} ${px(y(v))}`;
    pen = true;
    dots.push(
      `<circle cx="${px(cx(i))}" cy="${px(y(v))}" r="3.5" fill="${s.color}">${tip(categories[i] ?? '', s.name, s.texts[i] ?? '')}</circle>`,
    );
  });
  const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
  return `<g class="${cls}"><path d="${d}" fill="none" stroke="${s.color}" stroke-width="2.5"${dash}/>${dots.join('')}</g>`;
}

/** The band between lower and upper, one closed shape per run of years that have both. */
function bandPath(b: Band, cx: (i: number) => number, y: Y): string {
  const runs: number[][] = [];
  let run: number[] = [];
  b.lower.forEach((lo, i) => {
    const hi = b.upper[i];
    if (lo === null || hi === null || hi === undefined) {
      if (run.length) runs.push(run);
      run = [];
    } else run.push(i);
  });
  if (run.length) runs.push(run);
  const paths = runs.map((r) => {
    const up = r.map((i, k) => `${k === 0 ? 'M' : 'L'}${px(cx(i))} ${px(y(b.upper[i]!))}`).join('');
    const down = [...r].reverse().map((i) => `L${px(cx(i))} ${px(y(b.lower[i]!))}`).join('');
    return `<path d="${up}${down}Z" fill="${b.color}" opacity=".3"/>`;
  });
  return `<g class="band">${paths.join('')}</g>`;
}
