/**
 * ICB presets: rows of scenarios/data/icb-allocations-2025-26.csv (written by `npm run data` from
 * NHS England's published workbooks) → a starter scenario's YAML text.
 * Pure: text in, text out. The CLI (src/cli/init.ts) and scripts/data.ts read and write the files.
 */
import { Dec } from './decimal.js';
import { editDistance } from './suggest.js';

export const SOURCE_STATUSES = ['published', 'illustrative'] as const;
export type SourceStatus = (typeof SOURCE_STATUSES)[number];

/**
 * The columns a preset is built from (money in £k as published, rates as fractions). A table
 * passed to `init --data` needs these; the other published streams are shown when present.
 */
export const REQUIRED_COLUMNS = ['ods_code', 'name', 'region', 'core_recurrent', 'core_distance_from_target', 'source_status', 'source'] as const;

/**
 * The ICB's other published 2025/26 allocations, shown in a preset's header for reference but not
 * in its plan (see `presetYaml` for why). Money columns, £k.
 */
export const REFERENCE_STREAMS = [
  { column: 'core_total', label: 'core services, non-recurrent (total less recurrent)' },
  { column: 'specialised_physical_hcdd', label: 'specialised services (physical + HCDD)' },
  { column: 'specialised_mental_health', label: 'specialised mental health (delegated)' },
  { column: 'primary_medical_care', label: 'primary medical care (revised)' },
  { column: 'pod_total', label: 'pharmacy, optometry and dental' },
  { column: 'running_cost_allowance', label: 'running cost allowance (v1.4)' },
] as const;

/** The published 2025/26 base growth of each stream that has one, quoted in a preset's header. */
export const BASE_GROWTH_COLUMNS = [
  { column: 'core_base_growth', label: 'core services' },
  { column: 'primary_medical_care_base_growth', label: 'primary medical care' },
  { column: 'pod_base_growth', label: 'pharmacy, optometry and dental' },
] as const;

export interface IcbRow {
  code: string;
  name: string;
  region: string;
  /** The 2025/26 core services recurrent allocation, £k. */
  coreRecurrent: Dec;
  /** The published distance from the fair-share target after 2025/26 convergence (a fraction). */
  distanceFromTarget: Dec;
  /** Before convergence, and the convergence itself, where the table has them. */
  distanceBefore?: Dec;
  convergence?: Dec;
  /** The reference streams the table has, £k. */
  streams: Map<string, Dec>;
  /** The base growth rates the table has (fractions), by column. */
  baseGrowth: Map<string, Dec>;
  status: SourceStatus;
  source: string;
  /** 1-based line of the CSV file the row came from, for messages. */
  line: number;
}

export type CsvResult = { ok: true; rows: IcbRow[] } | { ok: false; problems: string[] };

