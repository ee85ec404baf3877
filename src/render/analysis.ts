/** Output of sweep, tornado and solve: tables for people, exact JSON/CSV for scripts. */
import Table from 'cli-table3';
import { inBlocks } from './blocks.js';
import { stringify } from 'csv-stringify/sync';
import { Dec, decString } from '../model/decimal.js';
import { valueText } from '../model/input-path.js';
import type { MetricDef } from '../model/metrics.js';
import type { Units } from '../model/units.js';
import type { SolveResult, SolveRequest } from '../report/solve.js';
import type { SweepResult } from '../report/sweep.js';
import type { TornadoResult } from '../report/tornado.js';
import { exactFigure } from './explain.js';
import { formatMetric, withUnit } from './format.js';
import { NO_VALUE } from './run-view.js';

const plainTable = (head: string[], aligns: ('left' | 'right')[]) =>
  new Table({ head, colAligns: aligns, style: { head: [], border: [], compact: true } });

function shown(d: Dec | undefined, def: MetricDef, units: Units): string {
  return d === undefined ? NO_VALUE : formatMetric(d, def.kind, units);
}

function figureTitle(def: MetricDef, year: string, units: Units): string {
  return `${def.label} (${def.name}) in ${year}${def.kind === 'money' ? `, ${units}` : ''}`;
}

export type SweepFormat = 'table' | 'json' | 'csv' | 'md';

export function renderSweep(r: SweepResult, def: MetricDef, units: Units, scenario: string, format: SweepFormat): string {
  const [a, b] = r.axes as [SweepResult['axes'][number], SweepResult['axes'][number] | undefined];
  const aText = a.values.map((v) => valueText(v, a.rate));
  const bText = b ? b.values.map((v) => valueText(v, b.rate)) : [];
  const title = `${scenario}: ${figureTitle(def, r.probe.year, units)}`;
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          scenario,
          metric: def.name,
          year: r.probe.year,
          units,
          inputs: r.axes.map((x) => x.path),
          points: r.grid.flatMap((row, i) =>
            row.map((v, j) => ({
              [a.path]: aText[i],
              ...(b ? { [b.path]: bText[j] } : {}),
              value: v === undefined ? null : decString(v),
            })),
          ),
        },
        null,
        2,
      ) + '\n'
    );
  }
  if (format === 'csv') {
    const rows = r.grid.flatMap((row, i) => row.map((v, j) => [aText[i]!, ...(b ? [bText[j]!] : []), v === undefined ? '' : decString(v)]));
    return stringify(rows, { header: true, columns: [a.path, ...(b ? [b.path] : []), `${def.name} ${r.probe.year}`] });
  }
  const head = b ? [`${a.path} \\ ${b.path}`, ...bText] : [a.path, `${def.name} ${r.probe.year}`];
  const body = r.grid.map((row, i) => [aText[i]!, ...row.map((v) => shown(v, def, units))]);
  if (format === 'md') {
    const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
    return [`**${title}**`, '', line(head), line(head.map((_, i) => (i === 0 ? '---' : '---:'))), ...body.map(line)].join('\n') + '\n';
  }
  const t = plainTable(head, head.map((_, i) => (i === 0 ? 'left' : 'right')));
  for (const row of body) t.push(row);
  return `${title}\n${t.toString()}\n`;
}

const BAR = 24;
/** The input at its high value draws solid, at its low value shaded, so the chart shows which way each input works. */
const HIGH = '█';
const LOW = '░';

/** One side of a bar: the two ends' lengths on that side, the longer drawn first and the shorter over it nearest the axis. */
function side(low: number, high: number, outward: 'left' | 'right'): string {
  const long = Math.max(low, high);
  const short = Math.min(low, high);
  const outer = (low >= high ? LOW : HIGH).repeat(long - short);
  const inner = (low >= high ? HIGH : LOW).repeat(short);
  const bar = outward === 'left' ? outer + inner : inner + outer;
  return outward === 'left' ? bar.padStart(BAR) : bar.padEnd(BAR);
}

