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

/** One block per value, lowest ▁ to highest █; a blank for a year with no figure; ▄ when all are equal. */
export function sparkline(values: readonly (number | null)[]): string {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = Math.min(...present);
  const hi = Math.max(...present);
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

function trendLine(r: RunResult, t: Trend, labelWidth: number, color: boolean): string {
  const nums = t.values.map((d) => (d === undefined ? null : d.toNumber()));
  let blocks = sparkline(nums);
  if (color && t.kind === 'money') {
    blocks = [...blocks].map((b, i) => ((nums[i] ?? 0) < 0 ? `${RED}${b}${RESET}` : b)).join('');
  }
  const shown = t.values.filter((d): d is Dec => d !== undefined);
  const first = shown[0];
  const last = shown[shown.length - 1];
  const ends = first && last ? `  ${formatMetric(first, t.kind, r.units)} → ${formatMetric(last, t.kind, r.units)}` : '';
  return `  ${pad(t.label, labelWidth)}  ${blocks}${ends}`;
}

/** The sparkline block for one or more scenarios, years base first; ends with a newline. */
export function renderSparklines(results: readonly RunResult[], opts: { color: boolean }): string {
  const out: string[] = [];
  for (const r of results) {
    const first = r.years[0]?.year;
    const last = r.years[r.years.length - 1]?.year;
    const trends: Trend[] = [
      { label: `ICB surplus (${r.units})`, values: r.years.map((y) => y.metrics.icb_surplus), kind: 'money' },
      { label: 'Care-shift share', values: r.years.map((y) => y.metrics.care_shift_share), kind: 'share' },
    ];
    const width = Math.max(...trends.map((t) => t.label.length));
    out.push(`${r.scenario}, ${first} to ${last}:`);
    for (const t of trends) out.push(trendLine(r, t, width, opts.color));
  }
  return `${out.join('\n')}\n`;
}
