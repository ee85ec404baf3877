/**
 * The extraction behind `npm run data`: NHS England's two allocation workbooks and the ONS
 * population file in, the text of every file under scenarios/data/ out (and the presets made from
 * it). Nothing is written here; scripts/data.ts writes, the test compares.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { Dec } from '../../src/model/decimal.js';
import { normaliseIcbName, parseCsvRecords } from '../../src/model/presets.js';
import { COLUMNS_2025_26, COLUMNS_HISTORY, DOCUMENTS, IDENTITY, SHEETS, type ColumnSpec, type SheetKey } from './columns.js';
import { figure, readSheet, readWorkbook, type SheetRows } from './workbook.js';

export const FOOTPRINTS_FILE = 'icb-footprints-from-april-2026.csv';

export const ATTRIBUTION =
  'Contains public sector information licensed under the Open Government Licence v3.0 (NHS England ICB allocations; ONS population estimates).';

/** One ICB: who it is and its published figures, by output column. */
export interface IcbFigures {
  odsCode: string;
  onsCode: string;
  name: string;
  region: string;
  population: number;
  figures: Map<string, Dec | undefined>;
}

export interface Extraction {
  icbs: IcbFigures[];
  sheets: Map<SheetKey, SheetRows>;
  /** Persons in every sub-ICB location of the ONS file. */
  englandPopulation: number;
}

/** An ICB's population: the sum of its sub-ICB locations' mid-2022 totals, by E54 code. */
function readPopulation(file: string): { byIcb: Map<string, { name: string; population: number }>; england: number } {
  const [header, ...rows] = parseCsvRecords(readFileSync(file, 'utf8')).filter((r) => r.length > 1);
  const col = (h: string) => {
    const i = header!.indexOf(h);
    if (i < 0) throw new Error(`${file}: no column \`${h}\``);
    return i;
  };
  const [code, name, total] = [col('ICB 2023 Code'), col('ICB 2023 Name'), col('Total')];
  const byIcb = new Map<string, { name: string; population: number }>();
  let england = 0;
  for (const r of rows) {
    const persons = Number(r[total]);
    if (!Number.isInteger(persons)) throw new Error(`${file}: population \`${r[total]}\` is not a whole number`);
    const entry = byIcb.get(r[code]!) ?? { name: r[name]!, population: 0 };
    entry.population += persons;
    byIcb.set(r[code]!, entry);
    england += persons;
  }
  return { byIcb, england };
}

/** `NHS South Yorkshire Integrated Care Board` → `South Yorkshire`: the statutory name without its frame. */
const shortName = (ons: string) => ons.replace(/^NHS\s+/, '').replace(/\s+Integrated Care Board$/, '');

export async function extract(sharedDir: string): Promise<Extraction> {
  const books = {
    current: await readWorkbook(join(sharedDir, DOCUMENTS.current.file)),
    older: await readWorkbook(join(sharedDir, DOCUMENTS.older.file)),
  };
  const sheets = new Map<SheetKey, SheetRows>();
  for (const [key, spec] of Object.entries(SHEETS) as [SheetKey, (typeof SHEETS)[SheetKey]][]) {
    sheets.set(key, readSheet(books[spec.document], spec.sheet, spec.layout));
  }
  const core = sheets.get('core')!;
  const codes = [...core.icbs.keys()];
  for (const [key, rows] of sheets) {
    const theirs = [...rows.icbs.keys()].sort().join(' ');
    if (theirs !== [...codes].sort().join(' ')) throw new Error(`${SHEETS[key].sheet}: its ICBs differ from the core sheet's`);
  }
  if (codes.length !== 42) throw new Error(`${core.sheet}: ${codes.length} ICBs, expected 42`);

  const population = readPopulation(join(sharedDir, DOCUMENTS.population.file));
  const onsByName = new Map([...population.byIcb].map(([e54, v]) => [normaliseIcbName(v.name), { e54, ...v }]));
  const icbs = codes.map((odsCode): IcbFigures => {
    const row = core.icbs.get(odsCode)!;
    const published = String(row.get('Integrated Care Board (ICB)'));
    const ons = onsByName.get(normaliseIcbName(published));
    if (ons === undefined) throw new Error(`${core.sheet}: no ONS population for \`${published}\` (${odsCode})`);
    const figures = new Map<string, Dec | undefined>();
    for (const col of [...COLUMNS_2025_26, ...COLUMNS_HISTORY]) figures.set(col.name, read(sheets, col, odsCode));
    return { odsCode, onsCode: ons.e54, name: shortName(ons.name), region: String(row.get('Region')), population: ons.population, figures };
  });
  if (new Set(icbs.map((i) => i.onsCode)).size !== 42 || population.byIcb.size !== 42) {
    throw new Error('the ONS file and the allocation workbooks do not name the same 42 ICBs');
  }
  icbs.sort((a, b) => a.name.localeCompare(b.name, 'en'));
  return { icbs, sheets, englandPopulation: population.england };
}

