/**
 * The rows a person reads (table, Markdown): headline metrics; in a scenario with providers the
 * System block (the ICB, each provider, the gap no provider of the scenario holds, the system),
 * and with --lines each provider's income and costs; then optionally each line's
 * spend/need/gap/growth under its own sub-header. Machine formats (JSON, CSV) do not use this:
 * they carry every metric exactly.
 */
import type { Dec } from '../model/decimal.js';
import { headlineMetricDefs, lineMetricDefs, metricDefs, providerMetricDefs, type MetricDef, type MetricKind } from '../model/metrics.js';
import type { RunResult } from '../model/run.js';
import type { Units } from '../model/units.js';
import { formatMetric } from './format.js';

/** Shown where a year has no figure (growth in the base year, a share of zero spend). */
export const NO_VALUE = '–';

export interface ViewRow {
  metric: string;
  label: string;
  kind: MetricKind;
  /** One per year, base year first; undefined where the year has no figure. */
  values: (Dec | undefined)[];
}

export interface ViewSection {
  /** A line's sub-header; the headline section has none. */
  heading?: string;
  rows: ViewRow[];
}

export interface RunView {
  scenario: string;
  units: Units;
  title: string;
  years: string[];
  sections: ViewSection[];
}

export function runView(result: RunResult, opts: { lines?: boolean } = {}): RunView {
  const row = (def: MetricDef, label = def.label): ViewRow => ({
    metric: def.name,
    label,
    kind: def.kind,
    values: result.years.map((y, t) => (t < def.fromYear ? undefined : y.metrics[def.name])),
  });
  const headline = headlineMetricDefs(result.spec);
  const providers = Object.entries(result.spec.providers ?? {});
  // With providers, the organisations' rows move to their own System block below.
  const inSystem = new Set(providers.length === 0 ? [] : ['system_surplus', 'providers_surplus', 'unheld_gap']);
  const sections: ViewSection[] = [{ rows: headline.filter((d) => d.group === undefined && !inSystem.has(d.name)).map((d) => row(d)) }];
  // Fair shares and one-off money each under their own sub-header, after the headline rows.
  for (const group of [...new Set(headline.flatMap((d) => (d.group === undefined ? [] : [d.group])))]) {
    sections.push({ heading: group, rows: headline.filter((d) => d.group === group).map((d) => row(d)) });
  }
  if (providers.length > 0) {
    // The organisations: the ICB, each provider, and what no provider of the scenario holds add up to the system.
    const defs = metricDefs(result.spec);
    const def = (name: string) => defs.find((d) => d.name === name)!;
    sections.push({
      heading: 'System',
      rows: [
        row(def('icb_surplus'), 'ICB surplus/(deficit)'),
        ...providers.map(([name]) => row(def(`provider_surplus.${name}`), `${name} surplus/(deficit)`)),
        row(def('unheld_gap'), 'Less: unheld gap'),
        row(def('system_surplus'), 'System surplus'),
      ],
    });
    if (opts.lines) {
      for (const [name, p] of providers) {
        sections.push({
          heading: p.label === undefined || p.label === name ? name : `${p.label} (${name})`,
          rows: providerMetricDefs(result.spec, name).map((d) => row(d, capitalise(d.what ?? d.label))),
        });
      }
    }
  }
  if (opts.lines) {
    for (const line of result.lines) {
      const defs = lineMetricDefs(result.spec, line.name);
      sections.push({
        heading: line.label === line.name ? line.name : `${line.label} (${line.name})`,
        // The sub-header names the line, so each row keeps only the metric's part of its label.
        rows: defs.map((d) => row(d, capitalise(d.what ?? d.label))),
      });
    }
  }
  return {
    scenario: result.scenario,
    units: result.units,
    title: `${result.scenario} (money in ${result.units})`,
    years: result.years.map((y) => y.year),
    sections,
  };
}

/** The text of one cell as a finance director reads it. */
export function cellText(value: Dec | undefined, kind: MetricKind, units: Units): string {
  return value === undefined ? NO_VALUE : formatMetric(value, kind, units);
}

/**
 * A money figure below zero (a deficit or a line funded below need), told from the text cellText
 * gave it, so that a cell is formatted once; a year with no figure shows NO_VALUE, never a minus.
 */
export function isNegativeMoney(text: string, kind: MetricKind): boolean {
  return kind === 'money' && text.startsWith('-');
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