const MAX_ROWS = 42; // there are 42 ICBs in England
const CODE = /^Q[A-Z0-9]{2}$/; // NHS Organisation Data Service ICB codes, e.g. QUE
const NUMBER = /^-?\d+(\.\d+)?$/;

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
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) return { ok: false, problems: [`${file}:1: missing column(s): ${missing.join(', ')}`] };
  const has = (name: string) => header.includes(name);
  const col = (r: string[], name: string) => (r[header.indexOf(name)] ?? '').trim();

  const rows: IcbRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((r, i) => {
    const line = i + 2;
    if (r.length === 1 && r[0]?.trim() === '') return; // a blank line
    const at = `${file}:${line}`;
    const code = col(r, 'ods_code');
    if (!CODE.test(code)) problems.push(`${at}: ods_code \`${code}\` is not an ICB code like \`QUE\``);
    const first = seen.get(code);
    if (first !== undefined) problems.push(`${at}: ods_code ${code} is already used on line ${first}`);
    seen.set(code, line);
    const name = col(r, 'name');
    if (name === '') problems.push(`${at}: name is empty`);
    const status = col(r, 'source_status');
    if (!(SOURCE_STATUSES as readonly string[]).includes(status)) {
      problems.push(`${at}: source_status is \`${status}\`; expected published or illustrative`);
    }
    const source = col(r, 'source');
    if (source === '') problems.push(`${at}: source is empty: say where the figures come from`);
    const num = (name: string, expected: string, ok: (d: Dec) => boolean): Dec => {
      const text = col(r, name);
      if (!NUMBER.test(text) || !ok(new Dec(text))) {
        problems.push(`${at}: ${name} is \`${text}\`; expected ${expected}`);
        return new Dec(0);
      }
      return new Dec(text);
    };
    const rate = (name: string) => num(name, 'a rate as a fraction, e.g. 0.0436 for 4.36%', () => true);
    const coreRecurrent = num('core_recurrent', 'a positive number of £k', (d) => d.gt(0));
    const distanceFromTarget = num('core_distance_from_target', 'a fraction above -1, e.g. 0.0436 for 4.36%', (d) => d.gt(-1));
    const streams = new Map<string, Dec>();
    for (const s of REFERENCE_STREAMS) if (has(s.column) && col(r, s.column) !== '') streams.set(s.column, num(s.column, 'a number of £k', () => true));
    const baseGrowth = new Map<string, Dec>();
    for (const g of BASE_GROWTH_COLUMNS) if (has(g.column) && col(r, g.column) !== '') baseGrowth.set(g.column, rate(g.column));
    rows.push({
      code, name, region: col(r, 'region'), coreRecurrent, distanceFromTarget,
      ...(has('core_distance_before_convergence') ? { distanceBefore: rate('core_distance_before_convergence') } : {}),
      ...(has('core_convergence') ? { convergence: rate('core_convergence') } : {}),
      streams, baseGrowth, status: status as SourceStatus, source, line,
    });
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

/** One spending line of a preset and its typical share of the core services allocation. */
export interface LinePlan {
  name: string;
  category: string;
  label: string;
  /** Share of the allocation; the shares sum to 100%. */
  share: Dec;
}

/**
 * Typical shares of an ICB's core services allocation by spending line. Illustrative: they follow
 * the usual shape of ICB core services budgets (acute contracts about half, then mental health,
 * community, prescribing, the Better Care Fund), not any one ICB's published plan. Edit them.
 */
export const LINE_PLAN: readonly LinePlan[] = [
  { name: 'acute', category: 'acute', label: 'Acute hospital services', share: new Dec('0.52') },
  { name: 'community', category: 'community', label: 'Community services', share: new Dec('0.12') },
  { name: 'mental_health', category: 'mental_health', label: 'Mental health services', share: new Dec('0.13') },
  { name: 'prescribing', category: 'primary', label: 'Prescribing', share: new Dec('0.10') },
  { name: 'social_care', category: 'social_care', label: 'Better Care Fund NHS contribution', share: new Dec('0.06') },
  { name: 'prevention', category: 'prevention', label: 'Prevention and health inequalities', share: new Dec('0.01') },
  { name: 'other', category: 'other', label: 'Continuing healthcare and other', share: new Dec('0.06') },
];

/** Share of each year's allocation growth sent to mental health so the plan meets the MHIS. */
export const MHIS_TOP_UP = new Dec('0.05');

/**
 * Splits the allocation between the lines in steps of its own last digit (£1k for a table in
 * whole £k), by the largest-remainder method (ties to the line listed first), so the lines add
 * up to the allocation exactly.
 */
export function splitAllocation(total: Dec, plan: readonly LinePlan[] = LINE_PLAN): Map<string, Dec> {
  const unit = new Dec(1).dividedBy(new Dec(10).pow(total.decimalPlaces()));
  const units = total.dividedBy(unit);
  const exact = plan.map((p) => units.times(p.share));
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
  return new Map(plan.map((p, i) => [p.name, (floors[i] as Dec).times(unit)]));
}

/** The preset's base-year allocation in £m: the core services recurrent allocation (£k ÷ 1000). */
export const presetAllocation = (row: IcbRow): Dec => row.coreRecurrent.dividedBy(1000);

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

const quote = (s: string) => JSON.stringify(s);
const pct = (d: Dec, places: number) => `${d.gt(0) ? '+' : d.lt(0) ? '−' : ''}${d.abs().times(100).toFixed(places)}%`;
const inMillions = (k: Dec) => k.dividedBy(1000).toFixed(1);

/** The core recurrent allocation as a share of every allocation the row lists (its core total includes it). */
function share(row: IcbRow): string {
  if (!row.streams.has('core_total')) return 'the largest';
  const all = [...row.streams.values()].reduce((a, b) => a.plus(b), new Dec(0));
  return `the largest: ${row.coreRecurrent.dividedBy(all).times(100).toFixed(0)}% of the ICB's 2025/26 allocations listed here`;
}

/** The ICB's own fair-share input; the pace and cap of convergence come from the national file. */
const fairShareLines = (row: IcbRow): string => `  fair_share:
    distance_from_target: ${row.distanceFromTarget.times(100).toFixed()}%   # after the 2025/26 convergence
`;

/**
 * The commented starter scenario for one ICB: its published core services allocation and distance
 * from target, split into lines by typical shares, on national assumptions.
 */
export function presetYaml(row: IcbRow, opts: PresetOptions): string {
  const allocation = presetAllocation(row);
  const split = splitAllocation(allocation);
  const published = row.status === 'published';
  const status = commentLines(
    published
      ? `The allocation below is NHS England's published 2025/26 core services recurrent allocation for the ICB, £${allocation.toFixed()}m, and the distance from target is its published distance from its fair-share target after the 2025/26 convergence (${row.source}).`
      : `The allocation and distance from target below are ILLUSTRATIVE, not NHS England's published figures (${row.source}). Replace them with your ICB's.`,
  );
  const target = [
    row.distanceBefore === undefined ? undefined : `2024/25 ${pct(row.distanceBefore, 2)}`,
    row.convergence === undefined ? undefined : `2025/26 convergence ${pct(row.convergence, 2)}`,
    `after it ${pct(row.distanceFromTarget, 2)}`,
  ].filter((x) => x !== undefined);
  const amount = (column: string) => {
    const k = row.streams.get(column) as Dec;
    return column === 'core_total' ? k.minus(row.coreRecurrent) : k;
  };
  const streams = REFERENCE_STREAMS.filter((s) => row.streams.has(s.column))
    .map((s) => `#   ${s.label.padEnd(52)} ${inMillions(amount(s.column)).padStart(8)}`)
    .join('\n');
  const growth = BASE_GROWTH_COLUMNS.filter((g) => row.baseGrowth.has(g.column))
    .map((g) => `${g.label} ${(row.baseGrowth.get(g.column) as Dec).times(100).toFixed()}%`)
    .join(', ');
  const others =
    streams === ''
      ? ''
      : `#
# The ICB's other 2025/26 allocations (£m, ${published ? 'published' : 'as in the table'}) are not in this plan:
${streams}
${commentLines(`Each stream has its own fair-share target and base growth${growth === '' ? '' : ` (2025/26: ${growth})`}, and the running cost allowance is being halved on its own timetable, so adding them to one allocation with the core services distance from target and growth would misstate both. The core services recurrent allocation is the one NHS England moves towards its fair share, the one whose 2025/26 figure icbsim reproduces from the 2024/25 baseline, and ${share(row)}.`)}
`;
  const width = Math.max(...LINE_PLAN.map((p) => p.name.length)) + 1;
  const lines = LINE_PLAN.map((p) => {
    const body = `{category: ${p.category}, spend: ${(split.get(p.name) as Dec).toFixed()}, label: ${quote(p.label)}}`;
    return `  ${(p.name + ':').padEnd(width)} ${body}   # ${p.share.times(100).toFixed()}%`;
  }).join('\n');
  const schema = opts.schemaPath === undefined ? '' : `# yaml-language-server: $schema=${opts.schemaPath}\n#\n`;
  return `${schema}# Starter scenario for NHS ${row.name} ICB (${row.code}, ${row.region}), made by
# \`icbsim init --icb ${quote(row.name)}\`. Edit anything: it is yours now.
#
${status}
# Distance from target: ${target.join('; ')}.
${others}#
# The allocation is ${published ? 'published' : 'illustrative'}; its split into spending lines is ILLUSTRATIVE: typical shares
# of a core services budget (the comment on each line). Put in your own plan's figures.
#
# National assumptions (base allocation growth, the pace and cap of convergence towards fair
# share, inflation, efficiency, the Mental Health Investment Standard) come from the file named by
# \`extends\`, with a source for every figure. Keys written here override it: maps merge key by key,
# lists (policies, checks) replace.
name: ${quote(`NHS ${row.name} ICB`)}
description: ${quote(`Can NHS ${row.name} ICB balance its core services budget over five years on national planning assumptions, as its allocation moves towards its fair share, funding need in full and meeting the Mental Health Investment Standard?`)}
extends: ${quote(opts.extendsPath)}

allocation:
  recurrent: ${allocation.toFixed()}   # £m, 2025/26 core services recurrent allocation
${fairShareLines(row)}
lines:   # base-year (2025/26) spend, £m; together they spend the whole allocation
${lines}

policies:   # replaces the national list (its running cost cut needs a running cost line, not in this plan)
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