function read(sheets: Map<SheetKey, SheetRows>, col: ColumnSpec, odsCode: string): Dec | undefined {
  const rows = sheets.get(col.sheet)!;
  if (!rows.headings.includes(col.heading)) throw new Error(`${rows.sheet}: no column \`${col.heading}\``);
  return figure(rows.icbs.get(odsCode)!.get(col.heading), `${rows.sheet} ${odsCode} ${col.heading}`);
}

const sourceOf = (columns: readonly ColumnSpec[]): string => {
  const byDoc = new Map<string, string[]>();
  for (const col of columns) {
    const spec = SHEETS[col.sheet];
    const sheets = byDoc.get(spec.document) ?? [];
    if (!sheets.includes(spec.sheet)) sheets.push(spec.sheet);
    byDoc.set(spec.document, sheets);
  }
  return [...byDoc].map(([doc, sheets]) => `${DOCUMENTS[doc as 'current' | 'older'].title}, sheets: ${sheets.join('; ')}`).join('. ');
};

const text = (d: Dec | undefined) => (d === undefined ? '' : d.toFixed());
const csv = (records: (string | number)[][]) => stringify(records, { record_delimiter: 'unix' });

/** The files under scenarios/data/, by name, exactly as `npm run data` writes them. */
export function dataFiles(x: Extraction, sharedDir: string): Map<string, string> {
  const files = new Map<string, string>();
  const population = `Population: the sum of the ICB's sub-ICB locations in ${DOCUMENTS.population.title}`;
  files.set(
    'icb-allocations-2025-26.csv',
    csv([
      [...IDENTITY, 'population', ...COLUMNS_2025_26.map((c) => c.name), 'source_status', 'source'],
      ...x.icbs.map((i) => [
        i.odsCode, i.onsCode, i.name, i.region, i.population,
        ...COLUMNS_2025_26.map((c) => text(i.figures.get(c.name))),
        'published', `${sourceOf(COLUMNS_2025_26)}. ${population}`,
      ]),
    ]),
  );
  files.set(
    'icb-allocations-2023-24-to-2024-25.csv',
    csv([
      ['ods_code', 'name', ...COLUMNS_HISTORY.map((c) => c.name), 'source_status', 'source'],
      ...x.icbs.map((i) => [i.odsCode, i.name, ...COLUMNS_HISTORY.map((c) => text(i.figures.get(c.name))), 'published', sourceOf(COLUMNS_HISTORY)]),
    ]),
  );
  const described: [string, ColumnSpec[]][] = [
    ['icb-allocations-2025-26.csv', [...COLUMNS_2025_26]],
    ['icb-allocations-2023-24-to-2024-25.csv', [...COLUMNS_HISTORY]],
  ];
  files.set(
    'icb-allocations-columns.csv',
    csv([
      ['file', 'column', 'unit', 'document', 'sheet', 'heading'],
      ...described.flatMap(([file, cols]) =>
        cols.map((c) => [file, c.name, c.unit, DOCUMENTS[SHEETS[c.sheet].document].title, SHEETS[c.sheet].sheet, c.heading]),
      ),
      ['icb-allocations-2025-26.csv', 'population', 'persons', DOCUMENTS.population.title, DOCUMENTS.population.file, 'Total (summed over the sub-ICB locations with the ICB 2023 Code)'],
    ]),
  );
  files.set(FOOTPRINTS_FILE, readFileSync(join(sharedDir, FOOTPRINTS_FILE), 'utf8'));
  files.set('NOTICE', notice());
  return files;
}

function notice(): string {
  const docs = Object.values(DOCUMENTS).map((d) => `- ${d.title}: ${d.url} (file ${d.file})`).join('\n');
  return `${ATTRIBUTION}

The CSV files in this folder are written by \`npm run data\` (scripts/data.ts) from the published
files below, kept byte for byte in ../shared/data/nhs-allocations/. Do not edit them by hand: rerun
the script. Money is in £ thousands (£k) and rates are fractions (0.0437 is 4.37%), each figure the
value the workbook stores (its sheets display whole £k). icb-allocations-columns.csv names the
document, sheet and column heading of every column.

${docs}

${FOOTPRINTS_FILE} is copied unchanged from the same folder; each of its rows names its own sources.

Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/
`;
}
