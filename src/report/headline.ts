/**
 * The side-by-side view's opening table: where each scenario ends up in its final year and in
 * total over its projection years, for the ICB, the system and each provider, and its care-shift
 * share against its target. Read from the exact projection (MODEL.md step 6 and "Providers").
 */
import { convertMoney } from '../model/convert-units.js';
import { Dec } from '../model/decimal.js';
import type { RunResult } from '../model/run.js';
import type { Units } from '../model/units.js';

export type HeadlineCell = { kind: 'money' | 'share'; value: Dec } | { kind: 'text'; text: string } | { kind: 'none' };

export interface HeadlineRow {
  label: string;
  /** One per scenario, in the order given. */
  cells: HeadlineCell[];
}

export interface Headline {
  scenarios: string[];
  units: Units;
  rows: HeadlineRow[];
}

const NONE: HeadlineCell = { kind: 'none' };

/** Σ_{1≤t≤N}: the cumulative position, as `cumulative_surplus` counts it (the base year is given, not planned). */
function cumulative(xs: readonly Dec[]): Dec {
  return xs.slice(1).reduce((a, b) => a.plus(b), new Dec(0));
}

/** Money in the first scenario's units (exactly: £m to £k is a factor of 1,000). */
export function headline(results: readonly RunResult[]): Headline {
  const units: Units = results[0]?.units ?? '£m';
  const inUnits = new Map(results.map((r) => [r, (d: Dec): Dec => convertMoney(d, r.units, units)]));
  const last = (xs: readonly Dec[]): Dec => xs.at(-1)!;
  const money = (r: RunResult, d: Dec): HeadlineCell => ({ kind: 'money', value: inUnits.get(r)!(d) });
  const rows: HeadlineRow[] = [
    { label: 'Final year', cells: results.map((r) => ({ kind: 'text', text: r.years.at(-1)!.year })) },
    { label: 'ICB surplus/(deficit), final year', cells: results.map((r) => money(r, last(r.projection.surplus))) },
    { label: 'ICB surplus/(deficit), cumulative to the final year', cells: results.map((r) => money(r, cumulative(r.projection.surplus))) },
    { label: 'System surplus/(deficit), final year', cells: results.map((r) => money(r, last(r.projection.systemSurplus))) },
    { label: 'System surplus/(deficit), cumulative to the final year', cells: results.map((r) => money(r, cumulative(r.projection.systemSurplus))) },
  ];
  // Providers by name, in the order the scenarios first name them; a scenario without one shows none.
  const names = [...new Set(results.flatMap((r) => r.projection.plan.providers.map((p) => p.name)))];
  for (const name of names) {
    const find = (r: RunResult): number => r.projection.plan.providers.findIndex((p) => p.name === name);
    const label = results.map((r) => r.projection.plan.providers[find(r)]?.label).find((l) => l !== undefined) ?? name;
    const surplus = (r: RunResult): readonly Dec[] | undefined => r.projection.providers.providers[find(r)]?.surplus;
    rows.push(
      { label: `${label}: surplus/(deficit), final year`, cells: results.map((r) => (surplus(r) ? money(r, last(surplus(r)!)) : NONE)) },
      { label: `${label}: surplus/(deficit), cumulative to the final year`, cells: results.map((r) => (surplus(r) ? money(r, cumulative(surplus(r)!)) : NONE)) },
    );
  }
  const share = (r: RunResult): Dec | undefined => r.years.at(-1)!.metrics.care_shift_share;
  const target = (r: RunResult): Dec | undefined => r.spec.care_shift?.target;
  rows.push(
    { label: 'Care closer to home, final year', cells: results.map((r) => (share(r) ? { kind: 'share', value: share(r)! } : NONE)) },
    { label: 'Care-shift target', cells: results.map((r) => (target(r) ? { kind: 'share', value: target(r)! } : { kind: 'text', text: 'none set' })) },
    {
      label: 'Against the target',
      cells: results.map((r): HeadlineCell => {
        const s = share(r);
        const t = target(r);
        if (s === undefined || t === undefined) return NONE;
        const gap = t.minus(s).times(100).toDecimalPlaces(2, Dec.ROUND_HALF_EVEN);
        return { kind: 'text', text: gap.lte(0) ? 'met' : `short by ${gap.toFixed(2)} pp` };
      }),
    },
  );
  return { scenarios: results.map((r) => r.scenario), units, rows };
}
