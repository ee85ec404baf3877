/**
 * Terminal pictures: the ICB surplus and the care-shift share of each scenario as a row of Unicode
 * blocks, one per year, with the first and last figures. Shown under the table on a terminal only
 * (the command decides: never with --no-color, NO_COLOR or a pipe), so deficit years may be red.
 */
import type { Dec } from '../model/decimal.js';
import type { RunResult } from '../model/run.js';
import { formatMetric } from './format.js';

export const BLOCKS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;

const RED = '\x1b[31m';
const RESET = '\x1b[0m';

export interface Range {
  lo: number;
  hi: number;
}

function rangeOf(values: readonly (number | null)[]): Range {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return { lo: Math.min(...present), hi: Math.max(...present) };
}

/**
 * One block per value, lowest ▁ to highest █; a blank for a year with no figure; ▄ when all are equal.
 * `range` (which must contain every value) puts several lines on one scale, so they can be compared.
 */
export function sparkline(values: readonly (number | null)[], range: Range = rangeOf(values)): string {
  const { lo, hi } = range;
  return values
    .map((v) => {
      if (v === null || !Number.isFinite(v)) return ' ';
      if (!(hi > lo)) return BLOCKS[3];
      return BLOCKS[Math.round(((v - lo) / (hi - lo)) * (BLOCKS.length - 1))]!;
    })
    .join('');
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - [...s].length));
}

interface Trend {
  label: string;
  values: (Dec | undefined)[];
  kind: 'money' | 'share';
}

function numbers(t: Trend): (number | null)[] {
  return t.values.map((d) => (d === undefined ? null : d.toNumber()));
}

function trendLine(r: RunResult, t: Trend, labelWidth: number, color: boolean, range: Range | undefined): string {
  const nums = numbers(t);
  let blocks = sparkline(nums, range ?? rangeOf(nums));
  if (color && t.kind === 'money') {
    blocks = [...blocks].map((b, i) => ((nums[i] ?? 0) < 0 ? `${RED}${b}${RESET}` : b)).join('');
  }
  const shown = t.values.filter((d): d is Dec => d !== undefined);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const ends = first && last ? `  ${formatMetric(first, t.kind, r.units)} → ${formatMetric(last, t.kind, r.units)}` : '';
  return `  ${pad(t.label, labelWidth)}  ${blocks}${ends}`;
}

function trends(r: RunResult): Trend[] {
  return [
    { label: `ICB surplus (${r.units})`, values: r.years.map((y) => y.metrics.icb_surplus), kind: 'money' },
    { label: 'Care-shift share', values: r.years.map((y) => y.metrics.care_shift_share), kind: 'share' },
  ];
}

/**
 * The sparkline block for one or more scenarios, years base first; ends with a newline. With several
 * scenarios in the same units each measure shares one scale across them (a taller block is a larger
 * figure whichever scenario it is in); in mixed units each line has its own scale, and it says so.
 */
export function renderSparklines(results: readonly RunResult[], opts: { color: boolean }): string {
  const all = results.map(trends);
  const shared = results.length > 1 && new Set(results.map((r) => r.units)).size === 1;
  const ranges: (Range | undefined)[] = [0, 1].map((k) =>
    shared ? rangeOf(all.flatMap((ts) => (ts[k] ? numbers(ts[k]) : []))) : undefined,
  );
  const out: string[] = [];
  results.forEach((r, i) => {
    const first = r.years[0]?.year;
    const last = r.years[r.years.length - 1]?.year;
    const ts = all[i] ?? [];
    const width = Math.max(...ts.map((t) => t.label.length));
    out.push(`${r.scenario}, ${first} to ${last}:`);
    ts.forEach((t, k) => out.push(trendLine(r, t, width, opts.color, ranges[k])));
  });
  if (results.length > 1) {
    out.push(shared ? '(each measure on one scale across the scenarios)' : '(each line on its own scale: the scenarios use different units)');
  }
  return `${out.join('\n')}\n`;
}