/** A text tornado: each input's effect at its low and high value as bars either side of the base figure. */
export function tornadoChart(r: TornadoResult, def: MetricDef, units: Units): string {
  const max = r.rows.reduce((m, x) => Dec.max(m, x.atLow.minus(r.base).abs(), x.atHigh.minus(r.base).abs()), new Dec(0));
  const width = Math.max(...r.rows.map((x) => x.path.length), 10);
  const len = (d: Dec) => (max.isZero() ? 0 : d.abs().dividedBy(max).times(BAR).round().toNumber());
  const lines = r.rows.map((x) => {
    const lo = x.atLow.minus(r.base);
    const hi = x.atHigh.minus(r.base);
    const down = side(lo.isNegative() && !lo.isZero() ? len(lo) : 0, hi.isNegative() && !hi.isZero() ? len(hi) : 0, 'left');
    const up = side(lo.isPositive() && !lo.isZero() ? len(lo) : 0, hi.isPositive() && !hi.isZero() ? len(hi) : 0, 'right');
    return `${x.path.padEnd(width)} ${down}│${up} ${shown(x.swing, def, units)}`;
  });
  const axis = `${' '.repeat(width)} ${'figure lower'.padEnd(BAR)}│${'figure higher'.padStart(BAR)} swing`;
  const legend = `${' '.repeat(width)} ${LOW} input at its low value   ${HIGH} input at its high value`;
  return [`${' '.repeat(width + 1 + BAR - 4)}base ${shown(r.base, def, units)}`, axis, ...lines, legend].join('\n') + '\n';
}

export function renderTornado(
  r: TornadoResult,
  def: MetricDef,
  units: Units,
  scenario: string,
  format: 'table' | 'json',
  opts: { maxWidth?: number | undefined } = {},
): string {
  if (format === 'json') {
    return (
      JSON.stringify(
        {
          scenario,
          metric: def.name,
          year: r.probe.year,
          units,
          base: decString(r.base),
          inputs: r.rows.map((x) => ({
            input: x.path,
            uncertain: x.uncertain,
            written: x.written,
            low: x.low,
            high: x.high,
            at_low: decString(x.atLow),
            at_high: decString(x.atHigh),
            swing: decString(x.swing),
          })),
          skipped: r.skipped.map((s) => ({ input: s.path, reason: s.reason })),
        },
        null,
        2,
      ) + '\n'
    );
  }
  const head = ['#', 'Input', 'As written', 'Low', 'High', 'At low', 'At high', 'Swing'];
  const aligns = ['right', 'left', 'left', 'right', 'right', 'right', 'right', 'right'] as const;
  const body = r.rows.map((x, i) => [String(i + 1), x.path, x.written, x.low, x.high, shown(x.atLow, def, units), shown(x.atHigh, def, units), shown(x.swing, def, units)]);
  // Split after the two columns that name the input, as run splits after the metric's name.
  const block = (cols: number[]) => {
    const t = plainTable([0, 1, ...cols].map((i) => head[i]!), [0, 1, ...cols].map((i) => aligns[i]!));
    for (const row of body) t.push([0, 1, ...cols].map((i) => row[i]!));
    return t.toString();
  };
  const blocks = inBlocks([2, 3, 4, 5, 6, 7], opts.maxWidth, block);
  const title = `${scenario}: what moves ${figureTitle(def, r.probe.year, units)} (base ${shown(r.base, def, units)})`;
  const note = 'Low/high: a distribution\'s 10th and 90th percentiles, or a plain rate ± the step; one input at a time.';
  return `${title}\n${blocks.join('\n')}\n\n${tornadoChart(r, def, units)}\n${note}\n`;
}

