/**
 * The workbook's organisations sheet, one per scenario with providers (MODEL.md "Providers"): the
 * ICB's and each provider's income, costs and surplus by year, then the providers' surplus, the
 * gap no provider of the scenario holds and the system surplus. Every surplus and total is a
 * formula over the cells above it, stored with the engine's exact figure as its cached value, so
 * the sheet shows icbsim's figures on opening and a reader who recalculates (or clicks a cell)
 * sees how they reconcile: system = ICB + providers − unheld gap.
 */
import type { RunResult } from '../model/run.js';
import type { CellValue, Row } from './xlsx.js';

/**
 * Organisation, Figure, Units: the columns before the years, frozen on screen. The metric's key and
 * the scenario's full name (the tab holds 31 characters) come after the years, so the frozen
 * columns stay narrow enough to leave the years on a laptop's screen.
 */
export const ORG_LEAD = 3;
export const ORG_HEADERS = { lead: ['Organisation', 'Figure', 'Units'], trail: ['Key', 'Scenario'] } as const;

/** Excel's name for a column: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** The organisations sheet's rows for one run (none without providers), its year columns the run's own years. */
export function organisationRows(r: RunResult, money: string, num: (name: string, t: number) => number | null): Row[] {
  const providers = Object.entries(r.spec.providers ?? {});
  if (providers.length === 0) return [];
  const rows: Row[] = [];
  // Row k of `rows` is sheet row k + 2 (the header is row 1); year t is column ORG_LEAD + t + 1.
  const cell = (row: number, t: number) => `${columnLetter(ORG_LEAD + t + 1)}${row + 2}`;
  const add = (org: string, figure: string, key: string, values: (t: number) => CellValue): number => {
    rows.push({ values: [org, figure, r.units, ...r.years.map((_, t) => values(t)), key, r.scenario], numFmt: money });
    return rows.length - 1;
  };
  const figures = (key: string) => (t: number) => num(key, t);
  const formula = (key: string, expr: (t: number) => string) => (t: number) => ({ formula: expr(t), result: num(key, t) });
  const organisation = (org: string, income: string, costs: string, surplus: string): number => {
    const i = add(org, 'Income', income, figures(income));
    const c = add(org, 'Costs', costs, figures(costs));
    return add(org, 'Surplus/(deficit)', surplus, formula(surplus, (t) => `${cell(i, t)}-${cell(c, t)}`));
  };
  const icb = organisation('ICB', 'income', 'spend', 'icb_surplus');
  const surpluses = providers.map(([name, p]) =>
    organisation(p.label ?? name, `provider_income.${name}`, `provider_costs.${name}`, `provider_surplus.${name}`),
  );
  const all = add('System', "Providers' surplus", 'providers_surplus', formula('providers_surplus', (t) => surpluses.map((k) => cell(k, t)).join('+')));
  const unheld = add('System', 'Less: gap held outside the scenario', 'unheld_gap', figures('unheld_gap'));
  add('System', 'System surplus', 'system_surplus', formula('system_surplus', (t) => `${cell(icb, t)}+${cell(all, t)}-${cell(unheld, t)}`));
  return rows;
}

/** Excel refuses these in a sheet's name, and names longer than 31 characters. */
const NOT_IN_SHEET_NAME = /[\\/?*[\]:]/g;
const SHEET_NAME_MAX = 31;

/** The words every name starts with (`Example ICB - ` of `Example ICB - base` and `Example ICB - left shift`). */
function sharedWords(names: readonly string[]): string {
  let prefix = names[0] ?? '';
  for (const n of names) while (!n.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, prefix.lastIndexOf(' ') + 1);
}

/**
 * A tab for each scenario's organisations sheet: `Organisations` for a workbook's only one, else
 * `Orgs <scenario>` without the words every scenario's name starts with (the tab has room for 31
 * characters: `Orgs base`, not `Orgs Example ICB - base`), cut to 31 and made unique (Excel
 * compares names without case) against the other tabs with ` (2)`, ` (3)`.
 */
export function organisationSheetNames(scenarios: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const shared = scenarios.length > 1 ? sharedWords(scenarios).length : 0;
  return scenarios.map((scenario) => {
    const tab = scenarios.length === 1 ? 'Organisations' : `Orgs ${scenario.slice(shared)}`;
    const base = tab.replace(NOT_IN_SHEET_NAME, ' ').replace(/\s+/g, ' ').trim().replace(/^'+|'+$/g, '');
    let name = base.slice(0, SHEET_NAME_MAX).trimEnd();
    for (let k = 2; used.has(name.toLowerCase()); k++) {
      const suffix = ` (${k})`;
      name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trimEnd()}${suffix}`;
    }
    used.add(name.toLowerCase());
    return name;
  });
}
