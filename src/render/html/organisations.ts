/**
 * The report's view of the system as organisations (MODEL.md "Providers"): each year's system
 * surplus stacked by organisation, each provider's surplus across scenarios, and the card naming
 * the provider worst placed at the end of the plan. Nothing here for a scenario without providers.
 */
import type { Dec } from '../../model/decimal.js';
import type { RunResult } from '../../model/run.js';
import type { Units } from '../../model/units.js';
import { providersAcross, systemStack, worstProvider, type OrgSegment } from '../../report/organisations.js';
import { DISPLAY_PLACES, formatMoney } from '../format.js';
import type { Series } from '../svg/chart.js';
import { describeSeries } from './describe.js';
import type { Figure } from './figure.js';
import { identicalText, moneyTick } from './charts.js';
import { GAP, ICB, PROVIDER_COLORS, providerColor, SCENARIO_COLORS, scenarioColor, SYSTEM } from './palette.js';

const moneyText = (d: Dec | undefined, units: Units): string => (d === undefined ? '–' : formatMoney(d, DISPLAY_PLACES[units]));

function segmentColor(s: OrgSegment, providerIndex: number): string {
  return s.kind === 'icb' ? ICB : s.kind === 'unheld' ? GAP : providerColor(providerIndex);
}

function moneySeries(name: string, values: readonly (Dec | undefined)[], units: Units, color: string): Series {
  return { name, values: values.map((d) => (d === undefined ? null : d.toNumber())), texts: values.map((d) => moneyText(d, units)), color };
}

/** The system surplus stacked by organisation, year by year; undefined without providers. */
export function systemStackFigure(r: RunResult, id: string): Figure | undefined {
  const stack = systemStack(r);
  if (!stack) return undefined;
  let provider = 0;
  const series = stack.segments.map((s) => moneySeries(s.label, s.values, stack.units, segmentColor(s, s.kind === 'provider' ? provider++ : 0)));
  const total = moneySeries('System surplus/(deficit)', stack.system, stack.units, SYSTEM);
  const repeat = provider > PROVIDER_COLORS.length ? ` With more than ${PROVIDER_COLORS.length} providers colours repeat: the data table names every figure.` : '';
  const unheld = stack.unheldZero
    ? ' No part of the gap falls on providers outside the scenario.'
    : ' The gap held by providers outside the scenario counts against the system, below zero.';
  return {
    spec: {
      id,
      title: 'System surplus or deficit by organisation',
      desc:
        `Diverging stacked bar chart in ${stack.units}, one bar per year: each organisation's surplus stacks up from zero, each deficit down from it.${unheld} ` +
        `A line marks the system surplus, the sum of the segments. ${describeSeries([...series, total], stack.years)}`,
      kind: 'stacked',
      categories: stack.years,
      series,
      total,
      xLabel: 'Financial year',
      yLabel: `Surplus/(deficit), ${stack.units}`,
      tick: moneyTick,
    },
    seriesHeading: 'Organisation',
    caption:
      'Who holds the system position: the ICB and each provider, surpluses above the zero line and deficits below. ' +
      `The line is the system surplus; it equals the segments added together, to the penny.${unheld}${repeat}`,
  };
}

export function providerTitle(label: string): string {
  return `${label}: surplus/(deficit)`;
}

/**
 * One chart per provider, one series per scenario that has it: each trust under each plan. As
 * with the headline metrics, a provider whose figures are the same in every scenario is not drawn
 * (`same` names it for the note).
 */
export function providerComparisonFigures(results: readonly RunResult[], years: readonly string[], idPrefix: string): { figures: Figure[]; same: string[] } {
  const units = results[0]?.units ?? '£m';
  const across = providersAcross(results, years);
  const figures = across.filter((p) => !p.same).map((p): Figure => {
    const series = p.scenarios.map((s) => moneySeries(s.scenario, s.values, units, scenarioColor(s.index)));
    const missing = results.filter((_, i) => !p.scenarios.some((s) => s.index === i)).map((r) => r.scenario);
    const missingText = missing.length > 0 ? ` Not in ${missing.join(', ')}.` : '';
    const alike = identicalText(series, true) !== '';
    const sameText = alike ? (missing.length > 0 ? ' Every scenario that has it has the same figures.' : identicalText(series, true)) : '';
    const repeatText = results.length > SCENARIO_COLORS.length ? ` With more than ${SCENARIO_COLORS.length} scenarios colours repeat: the data table names every figure.` : '';
    return {
      spec: {
        id: `${idPrefix}-provider-${p.name}`,
        title: providerTitle(p.label),
        desc: `Grouped bar chart in ${units}, one bar per scenario; bars below zero are deficits.${missingText}${sameText} ${describeSeries(series, years)}`,
        kind: 'bars',
        categories: [...years],
        series,
        xLabel: 'Financial year',
        yLabel: `Surplus/(deficit), ${units}`,
        tick: moneyTick,
      },
      seriesHeading: 'Scenario',
      caption: `The surplus or deficit of ${p.label} in each scenario, side by side.${missingText}${sameText}${repeatText}`,
    };
  });
  return { figures, same: across.filter((p) => p.same).map((p) => providerTitle(p.label)) };
}

/** The key-figure card's label and figure for the provider worst placed in the final year; undefined without providers. */
export function worstProviderCard(r: RunResult): { label: string; value: Dec; who: string } | undefined {
  const w = worstProvider(r);
  if (!w) return undefined;
  const names = w.providers.map((p) => p.label);
  const who = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}, tied`;
  return { label: `Worst-placed provider: lowest surplus/(deficit) in ${w.year}`, value: w.surplus, who };
}