export function renderSolve(r: SolveResult, req: SolveRequest, def: MetricDef, units: Units, scenario: string, format: 'text' | 'json'): string {
  const relation = req.relation ?? '=';
  // The target as the user wrote it, not rounded for a table.
  const target = `${def.name} ${req.probe.year} ${relation} ${def.kind === 'money' ? withUnit(exactFigure(req.target, 'money'), units) : exactFigure(req.target, def.kind)}`;
  if (format === 'json') {
    const point = (p: { text: string; figure: Dec }) => ({ value: p.text, figure: decString(p.figure) });
    const body =
      r.kind === 'exact'
        ? { found: true, exact: true, value: r.at.text, figure: decString(r.at.figure) }
        : r.kind === 'between'
          ? { found: true, exact: false, value: r.nearest.text, figure: decString(r.nearest.figure), below: point(r.below), above: point(r.above) }
          : r.kind === 'bound'
            ? { found: true, bound: r.bound, value: r.answer.text, figure: decString(r.answer.figure), next: point(r.next) }
            : r.kind === 'everywhere'
              ? { found: true, bound: 'everywhere', at_low: point(r.lo), at_high: point(r.hi) }
              : { found: false, at_low: point(r.lo), at_high: point(r.hi) };
    return (
      JSON.stringify({ scenario, input: req.path, metric: def.name, year: req.probe.year, relation, target: decString(req.target), ...body, evaluations: r.evaluations }, null, 2) + '\n'
    );
  }
  // Exact figures: a rounded one would show a deficit of a penny as 0.0, on the wrong side of a limit.
  // Rates to 0.0001 percentage points (JSON has every digit).
  const fig = (p: { figure: Dec }) =>
    def.kind === 'money' ? withUnit(exactFigure(p.figure, 'money'), units) : `${decString(p.figure.times(100).toDecimalPlaces(4, Dec.ROUND_HALF_EVEN))}%`;
  // The answer in the input's own form: 2.76% for a rate, £1064m for money in £m.
  const v = (p: { text: string }) => (req.rate ? p.text : withUnit(p.text, units));
  const places = `${req.places} decimal place${req.places === 1 ? '' : 's'}`;
  switch (r.kind) {
    case 'exact':
      return `${scenario}: ${req.path} = ${v(r.at)} gives ${target} exactly (${r.evaluations} runs)\n`;
    case 'between':
      return (
        `${scenario}: ${req.path} = ${v(r.nearest)} comes closest to ${target}\n` +
        `  ${req.path} = ${v(r.below)} gives ${fig(r.below)}\n` +
        `  ${req.path} = ${v(r.above)} gives ${fig(r.above)}\n` +
        `  (no value written to ${places} hits it exactly; ${r.evaluations} runs)\n`
      );
    case 'bound':
      return (
        `${scenario}: ${req.path} ${r.bound === 'at_most' ? 'at most' : 'at least'} ${v(r.answer)} keeps ${target}\n` +
        `  ${req.path} = ${v(r.answer)} gives ${fig(r.answer)}: meets it\n` +
        `  ${req.path} = ${v(r.next)} gives ${fig(r.next)}: does not\n` +
        `  (to ${places}, taking the figure to move one way across the range; ${r.evaluations} runs)\n`
      );
    case 'everywhere':
      return (
        `${scenario}: every value of ${req.path} from ${v(r.lo)} to ${v(r.hi)} keeps ${target}\n` +
        `  at ${v(r.lo)}: ${fig(r.lo)}; at ${v(r.hi)}: ${fig(r.hi)}\n`
      );
    case 'unreachable': {
      const head = `${scenario}: no value of ${req.path} from ${v(r.lo)} to ${v(r.hi)} ${relation === '=' ? 'reaches' : 'keeps'} ${target}\n`;
      // A figure the input does not move (e.g. a base-year figure): no range will help.
      if (r.lo.figure.equals(r.hi.figure)) {
        return `${head}  it is ${fig(r.lo)} at both ends: ${req.path} may not move ${def.name} in ${req.probe.year} at all\n`;
      }
      return (
        head +
        `  at ${v(r.lo)}: ${fig(r.lo)}; at ${v(r.hi)}: ${fig(r.hi)} (${relation === '=' ? 'both on the same side of the target' : 'neither meets it'})\n` +
        `  widen the range with --range LO..HI if a value outside it could reach the target\n`
      );
    }
  }
}
