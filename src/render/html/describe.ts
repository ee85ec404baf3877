/** Words for a chart's <desc>: what each series does over the years, so a screen reader hears the story. */
import type { Series } from '../svg/chart.js';

export function describeSeries(series: readonly Series[], categories: readonly string[]): string {
  return series
    .map((s) => {
      const points = s.values.map((v, i) => ({ v, i })).filter((p): p is { v: number; i: number } => p.v !== null);
      if (points.length === 0) return `${s.name}: no figures.`;
      const first = points[0]!;
      const last = points[points.length - 1]!;
      const low = points.reduce((a, b) => (b.v < a.v ? b : a));
      const high = points.reduce((a, b) => (b.v > a.v ? b : a));
      const at = (p: { i: number }): string => `${s.texts[p.i]} in ${categories[p.i]}`;
      if (points.length === 1) return `${s.name}: ${at(first)}.`;
      let text = `${s.name}: ${at(first)}, ${at(last)}`;
      if (low.i !== first.i && low.i !== last.i) text += `; lowest ${at(low)}`;
      if (high.i !== first.i && high.i !== last.i) text += `; highest ${at(high)}`;
      return `${text}.`;
    })
    .join(' ');
}
