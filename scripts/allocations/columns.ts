/**
 * Every column the extraction writes, with the document, sheet and heading it is read from. This
 * list is the single statement of what `npm run data` takes from the workbooks; the columns file
 * (`icb-allocations-columns.csv`) is written from it so a reader can trace every figure.
 */
import type { SheetLayout } from './workbook.js';

export const DOCUMENTS = {
  current: {
    file: 'icb-allocations-2025-26.xlsx',
    title: 'NHS England, ICB allocations 2025/26 (v1.4)',
    url: 'https://www.england.nhs.uk/allocations/previous/allocations-for-2025-26',
  },
  older: {
    file: 'icb-allocations-2023-24-to-2024-25.xlsx',
    title: 'NHS England, Allocation of resources 2023/24 to 2024/25 (v1.2)',
    url: 'https://www.england.nhs.uk/publication/allocation-of-resources-2023-24-to-2024-25/',
  },
  population: {
    file: 'ons-population-mid-2022-sub-icb.csv',
    title: 'ONS, Clinical commissioning group / sub-ICB population estimates, mid-2022',
    url: 'https://www.ons.gov.uk/peoplepopulationandcommunity/populationandmigration/populationestimates',
  },
} as const;
export type DocumentKey = keyof typeof DOCUMENTS;

export type Unit = '£k' | 'rate' | '£ a head';

export interface SheetSpec {
  document: Exclude<DocumentKey, 'population'>;
  sheet: string;
  layout: SheetLayout;
  /**
   * Rows that the England total counts besides the 42 ICBs, by their `Region` cell: the POD and
   * other primary care sheets also allocate to NHS England's own regional teams.
   */
  englandAlsoCounts?: string;
}

const LABELLED = { codeHeading: 'ICB23', england: { label: true } } as const;

export const SHEETS = {
  core: { document: 'current', sheet: 'ICB Core Allocations 2025-26', layout: LABELLED },
  specialised: { document: 'current', sheet: 'Specialised Allocations 2025-26', layout: LABELLED },
  pmc: { document: 'current', sheet: 'PMC Allocation 2025-26', layout: LABELLED },
  pod: { document: 'current', sheet: 'POD Allocation 2025-26', layout: LABELLED, englandAlsoCounts: 'NHS England' },
  rca: { document: 'current', sheet: 'ICB running cost allowance', layout: LABELLED },
  core2324: { document: 'older', sheet: 'ICB Core Allocations 2023-24', layout: LABELLED },
  core2425: { document: 'older', sheet: 'ICB Core Allocations 2024-25', layout: LABELLED },
  pmc2324: { document: 'older', sheet: 'PMC Allocations 2023-24', layout: LABELLED },
  pmc2425: { document: 'older', sheet: 'PMC Allocations 2024-25', layout: LABELLED },
  opc: { document: 'older', sheet: 'Other Primary Care', layout: LABELLED, englandAlsoCounts: 'NHS England' },
  rcaOld: { document: 'older', sheet: 'ICB running cost allowance', layout: { codeHeading: 'ICB23', england: { lastRowHeading: '2023/24 £k' } } },
} as const satisfies Record<string, SheetSpec>;
export type SheetKey = keyof typeof SHEETS;

export interface ColumnSpec {
  name: string;
  sheet: SheetKey;
  heading: string;
  unit: Unit;
}

const c = (name: string, sheet: SheetKey, heading: string, unit: Unit): ColumnSpec => ({ name, sheet, heading, unit });

/** The 2025/26 streams, as published (`icb-allocations-2025-26.csv`). */
export const COLUMNS_2025_26: readonly ColumnSpec[] = [
  c('core_baseline_2024_25', 'core', '2024/25 Adjusted recurrent baseline (£k)', '£k'),
  c('core_target_2024_25', 'core', '2024/25 Fair shares target (£k)', '£k'),
  c('core_distance_before_convergence', 'core', '2024/25 Distance from target (%)', 'rate'),
  c('core_base_growth', 'core', '2025/26 Base growth (%)', 'rate'),
  c('core_convergence', 'core', '2025/26 Convergence (%)', 'rate'),
  c('core_recurrent', 'core', '2025/26 Recurrent allocation (£k)', '£k'),
  c('core_recurrent_per_head', 'core', '2025/26 Recurrent allocation £/head', '£ a head'),
  c('core_distance_from_target', 'core', '2025/26 Post-convergence distance from target (%)', 'rate'),
  c('core_total', 'core', '2025/26 Total allocation (£k)', '£k'),
  c('specialised_physical_hcdd', 'specialised', '2025/26 Physical health services + HCDD recurrent allocation (£k)', '£k'),
  c('specialised_distance_from_target', 'specialised', '2025/26 Post-convergence distance from target (%)', 'rate'),
  c('specialised_mental_health', 'specialised', '2025/26 Delegated MH resource allocation (£k)', '£k'),
  c('primary_medical_care_base_growth', 'pmc', '2025/26 Base growth (%)', 'rate'),
  c('primary_medical_care_distance_from_target', 'pmc', '2025/26 Post-convergence distance from target (%)', 'rate'),
  c('primary_medical_care', 'pmc', 'Revised recurrent allocation (£k)', '£k'),
  c('pod_base_growth', 'pod', '2025/26 Base growth (%)', 'rate'),
  c('pod_total', 'pod', '2025/26 Total allocation (£k)', '£k'),
  c('running_cost_allowance', 'rca', '2025/26 (£k)', '£k'),
];

/** The 2023/24 and 2024/25 history from the older workbook (`icb-allocations-2023-24-to-2024-25.csv`). */
export const COLUMNS_HISTORY: readonly ColumnSpec[] = [
  c('core_recurrent_2023_24', 'core2324', '2023/24 Recurrent allocation (£k)', '£k'),
  c('core_distance_from_target_2023_24', 'core2324', '2023/24 Post-convergence distance from target (%)', 'rate'),
  c('core_total_2023_24', 'core2324', '2023/24 Total allocation (£k)', '£k'),
  c('core_recurrent_2024_25', 'core2425', '2024/25 Recurrent allocation (£k)', '£k'),
  c('core_distance_from_target_2024_25', 'core2425', '2024/25 Post-convergence distance from target (%)', 'rate'),
  c('core_total_2024_25', 'core2425', '2024/25 Total allocation (£k)', '£k'),
  c('primary_medical_care_2023_24', 'pmc2324', '2023/24 Recurrent allocation (£k)', '£k'),
  c('primary_medical_care_2024_25', 'pmc2425', '2024/25 Recurrent allocation (£k)', '£k'),
  c('pod_2023_24', 'opc', '2023/24 Recurrent allocation £k', '£k'),
  c('pod_2024_25', 'opc', '2024/25 Recurrent allocation £k', '£k'),
  c('running_cost_allowance_2023_24', 'rcaOld', '2023/24 £k', '£k'),
  c('running_cost_allowance_2024_25', 'rcaOld', '2024/25 £k', '£k'),
  c('running_cost_allowance_2025_26_v1_2', 'rcaOld', '2025/26 £k', '£k'),
];

// Each ICB's figures are kept by column name, so a name used twice would lose one of them.
const NAMES = [...COLUMNS_2025_26, ...COLUMNS_HISTORY].map((col) => col.name);
const TWICE = NAMES.find((n, i) => NAMES.indexOf(n) !== i);
if (TWICE !== undefined) throw new Error(`column ${TWICE} is declared twice`);

/** The columns every file starts with: who the ICB is. */
export const IDENTITY = ['ods_code', 'ons_code', 'name', 'region'] as const;
