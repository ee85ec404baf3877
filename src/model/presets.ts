/**
 * ICB presets: rows of scenarios/data/icb-allocations-2025-26.csv → a starter scenario's YAML text.
 * Pure: text in, text out. The CLI (src/cli/init.ts) reads and writes the files.
 */
import { Dec } from './decimal.js';
import { editDistance } from './suggest.js';

export const SOURCE_STATUSES = ['published', 'illustrative'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/** The money columns, in £m, that together make the ICB's 2025/26 allocation. */
export const MONEY_COLUMNS = [
  'core_services',
  'primary_medical_care',
  'specialised_delegated',
  'running_cost_allowance',
] as const;
export type MoneyColumn = (typeof MONEY_COLUMNS)[number];

export const CSV_COLUMNS = ['code', 'name', 'region', 'population_m', ...MONEY_COLUMNS, 'source_status', 'source'] as const;

export interface IcbRow {
  code: string;
  name: string;
  region: string;
  populationM: Dec;
  money: Record<MoneyColumn, Dec>;
  status: SourceStatus;
  source: string;
  /** 1-based line of the CSV file the row came from, for messages. */
  line: number;
}

export type CsvResult = { ok: true; rows: IcbRow[] } | { ok: false; problems: string[] };

const MAX_ROWS = 42; // there are 42 ICBs in England
const CODE = /^Q[A-Z0-9]{2}$/; // NHS Organisation Data Service ICB codes, e.g. QUE
const NUMBER = /^\d+(\.\d+)?$/;

/** RFC 4180 fields: commas, double quotes around fields, `""` for a quote inside one. */
export function parseCsvRecords(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Reads and checks the allocations table: every problem is reported, each with its line. */
export function parseAllocationsCsv(text: string, file = 'icb-allocations-2025-26.csv'): CsvResult {
  const records = parseCsvRecords(text);
  const problems: string[] = [];
  const header = records[0] ?? [];
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, problems: [`${file}:1: missing column(s): ${missing.join(', ')}`] };
  const col = (r: string[], name: string) => (r[header.indexOf(name)] ?? '').trim();

  const rows: IcbRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length === 1 && r[0]?.trim() === '') return; // a blank line
    const at = `${file}:${line}`;
    const code = col(r, 'code');
    if (!CODE.test(code)) problems.push(`${at}: code \`${code}\` is not an ICB code like \`QUE\``);
    const first = seen.get(code);
    if (first !== undefined) problems.push(`${at}: code ${code} is already used on line ${first}`);
    seen.set(code, line);
    const name = col(r, 'name');
    if (name === '') problems.push(`${at}: name is empty`);
    const status = col(r, 'source_status');
    if (!(SOURCE_STATUSES as readonly string[]).includes(status)) {
      problems.push(`${at}: source_status is \`${status}\`; expected published or illustrative`);
    }
    const source = col(r, 'source');
    if (source === '') problems.push(`${at}: source is empty: say where the figures come from`);
    const num = (name: string): Dec => {
      const text = col(r, name);
      if (!NUMBER.test(text) || new Dec(text).isZero()) {
        problems.push(`${at}: ${name} is \`${text}\`; expected a positive number`);
        return new Dec(0);
      }
      return new Dec(text);
    };
    const populationM = num('population_m');
    const money = Object.fromEntries(MONEY_COLUMNS.map((c) => [c, num(c)])) as Record<MoneyColumn, Dec>;
    rows.push({ code, name, region: col(r, 'region'), populationM, money, status: status as SourceStatus, source, line });
  });
  if (rows.length > MAX_ROWS) problems.push(`${file}: ${rows.length} rows; England has ${MAX_ROWS} ICBs`);
  if (rows.length === 0) problems.push(`${file}: no ICB rows`);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, rows };
}

