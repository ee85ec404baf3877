/**
 * Monte Carlo results in every run format. Statistics of float draws are not exact decimals, so
 * machine formats round them once, the same way everywhere: money to the penny, rates and shares
 * to 0.0001 percentage points (6 decimal places of a fraction); probabilities are exact fractions
 * of the draws.
 */
import Table from 'cli-table3';
import { stringify } from 'csv-stringify/sync';
import { Dec, decString } from '../model/decimal.js';
import type { MetricKind } from '../model/metrics.js';
import type { MonteCarloResult, Summary } from '../model/montecarlo.js';
import { PENNY_PLACES, type Units } from '../model/units.js';
import { inBlocks } from './blocks.js';
import { formatMetric } from './format.js';
import { NO_VALUE } from './run-view.js';
import { mdEscape, mdRow } from './md.js';

export const STATS = [
  { key: 'mean', label: 'mean' },
  { key: 'p5', label: '5th percentile' },
  { key: 'p50', label: 'median' },
  { key: 'p95', label: '95th percentile' },
] as const satisfies readonly { key: keyof Summary; label: string }[];

export const PERCENTILE_RULE = 'linear interpolation between closest ranks (type 7, as Excel PERCENTILE.INC)';

/** A statistic as exact text (machine formats). */
export function statText(x: number, kind: MetricKind, units: Units): string {
  const places = kind === 'money' ? PENNY_PLACES[units] : 6;
  return decString(new Dec(x).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN));
}

/**
 * A probability as a percentage to 0.1 points (what a board paper shows). A risk that happened in
 * some draws never reads as 0.0% (nor one that failed to happen in some as 100.0%): `<0.1%`, `>99.9%`.
 */
export function probabilityText(p: number): string {
  const text = new Dec(p).times(100).toDecimalPlaces(1, Dec.ROUND_HALF_EVEN).toFixed(1);
  if (p > 0 && text === '0.0') return '<0.1%';
  if (p < 1 && text === '100.0') return '>99.9%';
  return `${text}%`;
}

function displayCell(x: number, kind: MetricKind, units: Units): string {
  return formatMetric(new Dec(x), kind, units);
}

const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;

function title(r: MonteCarloResult): string {
  return `${r.scenario}: ${r.draws.toLocaleString('en-GB')} draws, seed ${r.seed} (money in ${r.units})`;
}

interface Row {
  label: string;
  cells: string[];
  negative: boolean[];
  heading?: boolean;
}

function rows(r: MonteCarloResult): Row[] {
  const out: Row[] = [];
  for (const m of r.metrics) {
    out.push({ label: m.label, cells: r.years.map(() => ''), negative: [], heading: true });
    for (const s of STATS) {
      const values = m.years.map((y) => (y === null ? undefined : y[s.key]));
      out.push({
        // One space, not two: a base year and five projection years then fit 80 columns.
        label: ` ${s.label}`,
        cells: values.map((v) => (v === undefined ? NO_VALUE : displayCell(v, m.kind, r.units))),
        negative: values.map((v) => m.kind === 'money' && v !== undefined && displayCell(v, m.kind, r.units).startsWith('-')),
      });
    }
    // Under each provider's surplus, how likely it is to be in deficit (a short label keeps 80 columns).
    const risk = r.providerDeficit.find((p) => m.name === `provider_surplus.${p.provider}`);
    if (risk !== undefined) out.push({ label: ' P(deficit)', cells: risk.years.map(probabilityText), negative: [] });
  }
  out.push({ label: 'Risk', cells: r.years.map(() => ''), negative: [], heading: true });
  out.push({ label: ' P(ICB deficit)', cells: r.deficit.map(probabilityText), negative: [] });
  return out;
}

function checkLines(r: MonteCarloResult): string[] {
  return r.checks.map((c) => `${c.name}: fails in ${probabilityText(c.failed)} of draws`);
}

