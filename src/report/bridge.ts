/**
 * What `bridge` shows, as data: the bridge with every label a reader needs, and the exact JSON
 * objects a script checks (`start` plus every `amount` is `end`). Rendering is in src/render.
 */
import {
  type Bridge,
  type BridgeMetric,
  type BridgeStep,
  type BridgeYears,
  bridgeYears,
  type Driver,
  DRIVERS,
  driverKey,
  driverLabel,
  spanBridge,
  yearBridges,
} from '../model/bridge.js';
import type { InputBridge } from '../model/bridge-inputs.js';
import { Dec, decString } from '../model/decimal.js';
import { HEADLINE_METRICS } from '../model/metrics.js';
import type { RunResult } from '../model/run.js';
import type { Units } from '../model/units.js';
import { inputText, type InputChange } from '../model/input-diff.js';

export interface LabelledStep {
  /** As JSON names it: `inflation`, `non_recurrent.<stream>`. */
  driver: string;
  line: string | null;
  /** `acute: inflation`, `Allocation growth`. */
  label: string;
}

export interface BridgeReport {
  scenario: string;
  units: Units;
  metric: BridgeMetric;
  metricLabel: string;
  /** The span, year by year. */
  years: BridgeYears;
  /** The rows' labels, in the rows' order. */
  labels: LabelledStep[];
  /** One column per year-on-year step (`--each-year`), or the span in one. */
  eachYear: boolean;
}

export function metricLabel(metric: BridgeMetric): string {
  return HEADLINE_METRICS.find((m) => m.name === metric)?.label ?? metric;
}

export function bridgeReport(result: RunResult, years: BridgeYears, eachYear: boolean): BridgeReport {
  const labels = {
    line: (name: string): string => result.lines.find((l) => l.name === name)?.label ?? name,
    provider: (name: string): string => result.projection.plan.providers.find((p) => p.name === name)?.label ?? name,
  };
  return {
    scenario: result.scenario,
    units: result.units,
    metric: years.metric,
    metricLabel: metricLabel(years.metric),
    years,
    labels: years.rows.map((r) => ({ driver: driverKey(r), line: r.line, label: driverLabel(r, labels) })),
    eachYear,
  };
}

/** A step's label as the report's rows give it. */
export function stepLabel(r: BridgeReport, s: BridgeStep): string {
  const key = driverKey(s);
  return r.labels.find((l) => l.driver === key && l.line === s.line)?.label ?? key;
}

/** The bridges a report shows: one per year-on-year step with --each-year, else the span. */
export function reportBridges(r: BridgeReport): Bridge[] {
  return r.eachYear ? yearBridges(r.years) : [spanBridge(r.years)];
}

export interface BridgeJson {
  scenario: string;
  units: Units;
  metric: BridgeMetric;
  from: string;
  to: string;
  start: string;
  end: string;
  steps: { driver: string; line: string | null; amount: string }[];
}

export function bridgeJson(scenario: string, units: Units, b: Bridge): BridgeJson {
  return {
    scenario,
    units,
    metric: b.metric,
    from: b.from,
    to: b.to,
    start: decString(b.start),
    end: decString(b.end),
    steps: b.steps.map((s) => ({ driver: driverKey(s), line: s.line, amount: decString(s.amount) })),
  };
}

export interface Side {
  file: string;
  scenario: string;
}

export interface InputBridgeReport {
  old: Side;
  new: Side;
  metricLabel: string;
  bridge: InputBridge;
}

export function inputBridgeReport(old: Side, now: Side, bridge: InputBridge): InputBridgeReport {
  return { old, new: now, metricLabel: metricLabel(bridge.metric), bridge };
}

const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** One change as a reader says it: `allocation.growth: 3% → 3.5%`; a policy added or removed by its name. */
export function changeText(c: InputChange): string {
  const named = (v: unknown): string | undefined => (isMap(v) && typeof v.name === 'string' ? v.name : undefined);
  if (c.old === undefined && named(c.new)) return `${c.path} added: ${named(c.new)}`;
  if (c.new === undefined && named(c.old)) return `${c.path} removed: ${named(c.old)}`;
  return `${c.path}: ${inputText(c.old)} → ${inputText(c.new)}`;
}

export interface InputBridgeJson {
  old: Side;
  new: Side;
  units: Units;
  metric: BridgeMetric;
  year: string;
  start: string;
  end: string;
  steps: { changes: InputChange[]; amount: string }[];
  no_effect: InputChange[];
}

export function inputBridgeJson(r: InputBridgeReport): InputBridgeJson {
  const b = r.bridge;
  const plain = (c: InputChange): InputChange => ({ path: c.path, old: c.old ?? null, new: c.new ?? null });
  return {
    old: r.old,
    new: r.new,
    units: b.units,
    metric: b.metric,
    year: b.year,
    start: decString(b.start),
    end: decString(b.end),
    steps: b.steps.map((s) => ({ changes: s.changes.map(plain), amount: decString(s.amount) })),
    no_effect: b.noEffect.map(plain),
  };
}

export interface WaterfallBar {
  label: string;
  /** A total stands on zero; a step floats from the running figure before it. */
  kind: 'start' | 'step' | 'end';
  amount: Dec;
}

/** A base-to-final-year bridge as the report draws it: one bar per driver, every line's steps summed. */
export interface Waterfall {
  metric: BridgeMetric;
  metricLabel: string;
  units: Units;
  from: string;
  to: string;
  bars: WaterfallBar[];
  /** Every step, line by line, for the table under the chart. */
  detail: { label: string; amount: Dec }[];
}

const GROUP_LABELS: Partial<Record<Driver, string>> = {
  other_income: "Providers' other income",
  other_costs: "Providers' other costs",
};

/** Steps summed by driver, in the drivers' order; a driver whose steps cancel out is left out. */
export function waterfall(result: RunResult, metric: BridgeMetric): Waterfall {
  const p = result.projection;
  const report = bridgeReport(result, bridgeYears(p, metric, 0, p.plan.n), false);
  const b = spanBridge(report.years);
  const sums = new Map<Driver, Dec>();
  for (const s of b.steps) sums.set(s.driver, (sums.get(s.driver) ?? new Dec(0)).plus(s.amount));
  const order = Object.keys(DRIVERS) as Driver[];
  const steps = order
    .filter((d) => sums.has(d) && !sums.get(d)!.isZero())
    .map((d): WaterfallBar => ({ label: GROUP_LABELS[d] ?? DRIVERS[d].label, kind: 'step', amount: sums.get(d)! }));
  return {
    metric,
    metricLabel: report.metricLabel,
    units: result.units,
    from: b.from,
    to: b.to,
    bars: [{ label: b.from, kind: 'start', amount: b.start }, ...steps, { label: b.to, kind: 'end', amount: b.end }],
    detail: b.steps.map((s) => ({ label: stepLabel(report, s), amount: s.amount })),
  };
}