/** Lower case, `&` as `and`, without the words every ICB name shares. */
export function normaliseIcbName(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\b(nhs|icb|integrated care board|integrated|care|board)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export type Match =
  | { ok: true; row: IcbRow }
  | { ok: false; reason: 'ambiguous'; candidates: IcbRow[] }
  | { ok: false; reason: 'unknown'; suggestion?: IcbRow };

/**
 * Finds an ICB by code (`QUE`) or name, forgiving case, `&`, the words NHS/ICB, a unique part of
 * the name (`Cambridgeshire`) and small typos.
 */
export function findIcb(rows: readonly IcbRow[], query: string): Match {
  const q = normaliseIcbName(query);
  const byCode = rows.find((r) => r.code.toLowerCase() === query.trim().toLowerCase());
  if (byCode) return { ok: true, row: byCode };
  if (q === '') return { ok: false, reason: 'unknown' };
  const exact = rows.find((r) => normaliseIcbName(r.name) === q);
  if (exact) return { ok: true, row: exact };
  const words = q.split(' ');
  const containing = rows.filter((r) => {
    const n = ` ${normaliseIcbName(r.name)} `;
    return words.every((w) => n.includes(` ${w} `));
  });
  if (containing.length === 1) return { ok: true, row: containing[0] as IcbRow };
  if (containing.length > 1) return { ok: false, reason: 'ambiguous', candidates: containing };
  let best: IcbRow | undefined;
  let bestDistance = Infinity;
  for (const r of rows) {
    const d = nameDistance(q, normaliseIcbName(r.name));
    if (d < bestDistance) {
      best = r;
      bestDistance = d;
    }
  }
  // A typo, not a different ICB: allow about one edit in four letters.
  const close = best !== undefined && bestDistance <= Math.max(2, Math.floor(q.length / 4));
  return close ? { ok: false, reason: 'unknown', suggestion: best } : { ok: false, reason: 'unknown' };
}

/**
 * How far a query is from a name: from the whole name, or from any run of as many of its words,
 * so `cambrigeshire` is one edit from "Cambridgeshire and Peterborough", as `cambridgeshire` alone
 * would be found.
 */
function nameDistance(query: string, name: string): number {
  const want = query.split(' ').length;
  const words = name.split(' ');
  let best = editDistance(query, name);
  for (let i = 0; i + want <= words.length; i++) best = Math.min(best, editDistance(query, words.slice(i, i + want).join(' ')));
  return best;
}

/** One spending line of a preset and the part of the allocation it is sized from. */
export interface LinePlan {
  name: string;
  category: string;
  label: string;
  from: MoneyColumn;
  /** Share of `from`; the shares of each column sum to 100%. */
  share: Dec;
  note: string;
}

/**
 * Typical shares of an ICB's core services allocation by spending line. Illustrative: they follow
 * the usual shape of ICB programme budgets (acute contracts about half, then mental health,
 * community, prescribing, the Better Care Fund), not any one ICB's published plan. Edit them.
 */
export const LINE_PLAN: readonly LinePlan[] = [
  { name: 'acute', category: 'acute', label: 'Acute hospital services', from: 'core_services', share: new Dec('0.52'), note: '52% of core services' },
  { name: 'specialised', category: 'acute', label: 'Specialised services (delegated)', from: 'specialised_delegated', share: new Dec(1), note: 'the specialised services allocation' },
  { name: 'community', category: 'community', label: 'Community services', from: 'core_services', share: new Dec('0.12'), note: '12% of core services' },
  { name: 'mental_health', category: 'mental_health', label: 'Mental health services', from: 'core_services', share: new Dec('0.13'), note: '13% of core services' },
  { name: 'primary_medical', category: 'primary', label: 'Primary medical care (general practice)', from: 'primary_medical_care', share: new Dec(1), note: 'the primary medical care allocation' },
  { name: 'prescribing', category: 'primary', label: 'Prescribing and other primary care', from: 'core_services', share: new Dec('0.10'), note: '10% of core services' },
  { name: 'social_care', category: 'social_care', label: 'Better Care Fund NHS contribution', from: 'core_services', share: new Dec('0.06'), note: '6% of core services' },
  { name: 'prevention', category: 'prevention', label: 'Prevention and health inequalities', from: 'core_services', share: new Dec('0.01'), note: '1% of core services' },
  { name: 'other', category: 'other', label: 'Continuing healthcare and other', from: 'core_services', share: new Dec('0.06'), note: '6% of core services' },
  { name: 'running', category: 'running', label: 'ICB running costs', from: 'running_cost_allowance', share: new Dec(1), note: 'the running cost allowance' },
];

/** Share of each year's allocation growth sent to mental health so the plan meets the MHIS. */
export const MHIS_TOP_UP = new Dec('0.05');

const LINE_PLACES = 2; // £10k in £m: finer than the allocation tables, coarse enough to read

/**
 * Splits each allocation column between its lines to 0.01 (£10k), by the largest-remainder
 * method (ties to the line listed first), so the lines add up to the allocation exactly.
 */
export function splitAllocation(money: Record<MoneyColumn, Dec>, plan: readonly LinePlan[] = LINE_PLAN): Map<string, Dec> {
  const out = new Map<string, Dec>();
  const unit = new Dec(1).dividedBy(new Dec(10).pow(LINE_PLACES));
  for (const column of MONEY_COLUMNS) {
    const lines = plan.filter((p) => p.from === column);
    if (lines.length === 0) continue;
    const total = money[column];
    const units = total.dividedBy(unit);
    const exact = lines.map((p) => units.times(p.share));
    const floors = exact.map((e) => e.floor());
    let left = units.minus(floors.reduce((a, b) => a.plus(b), new Dec(0)));
    const order = exact
      .map((e, i) => ({ i, rem: e.minus(floors[i] as Dec) }))
      .sort((a, b) => b.rem.comparedTo(a.rem) || a.i - b.i);
    for (const { i } of order) {
      if (left.lte(0)) break;
      floors[i] = (floors[i] as Dec).plus(1);
      left = left.minus(1);
    }
    lines.forEach((p, i) => out.set(p.name, (floors[i] as Dec).times(unit)));
  }
  return out;
}

export function totalAllocation(row: IcbRow): Dec {
  return MONEY_COLUMNS.reduce((sum, c) => sum.plus(row.money[c]), new Dec(0));
}

/** `Cambridgeshire and Peterborough` → `cambridgeshire-and-peterborough`. */
export function presetSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export interface PresetOptions {
  /** Path of the national assumptions file, relative to where the preset will be written. */
  extendsPath: string;
  /** Path of the JSON Schema for editors, relative to the same place; omitted if undefined. */
  schemaPath?: string;
}

/** Text as `# ` comment lines no wider than `width`. */
export function commentLines(text: string, width = 98): string {
  const out: string[] = [];
  let line = '#';
  for (const word of text.split(/\s+/)) {
    if (line.length + 1 + word.length > width && line !== '#') {
      out.push(line);
      line = '#';
    }
    line += ' ' + word;
  }
  out.push(line);
  return out.join('\n');
}

const fixed = (d: Dec, places = LINE_PLACES) => d.toFixed(places);
const quote = (s: string) => JSON.stringify(s);

/** The commented starter scenario for one ICB: its allocation split into lines, on national assumptions. */
export function presetYaml(row: IcbRow, opts: PresetOptions): string {
  const split = splitAllocation(row.money);
  const total = totalAllocation(row);
  const status = commentLines(
    row.status === 'published'
      ? `The 2025/26 allocation below (in £m) is published: ${row.source}.`
      : `The 2025/26 allocation below (in £m) is ILLUSTRATIVE, not NHS England's published figures (${row.source}). Replace it with your ICB's allocation.`,
  );
  const money = MONEY_COLUMNS.map((c) => `#   ${c.padEnd(24)} ${fixed(row.money[c], 1).padStart(9)}`).join('\n');
  const width = Math.max(...LINE_PLAN.map((p) => p.name.length)) + 1;
  const lines = LINE_PLAN.map((p) => {
    const spend = fixed(split.get(p.name) as Dec);
    const body = `{category: ${p.category}, spend: ${spend}, label: ${quote(p.label)}}`;
    return `  ${(p.name + ':').padEnd(width)} ${body}   # ${p.note}`;
  }).join('\n');
  const schema = opts.schemaPath === undefined ? '' : `# yaml-language-server: $schema=${opts.schemaPath}\n#\n`;
  return `${schema}# Starter scenario for NHS ${row.name} ICB (${row.code}, ${row.region}), made by
# \`icbsim init --icb ${quote(row.name)}\`. Edit anything: it is yours now.
#
${status}
${money}
#   ${'total'.padEnd(24)} ${fixed(total, 1).padStart(9)}
# Each part is split into spending lines by typical shares (the comment on each line); the shares
# are illustrative too. Put in your own plan's figures as soon as you have them.
#
# National assumptions (allocation growth, inflation, efficiency, the running cost cut, the Mental
# Health Investment Standard) come from the file named by \`extends\`, with a source for every
# figure. Keys written here override it: maps merge key by key, lists (policies, checks) replace.
name: ${quote(`NHS ${row.name} ICB`)}
description: ${quote(`Can NHS ${row.name} ICB balance its books over five years on national planning assumptions, funding need in full, halving running costs and meeting the Mental Health Investment Standard?`)}
extends: ${quote(opts.extendsPath)}

allocation:
  recurrent: ${fixed(total)}   # the 2025/26 allocation above

lines:   # base-year (2025/26) spend, £m; together they spend the whole allocation
${lines}

policies:   # replaces the national list, so the national running cost cut is restated here
  # National requirement: ICB running costs halved (source in the national file).
  - {type: running_cost_cut, name: ICB running costs halved, line: running, cut: 50%, by: 2026/27}
  # Local choice: top up mental health from allocation growth so its spend grows at least as fast
  # as the allocation (the Mental Health Investment Standard check in the national file).
  - {type: divert_growth, name: MHIS top-up, share: ${MHIS_TOP_UP.times(100).toFixed()}%, to: {mental_health: 100%}}
`;
}

/** The commented starter scenario for a new user with no ICB in mind: every key, explained. */
export function starterYaml(schemaPath?: string): string {
  const schema = schemaPath === undefined ? '' : `# yaml-language-server: $schema=${schemaPath}\n#\n`;
  return `${schema}# A starter icbsim scenario, made by \`icbsim init\`. Every figure is illustrative: replace them with
# your ICB's. Run it with \`icbsim run THIS_FILE\`. For a starter sized from one ICB's allocation
# and built on the published national planning assumptions, use \`icbsim init --icb "NAME"\`.
name: My ICB
description: What question this scenario answers, e.g. can we break even over five years?
units: £m                  # money is written in £, £k or £m
base_year: 2025/26         # the year whose figures are given, not projected
years: 5                   # projection years after the base year (1 to 15)

allocation:
  recurrent: 2000          # base-year recurrent allocation
  growth: 2.9%             # a rate for every year, a list (one per year) or a map {2026/27: 3.1%, ...}
  # non_recurrent: {2026/27: 15}   # one-off money by year; it does not compound

assumptions:               # defaults for every line; any line may override them
  inflation: 2.5%          # pay and prices
  demand: 2.5%             # activity growth; any rate may be a range, e.g. {normal: [2.5%, 0.5%]}
  efficiency: 2%           # cost improvement asked of providers
  efficiency_delivery: 100%   # share of that efficiency actually achieved

lines:                     # name (lower_snake_case) -> base-year spend and category
  acute:         {category: acute, spend: 1040, label: Acute hospital services}
  community:     {category: community, spend: 240, label: Community services}
  mental_health: {category: mental_health, spend: 260, label: Mental health services}
  primary:       {category: primary, spend: 300, label: Primary care and prescribing}
  social_care:   {category: social_care, spend: 80, label: Better Care Fund NHS contribution}
  prevention:    {category: prevention, spend: 20, label: Prevention}
  other:         {category: other, spend: 20, label: Other}
  running:       {category: running, spend: 40, label: ICB running costs}

policies:                  # levers; delete any you do not want
  - {type: running_cost_cut, line: running, cut: 50%, by: 2026/27}
  # - {type: flat_cash, line: acute, uplift: inflation}          # hold acute to a real-terms freeze
  # - {type: divert_growth, share: 50%, to: {community: 60%, prevention: 40%}}
  # - {type: shift_activity, from: acute, to: community, share: 1%, cost_ratio: 70%, lag: 1}

care_shift: {categories: [community, primary, prevention], target: 35%}

checks:                    # rules the plan must meet; \`icbsim check\` fails when one is broken
  - {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}
  - {name: Mental Health Investment Standard, metric: growth.mental_health, min: allocation_growth, each_year: true}
`;
}