export function renderMonteCarloTable(r: MonteCarloResult, opts: { color?: boolean; maxWidth?: number | undefined } = {}): string {
  const paint = (style: readonly [string, string], s: string) => (opts.color === true ? style[0] + s + style[1] : s);
  const all = rows(r);
  const block = (years: number[]) => {
    const table = new Table({
      head: ['', ...years.map((t) => paint(BOLD, r.years[t]!))],
      colAligns: ['left', ...years.map(() => 'right' as const)],
      style: { head: [], border: [], compact: true },
    });
    for (const row of all) {
      if (row.heading === true) table.push([{ content: paint(BOLD, row.label), colSpan: years.length + 1 }]);
      else table.push([row.label, ...years.map((t) => (row.negative[t] === true ? paint(RED, row.cells[t]!) : row.cells[t]!))]);
    }
    return table.toString();
  };
  const blocks = inBlocks(r.years.map((_, t) => t), opts.maxWidth, block);
  const checks = checkLines(r);
  const tail = checks.length > 0 ? `\nChecks\n${checks.map((c) => `  ${c}`).join('\n')}\n` : '';
  return `${paint(BOLD, title(r))}\n${blocks.join('\n')}\n${tail}Percentiles: ${PERCENTILE_RULE}.\n`;
}

export function renderMonteCarloMarkdown(r: MonteCarloResult): string {
  const out = [`**${mdEscape(title(r))}**`, '', mdRow(['Metric', ...r.years]), mdRow(['---', ...r.years.map(() => '---:')])];
  for (const x of rows(r)) {
    out.push(mdRow([x.heading === true ? `**${mdEscape(x.label)}**` : mdEscape(x.label.trim()), ...x.cells]));
  }
  const checks = checkLines(r);
  if (checks.length > 0) out.push('', '**Checks**', '', ...checks.map((c) => `- ${mdEscape(c)}`));
  out.push('', `Percentiles: ${PERCENTILE_RULE}.`);
  return out.join('\n') + '\n';
}

export interface MonteCarloJson {
  scenario: string;
  units: string;
  draws: number;
  seed: number;
  percentiles: string;
  years: {
    year: string;
    metrics: Record<string, { mean: string; p5: string; p50: string; p95: string }>;
    deficit_probability: string;
    /** In a scenario with providers: the share of draws in which each provider is in deficit. */
    provider_deficit_probability?: Record<string, string>;
  }[];
  checks: { name: string; failure_probability: string }[];
}

export function monteCarloJson(r: MonteCarloResult): MonteCarloJson {
  const prob = (p: number) => decString(new Dec(p));
  return {
    scenario: r.scenario,
    units: r.units,
    draws: r.draws,
    seed: r.seed,
    percentiles: PERCENTILE_RULE,
    years: r.years.map((year, t) => {
      const metrics: MonteCarloJson['years'][number]['metrics'] = {};
      for (const m of r.metrics) {
        const s = m.years[t];
        if (s === null || s === undefined) continue;
        metrics[m.name] = {
          mean: statText(s.mean, m.kind, r.units),
          p5: statText(s.p5, m.kind, r.units),
          p50: statText(s.p50, m.kind, r.units),
          p95: statText(s.p95, m.kind, r.units),
        };
      }
      const providers = r.providerDeficit.length === 0 ? {} : { provider_deficit_probability: Object.fromEntries(r.providerDeficit.map((p) => [p.provider, prob(p.years[t]!)])) };
      return { year, metrics, deficit_probability: prob(r.deficit[t]!), ...providers };
    }),
    checks: r.checks.map((c) => ({ name: c.name, failure_probability: prob(c.failed) })),
  };
}

export function renderMonteCarloJson(r: MonteCarloResult): string {
  return JSON.stringify(monteCarloJson(r), null, 2) + '\n';
}

export const MC_CSV_COLUMNS = ['scenario', 'year', 'metric', 'statistic', 'value'] as const;

/** Long format like `run`'s CSV, with a statistic column; checks have no year. */
export function renderMonteCarloCsv(r: MonteCarloResult): string {
  const out: string[][] = [];
  r.years.forEach((year, t) => {
    for (const m of r.metrics) {
      const s = m.years[t];
      if (s === null || s === undefined) continue;
      for (const k of STATS) out.push([r.scenario, year, m.name, k.key, statText(s[k.key], m.kind, r.units)]);
    }
    out.push([r.scenario, year, 'icb_surplus', 'deficit_probability', decString(new Dec(r.deficit[t]!))]);
    for (const p of r.providerDeficit) out.push([r.scenario, year, `provider_surplus.${p.provider}`, 'deficit_probability', decString(new Dec(p.years[t]!))]);
  });
  for (const c of r.checks) out.push([r.scenario, '', `check:${c.name}`, 'failure_probability', decString(new Dec(c.failed))]);
  return stringify(out, { header: true, columns: [...MC_CSV_COLUMNS] });
}
