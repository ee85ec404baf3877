/** The report's charts, built from a run's exact figures (converted to floats only for drawing). */
import { CATEGORIES } from '../../model/schema.js';
import { Dec } from '../../model/decimal.js';
import { HEADLINE_METRICS, hasProviders, type MetricDef } from '../../model/metrics.js';
import type { MonteCarloResult } from '../../model/montecarlo.js';
import type { RunResult } from '../../model/run.js';
import { PENNY_PLACES, type Units } from '../../model/units.js';
import { DISPLAY_PLACES, formatMoney, formatShare } from '../format.js';
import type { Series } from '../svg/chart.js';
import { describeSeries } from './describe.js';
import type { Figure } from './figure.js';
import { CARE, CATEGORY_COLORS, GAP, ICB, NEUTRAL, SCENARIO_COLORS, SYSTEM, scenarioColor } from './palette.js';

// Making an Intl.NumberFormat costs far more than formatting with one (most of the what-if
// page's redraw time, before these were kept): one per number of decimals.
const formats = new Map<number, Intl.NumberFormat>();

function grouped(v: number, decimals: number): string {
  let f = formats.get(decimals);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    formats.set(decimals, f);
  }
  return f.format(v);
}

export const moneyTick = (v: number, decimals: number): string => grouped(v, decimals);
export const percentTick = (v: number, decimals: number): string => `${grouped(v, decimals)}%`;

function moneyText(d: Dec | undefined, units: Units): string {
  return d === undefined ? '–' : formatMoney(d, DISPLAY_PLACES[units]);
}

/** A metric over the years as a chart series: money as is, shares and rates in per cent. */
export function metricSeries(r: RunResult, metric: string, kind: MetricDef['kind'], name: string, color: string, years = r.years.map((y) => y.year)): Series {
  const byYear = new Map(r.years.map((y) => [y.year, y.metrics[metric]] as const));
  const values = years.map((year) => {
    const d = byYear.get(year);
    if (d === undefined) return null;
    return kind === 'money' ? d.toNumber() : d.times(100).toNumber();
  });
  const texts = years.map((year) => {
    const d = byYear.get(year);
    if (d === undefined) return '–';
    return kind === 'money' ? moneyText(d, r.units) : formatShare(d);
  });
  return { name, values, texts, color };
}

function years(r: RunResult): string[] {
  return r.years.map((y) => y.year);
}

export function surplusFigure(r: RunResult, id: string): Figure {
  const series = [
    metricSeries(r, 'icb_surplus', 'money', 'ICB surplus/(deficit)', ICB),
    metricSeries(r, 'system_surplus', 'money', 'System surplus/(deficit)', SYSTEM),
  ];
  return {
    spec: {
      id,
      title: 'Surplus or deficit by year: the ICB and the whole system',
      desc: `Grouped bar chart in ${r.units}; bars below zero are deficits. ${describeSeries(series, years(r))}`,
      kind: 'bars',
      categories: years(r),
      series,
      xLabel: 'Financial year',
      yLabel: `Surplus/(deficit), ${r.units}`,
      tick: moneyTick,
    },
    caption: hasProviders(r.spec)
      ? 'The system figure is the ICB surplus plus each modelled provider\'s surplus, less the part of the provider gap no modelled provider holds. Bars below the zero line are deficits.'
      : 'The system figure is the ICB surplus less the provider gaps: the pressure held-down contracts leave with providers. Bars below the zero line are deficits.',
  };
}

export function careShiftFigure(r: RunResult, id: string): Figure {
  const series = [metricSeries(r, 'care_shift_share', 'share', 'Care closer to home, share of spend', CARE)];
  const target = r.spec.care_shift?.target;
  const categories = (r.spec.care_shift?.categories ?? ['community', 'primary', 'prevention']).join(', ').replace(/_/g, ' ');
  const targetText = target ? ` The target is ${formatShare(target)}.` : ' The scenario sets no target.';
  return {
    spec: {
      id,
      title: 'Care closer to home: its share of ICB spend',
      desc: `Line chart in per cent.${targetText} ${describeSeries(series, years(r))}`,
      kind: 'lines',
      categories: years(r),
      series,
      ...(target ? { reference: { value: target.times(100).toNumber(), label: `Target ${formatShare(target)}` } } : {}),
      xLabel: 'Financial year',
      yLabel: 'Share of spend, %',
      tick: percentTick,
    },
    caption: `Spend on ${categories} as a share of all ICB spend.${targetText}`,
  };
}

