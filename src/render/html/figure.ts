/** A chart as the report shows it: the SVG, a caption, and its data as a table (the text alternative). */
import { renderChart, type ChartSpec } from '../svg/chart.js';
import { esc } from '../svg/escape.js';

export interface Figure {
  spec: ChartSpec;
  /** Shown under the chart: how to read it. */
  caption: string;
  /** The data table's first column heading. */
  seriesHeading?: string;
  /** Extra rows for the data table (a fan chart's percentiles), already formatted. */
  extraRows?: { name: string; texts: string[] }[];
}

export function dataTable(f: Figure): string {
  const { spec } = f;
  const head = spec.categories.map((c) => `<th scope="col">${esc(c)}</th>`).join('');
  const row = (name: string, texts: string[]): string =>
    `<tr><th scope="row">${esc(name)}</th>${texts.map((t) => `<td${t.startsWith('-') ? ' class="neg"' : ''}>${esc(t)}</td>`).join('')}</tr>`;
  const rows = [...[...spec.series, ...(spec.total ? [spec.total] : [])].map((s) => row(s.name, s.texts)), ...(f.extraRows ?? []).map((r) => row(r.name, r.texts))];
  return (
    `<div class="scroll"><table class="data"><caption>${esc(spec.title)}: the figures (${esc(spec.yLabel)})</caption>` +
    `<thead><tr><th scope="col">${esc(f.seriesHeading ?? 'Series')}</th>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`
  );
}

export function renderFigure(f: Figure): string {
  return (
    `<figure class="figure"><h3>${esc(f.spec.title)}</h3>${renderChart(f.spec)}` +
    `<figcaption>${esc(f.caption)}</figcaption>` +
    `<details><summary>Data table: ${esc(f.spec.title)}</summary>${dataTable(f)}</details></figure>`
  );
}
