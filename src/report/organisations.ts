/**
 * The system as organisations, as the report draws it (MODEL.md "Providers"): each year's system
 * surplus split into the ICB's surplus, each provider's, and the gap that falls on providers
 * outside the scenario; the provider worst placed at the end of the plan; and each provider's
 * surplus across several scenarios. Read from the run's metrics, so the figures are the ones `run`
 * prints, to the penny. Scenarios without providers give nothing to draw.
 */
import type { Dec } from '../model/decimal.js';
import type { RunResult } from '../model/run.js';
import type { Units } from '../model/units.js';

export interface OrgSegment {
  /** `icb`, a provider's name, or `unheld`. */
  key: string;
  kind: 'icb' | 'provider' | 'unheld';
  label: string;
  /** One per year: what this part adds to the system surplus (the unheld gap counts against it). */
  values: Dec[];
}

export interface SystemStack {
  units: Units;
  years: string[];
  /** The ICB, each provider in the scenario's order, then the unheld gap where any year has one. */
  segments: OrgSegment[];
  /** `system_surplus` by year: the sum of the segments, exactly. */
  system: Dec[];
  /** Whether the unheld gap is left out because it is zero in every year. */
  unheldZero: boolean;
}

export interface NamedProvider {
  name: string;
  label: string;
}

function providersOf(r: RunResult): NamedProvider[] {
  return r.projection.plan.providers.map((p) => ({ name: p.name, label: p.label }));
}

function metric(r: RunResult, name: string): Dec[] {
  return r.years.map((y) => {
    const d = y.metrics[name];
    if (d === undefined) throw new Error(`internal: ${r.scenario} ${y.year} has no ${name}`);
    return d;
  });
}

/** Undefined for a scenario without providers: its system is the ICB less the provider gaps, drawn elsewhere. */
export function systemStack(r: RunResult): SystemStack | undefined {
  const providers = providersOf(r);
  if (providers.length === 0) return undefined;
  const unheld = metric(r, 'unheld_gap').map((d) => d.negated());
  const unheldZero = unheld.every((d) => d.isZero());
  const segments: OrgSegment[] = [
    { key: 'icb', kind: 'icb', label: 'ICB', values: metric(r, 'icb_surplus') },
    ...providers.map((p): OrgSegment => ({ key: p.name, kind: 'provider', label: p.label, values: metric(r, `provider_surplus.${p.name}`) })),
    ...(unheldZero ? [] : [{ key: 'unheld', kind: 'unheld' as const, label: 'Gap held by providers outside the scenario', values: unheld }]),
  ];
  return { units: r.units, years: r.years.map((y) => y.year), segments, system: metric(r, 'system_surplus'), unheldZero };
}

export interface WorstProvider {
  /** The plan's final year: the card compares the providers' surpluses in it. */
  year: string;
  surplus: Dec;
  /** Every provider with that lowest surplus, in the scenario's order (more than one: a tie). */
  providers: NamedProvider[];
}

/** The provider with the lowest surplus in the final year; undefined without providers. */
export function worstProvider(r: RunResult): WorstProvider | undefined {
  const last = r.years.at(-1);
  const providers = providersOf(r);
  if (!last || providers.length === 0) return undefined;
  const surplus = (p: NamedProvider): Dec => last.metrics[`provider_surplus.${p.name}`]!;
  const lowest = providers.map(surplus).reduce((a, b) => (b.lessThan(a) ? b : a));
  return { year: last.year, surplus: lowest, providers: providers.filter((p) => surplus(p).equals(lowest)) };
}

export interface ProviderAcross {
  name: string;
  /** As the first scenario naming the provider labels it. */
  label: string;
  /** Only the scenarios that have the provider; `index` is the scenario's place in the report (its colour). */
  scenarios: { scenario: string; index: number; values: (Dec | undefined)[] }[];
  /** Every one of two or more scenarios has the provider, with the same surplus to the penny every year. */
  same: boolean;
}

/**
 * Each provider any scenario names (matched by name, in the order the scenarios first name them),
 * with its surplus by year in every scenario that has it, over the union of the scenarios' years.
 */
export function providersAcross(results: readonly RunResult[], years: readonly string[]): ProviderAcross[] {
  const names = [...new Set(results.flatMap((r) => providersOf(r).map((p) => p.name)))];
  return names.map((name) => {
    const having = results.map((r, index) => ({ r, index })).filter(({ r }) => providersOf(r).some((p) => p.name === name));
    const label = providersOf(having[0]!.r).find((p) => p.name === name)!.label;
    const scenarios = having.map(({ r, index }) => {
      const byYear = new Map(r.years.map((y) => [y.year, y.metrics[`provider_surplus.${name}`]] as const));
      return { scenario: r.scenario, index, values: years.map((y) => byYear.get(y)) };
    });
    const key = (values: readonly (Dec | undefined)[]): string => values.map((d) => d?.toFixed() ?? '').join('|');
    const same = results.length > 1 && having.length === results.length && scenarios.every((s) => key(s.values) === key(scenarios[0]!.values));
    return { name, label, scenarios, same };
  });
}