export function categoryFigure(r: RunResult, id: string): Figure {
  const present = CATEGORIES.filter((c) => r.lines.some((l) => l.category === c));
  const series: Series[] = present.map((category) => {
    const lines = r.lines.filter((l) => l.category === category);
    const sums = r.years.map((y) => lines.reduce((acc, l) => acc.plus(y.metrics[`spend.${l.name}`] ?? 0), new Dec(0)));
    const words = category.replace(/_/g, ' ');
    return {
      name: words.charAt(0).toUpperCase() + words.slice(1),
      values: sums.map((d) => d.toNumber()),
      texts: sums.map((d) => moneyText(d, r.units)),
      color: CATEGORY_COLORS[category] ?? NEUTRAL,
    };
  });
  return {
    spec: {
      id,
      title: 'Spend by category',
      desc: `Stacked bar chart in ${r.units}, one bar per year, one segment per category. ${describeSeries(series, years(r))}`,
      kind: 'stacked',
      categories: years(r),
      series,
      xLabel: 'Financial year',
      yLabel: `Spend, ${r.units}`,
      tick: moneyTick,
    },
    seriesHeading: 'Category',
    caption: 'What the ICB funds, by category; each bar is that year\'s total spend.',
  };
}

/** Undefined when the scenario has no acute line. */
export function acuteGapFigure(r: RunResult, id: string): Figure | undefined {
  const acute = r.lines.filter((l) => l.category === 'acute');
  if (acute.length === 0) return undefined;
  const sums = r.years.map((y) => acute.reduce((acc, l) => acc.plus(y.metrics[`gap.${l.name}`] ?? 0), new Dec(0)));
  const series: Series[] = [
    { name: 'Acute provider gap', values: sums.map((d) => d.toNumber()), texts: sums.map((d) => moneyText(d, r.units)), color: GAP },
  ];
  const none = sums.every((d) => d.isZero());
  return {
    spec: {
      id,
      title: 'Acute provider gap: need the ICB does not fund',
      desc: `Bar chart in ${r.units}. ${none ? 'There is no gap in any year: acute need is funded in full.' : describeSeries(series, years(r))}`,
      kind: 'bars',
      categories: years(r),
      series,
      xLabel: 'Financial year',
      yLabel: `Provider gap, ${r.units}`,
      tick: moneyTick,
    },
    caption: none
      ? 'No acute line is held below its need, so acute providers carry no gap.'
      : 'What acute providers must absorb when their contracts grow more slowly than the cost of meeting demand.',
  };
}

/** The 5-95% range of the ICB surplus over many draws, its median, and the plain (central) run. */
export function fanFigure(r: RunResult, mc: MonteCarloResult, id: string): Figure | undefined {
  const m = mc.metrics.find((x) => x.name === 'icb_surplus');
  if (!m) return undefined;
  const fmt = (v: number | undefined): string => (v === undefined ? '–' : moneyText(new Dec(v), r.units));
  const median: Series = {
    name: 'Median of draws',
    values: m.years.map((s) => s?.p50 ?? null),
    texts: m.years.map((s) => fmt(s?.p50)),
    color: ICB,
  };
  const central = { ...metricSeries(r, 'icb_surplus', 'money', 'Plain run (central values)', NEUTRAL, mc.years), dashed: true };
  const lower = m.years.map((s) => s?.p5 ?? null);
  const upper = m.years.map((s) => s?.p95 ?? null);
  // Penny-rounded draws: a spread under a penny is float noise, not uncertainty.
  const penny = 10 ** -PENNY_PLACES[r.units];
  const flat = m.years.every((s) => s === null || s.p95 - s.p5 < penny);
  return {
    spec: {
      id,
      title: `ICB surplus/(deficit): range over ${mc.draws.toLocaleString('en-GB')} draws`,
      desc:
        `Fan chart in ${r.units}: a shaded band from the 5th to the 95th percentile of the ICB surplus in each year, ` +
        `with the median and the plain run as lines. ${describeSeries([median, central], mc.years)} ` +
        `In the final year the band runs from ${fmt(lower.at(-1) ?? undefined)} to ${fmt(upper.at(-1) ?? undefined)}.`,
      kind: 'lines',
      categories: mc.years,
      series: [median, central],
      band: { name: '5th to 95th percentile', lower, upper, color: ICB },
      xLabel: 'Financial year',
      yLabel: `Surplus/(deficit), ${r.units}`,
      tick: moneyTick,
      zero: true,
    },
    extraRows: [
      { name: '5th percentile', texts: lower.map((v) => fmt(v ?? undefined)) },
      { name: '95th percentile', texts: upper.map((v) => fmt(v ?? undefined)) },
      { name: 'Share of draws in deficit', texts: mc.deficit.map((p) => `${(p * 100).toFixed(1)}%`) },
    ],
    caption: flat
      ? `No assumption in this scenario is a distribution, so all ${mc.draws.toLocaleString('en-GB')} draws give the plain run's figures and the band has no width.`
      : `Uncertain assumptions sampled ${mc.draws.toLocaleString('en-GB')} times (seed ${mc.seed}). In nine draws out of ten the surplus falls inside the band.`,
  };
}

/** The care-shift target every scenario shares, or undefined when they differ or any has none. */
function sharedTarget(results: readonly RunResult[]): Dec | undefined {
  const first = results[0]?.spec.care_shift?.target;
  if (first === undefined) return undefined;
  return results.every((r) => r.spec.care_shift?.target?.equals(first) === true) ? first : undefined;
}

function listed(names: readonly string[]): string {
  return names.length < 2 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** Which scenarios show the same figures: all of them (bars or lines), or groups whose lines coincide. */
export function identicalText(series: readonly Series[], money: boolean): string {
  const groups = new Map<string, string[]>();
  for (const s of series) {
    const key = s.texts.join('|');
    groups.set(key, [...(groups.get(key) ?? []), s.name]);
  }
  const hidden = money ? '' : ', so their lines lie on top of each other';
  if (series.length > 1 && groups.size === 1) return ` Every scenario has the same figures${hidden}.`;
  // Equal bars still stand side by side; only coinciding lines hide one another.
  if (money) return '';
  const same = [...groups.values()].filter((g) => g.length > 1);
  return same.map((g) => ` ${listed(g)} have the same figures${hidden}.`).join('');
}

/**
 * Headline metrics whose figures are the same, to the penny, in every year of every scenario (two or
 * more scenarios): a chart of them would show nothing but repeated bars, so the report names them
 * in one line instead.
 */
export function sameInEveryScenario(results: readonly RunResult[]): MetricDef[] {
  if (results.length < 2) return [];
  const key = (r: RunResult, metric: string): string => r.years.map((y) => `${y.year}=${y.metrics[metric]?.toFixed() ?? ''}`).join('|');
  return HEADLINE_METRICS.filter((def) => results.every((r) => key(r, def.name) === key(results[0]!, def.name)));
}

/** Every year any of the scenarios reports, in order: the side-by-side charts' axis. */
export function unionYears(results: readonly RunResult[]): string[] {
  return [...new Set(results.flatMap((r) => years(r)))].sort();
}

/**
 * Several scenarios side by side: one chart per headline metric, one series per scenario, leaving
 * out the metrics `sameInEveryScenario` names. A chart keeps its metric's id (`cmp-9`: the
 * care-shift share) whichever are left out.
 */
export function comparisonFigures(results: readonly RunResult[], idPrefix: string): Figure[] {
  const allYears = unionYears(results);
  const units = results[0]?.units ?? '£m';
  const target = sharedTarget(results);
  const same = new Set(sameInEveryScenario(results).map((d) => d.name));
  return HEADLINE_METRICS.flatMap((def, k): Figure[] => {
    if (same.has(def.name)) return [];
    const series = results.map((r, i) => metricSeries(r, def.name, def.kind, r.scenario, scenarioColor(i), allYears));
    const money = def.kind === 'money';
    // Identical lines are drawn on top of each other, so only the last shows: say so, or a reader
    // looks in vain for the others.
    const sameText = identicalText(series, money);
    const withTarget = def.name === 'care_shift_share' && target !== undefined;
    const targetText = withTarget ? ` The target, shared by every scenario, is ${formatShare(target)}.` : '';
    const repeatText = results.length > SCENARIO_COLORS.length ? ` With more than ${SCENARIO_COLORS.length} scenarios colours repeat: the data table names every figure.` : '';
    const figure: Figure = {
      spec: {
        id: `${idPrefix}-${k}`,
        title: def.label,
        desc: `${money ? 'Grouped bar chart in ' + units : 'Line chart in per cent'}, one ${money ? 'bar' : 'line'} per scenario.${targetText}${sameText} ${describeSeries(series, allYears)}`,
        kind: money ? 'bars' : 'lines',
        categories: allYears,
        series,
        ...(withTarget ? { reference: { value: target.times(100).toNumber(), label: `Target ${formatShare(target)}` } } : {}),
        xLabel: 'Financial year',
        yLabel: money ? `${def.label}, ${units}` : `${def.label}, %`,
        tick: money ? moneyTick : percentTick,
      },
      seriesHeading: 'Scenario',
      caption: `${def.label} in each scenario, side by side.${targetText}${sameText}${repeatText}`,
    };
    return [figure];
  });
}
