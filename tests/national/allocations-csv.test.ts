/**
 * The ICB allocations table: its shape, its sources, and (where it cites one) the published
 * national total its rows must add up to.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import {
  MONEY_COLUMNS,
  normaliseIcbName,
  parseAllocationsCsv,
  parseCsvRecords,
  type IcbRow,
  type MoneyColumn,
} from '../../src/model/presets.js';
import { shippedRows } from './helpers.js';

/**
 * The 42 ICBs with their NHS Organisation Data Service codes, as listed in
 * rcpch/rcpch-nhs-organisations (hospitals/constants/integrated_care_boards.py), an independent
 * copy of the ODS register: the table's codes and names must agree with it.
 */
const ODS_ICBS: Record<string, string> = {
  QOX: 'BATH AND NORTH EAST SOMERSET, SWINDON AND WILTSHIRE', QHG: 'BEDFORDSHIRE, LUTON AND MILTON KEYNES',
  QHL: 'BIRMINGHAM AND SOLIHULL', QUA: 'BLACK COUNTRY', QUY: 'BRISTOL, NORTH SOMERSET AND SOUTH GLOUCESTERSHIRE',
  QU9: 'BUCKINGHAMSHIRE, OXFORDSHIRE AND BERKSHIRE WEST', QUE: 'CAMBRIDGESHIRE AND PETERBOROUGH',
  QYG: 'CHESHIRE AND MERSEYSIDE', QT6: 'CORNWALL AND THE ISLES OF SCILLY', QWU: 'COVENTRY AND WARWICKSHIRE',
  QJ2: 'DERBY AND DERBYSHIRE', QJK: 'DEVON', QVV: 'DORSET', QNQ: 'FRIMLEY', QR1: 'GLOUCESTERSHIRE',
  QOP: 'GREATER MANCHESTER', QRL: 'HAMPSHIRE AND ISLE OF WIGHT', QGH: 'HEREFORDSHIRE AND WORCESTERSHIRE',
  QM7: 'HERTFORDSHIRE AND WEST ESSEX', QOQ: 'HUMBER AND NORTH YORKSHIRE', QKS: 'KENT AND MEDWAY',
  QE1: 'LANCASHIRE AND SOUTH CUMBRIA', QK1: 'LEICESTER, LEICESTERSHIRE AND RUTLAND', QJM: 'LINCOLNSHIRE',
  QH8: 'MID AND SOUTH ESSEX', QMM: 'NORFOLK AND WAVENEY', QPM: 'NORTHAMPTONSHIRE', QMJ: 'NORTH CENTRAL LONDON',
  QHM: 'NORTH EAST AND NORTH CUMBRIA', QMF: 'NORTH EAST LONDON', QRV: 'NORTH WEST LONDON',
  QT1: 'NOTTINGHAM AND NOTTINGHAMSHIRE', QOC: 'SHROPSHIRE, TELFORD AND WREKIN', QSL: 'SOMERSET',
  QKK: 'SOUTH EAST LONDON', QWE: 'SOUTH WEST LONDON', QF7: 'SOUTH YORKSHIRE', QNC: 'STAFFORDSHIRE AND STOKE-ON-TRENT',
  QJG: 'SUFFOLK AND NORTH EAST ESSEX', QXU: 'SURREY HEARTLANDS', QNX: 'SUSSEX', QWO: 'WEST YORKSHIRE',
};

/** A published national total that the table's published rows of one column must add up to. */
interface NationalTotal {
  column: MoneyColumn;
  total: Dec;
  source: string;
}

/**
 * National totals the table cites. None: no published 2025/26 per-ICB figure was found (see the
 * README), so every row is illustrative and no total can be claimed for them. The 2024/25 totals
 * the Commons Library gives (£127.2bn, of which core services £107.6bn and primary medical care
 * £11.2bn: "Integrated care board allocations", CBP-10031, 2024) are for a different year.
 */
const CITED_TOTALS: NationalTotal[] = [];

/** Problems with the cited totals: a total cited while some rows are not published, or a sum that differs. */
function totalProblems(rows: readonly IcbRow[], totals: readonly NationalTotal[]): string[] {
  const problems: string[] = [];
  for (const t of totals) {
    const unpublished = rows.filter((r) => r.status !== 'published');
    if (unpublished.length > 0) {
      problems.push(`${t.column}: a published total is cited but ${unpublished.length} row(s) are illustrative`);
      continue;
    }
    const sum = rows.reduce((s, r) => s.plus(r.money[t.column]), new Dec(0));
    if (!sum.eq(t.total)) problems.push(`${t.column}: rows add up to ${sum.toFixed()}, ${t.source} says ${t.total.toFixed()}`);
  }
  return problems;
}

const HEADER = 'code,name,region,population_m,core_services,primary_medical_care,specialised_delegated,running_cost_allowance,source_status,source';

describe('the shipped ICB allocations table', () => {
  const rows = shippedRows();

  it('has at most 42 rows, one per ICB code, every figure positive', () => {
    expect(rows.length).toBeLessThanOrEqual(42);
    expect(rows.length).toBe(42); // the table covers every ICB, if only illustratively
    expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
    for (const r of rows) {
      expect(r.populationM.gt(0), r.code).toBe(true);
      for (const c of MONEY_COLUMNS) expect(r.money[c].gt(0), `${r.code} ${c}`).toBe(true);
    }
  });

  it('uses the NHS Organisation Data Service code and name of each ICB', () => {
    for (const r of rows) {
      const ods = ODS_ICBS[r.code];
      expect(ods, `${r.code} is not an ICB code`).toBeDefined();
      expect(normaliseIcbName(r.name)).toBe(normaliseIcbName(ods as string));
    }
  });

  it('sources every row or marks it illustrative, and never passes an estimate off as published', () => {
    for (const r of rows) {
      expect(['published', 'illustrative']).toContain(r.status);
      expect(r.source.length, r.code).toBeGreaterThan(10);
      if (r.status === 'illustrative') expect(r.source).toMatch(/^illustrative/);
    }
    // What was verified: no per-ICB 2025/26 figure. If that changes, CITED_TOTALS must say so.
    expect(rows.filter((r) => r.status === 'published')).toHaveLength(0);
  });

  it('builds each illustrative figure from the documented per-head figures, to £0.1m half-even', () => {
    // README "National assumptions and ICB presets": core £1,732 a head (2024/25, Commons Library)
    // grown by the published 4.4% = £1,808.208; primary medical care £180 × 1.044 = £187.92;
    // specialised £250 (placeholder); running costs 2 × £18.76 = £37.52.
    const perHead: Record<MoneyColumn, Dec> = {
      core_services: new Dec('1808.208'),
      primary_medical_care: new Dec('187.92'),
      specialised_delegated: new Dec('250'),
      running_cost_allowance: new Dec('37.52'),
    };
    // Where the Commons Library names an ICB's own 2024/25 figure a patient, that replaces the
    // England average before the same growth: core services Cheshire and Merseyside £1,986 and
    // Buckinghamshire, Oxfordshire and Berkshire West £1,480; primary medical care Norfolk and
    // Waveney £199, Lincolnshire £198, Herefordshire and Worcestershire £194, North West London
    // £166, Hertfordshire and West Essex £167, Frimley £167.
    const own: Record<string, Partial<Record<MoneyColumn, string>>> = {
      QYG: { core_services: '1986' }, QU9: { core_services: '1480' },
      QMM: { primary_medical_care: '199' }, QJM: { primary_medical_care: '198' }, QGH: { primary_medical_care: '194' },
      QRV: { primary_medical_care: '166' }, QM7: { primary_medical_care: '167' }, QNQ: { primary_medical_care: '167' },
    };
    for (const r of rows.filter((x) => x.status === 'illustrative')) {
      for (const c of MONEY_COLUMNS) {
        const mine = own[r.code]?.[c];
        const head = mine === undefined ? perHead[c] : new Dec(mine).times('1.044');
        expect(r.money[c].toFixed(1), `${r.code} ${c}`).toBe(r.populationM.times(head).toFixed(1));
      }
    }
    // By hand for Cheshire and Merseyside, 2.75m people: 2.75 × 1986 × 1.044 = 2.75 × 2073.384
    // = 5701.806 → 5701.8.
    expect(rows.find((r) => r.code === 'QYG')!.money.core_services.toFixed(1)).toBe('5701.8');
    // By hand for Cambridgeshire and Peterborough, 1.00m people: 1808.208 → 1808.2; 187.92 → 187.9;
    // 250 → 250.0; 37.52 → 37.5.
    const que = rows.find((r) => r.code === 'QUE') as IcbRow;
    expect(MONEY_COLUMNS.map((c) => que.money[c].toFixed(1))).toEqual(['1808.2', '187.9', '250.0', '37.5']);
  });

  it('matches every national total it cites (it cites none while the rows are illustrative)', () => {
    expect(totalProblems(rows, CITED_TOTALS)).toEqual([]);
  });
});

describe('the national-total check', () => {
  const table = (status: string, a: string, b: string) =>
    parseAllocationsCsv(
      [HEADER, `QAA,Alpha,London,1,${a},1,1,1,${status},"Test doc, 2025"`, `QBB,Beta,London,1,${b},1,1,1,${status},"Test doc, 2025"`].join('\n'),
    );
  const total: NationalTotal = { column: 'core_services', total: new Dec('300.3'), source: 'Test doc' };

  it('passes when published rows add up to the cited total exactly (100.1 + 200.2 = 300.3)', () => {
    const t = table('published', '100.1', '200.2');
    expect(t.ok && totalProblems(t.rows, [total])).toEqual([]);
  });

  it('fails when they are a penny out, or when an illustrative row is counted', () => {
    const off = table('published', '100.1', '200.19');
    expect(off.ok && totalProblems(off.rows, [total])).toEqual(['core_services: rows add up to 300.29, Test doc says 300.3']);
    const mixed = table('illustrative', '100.1', '200.2');
    expect(mixed.ok && totalProblems(mixed.rows, [total])[0]).toMatch(/2 row\(s\) are illustrative/);
  });
});

describe('reading an allocations table', () => {
  it('reports every problem with its line', () => {
    const text = [
      HEADER,
      'QAA,Alpha,London,1,100,10,10,5,published,Doc',
      'QAA,Beta,London,1,0,10,10,5,published,Doc', // duplicate code, zero figure
      'XYZ,Gamma,London,1,-3,10,10,5,guessed,', // bad code, negative, bad status, no source
    ].join('\r\n');
    const parsed = parseAllocationsCsv(text, 't.csv');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      't.csv:3: code QAA is already used on line 2',
      't.csv:3: core_services is `0`; expected a positive number',
      't.csv:4: code `XYZ` is not an ICB code like `QUE`',
      't.csv:4: source_status is `guessed`; expected published or illustrative',
      't.csv:4: source is empty: say where the figures come from',
      't.csv:4: core_services is `-3`; expected a positive number',
    ]);
  });

  it('names missing columns and refuses more rows than there are ICBs', () => {
    const noSource = parseAllocationsCsv('code,name\nQAA,Alpha\n', 't.csv');
    expect(noSource.ok || noSource.problems[0]).toMatch(/^t\.csv:1: missing column\(s\): region, population_m/);
    const many = [HEADER, ...Array.from({ length: 43 }, (_, i) => `Q${String(i).padStart(2, '0')},N${i},R,1,1,1,1,1,illustrative,illustrative x`)];
    const parsed = parseAllocationsCsv(many.join('\n'), 't.csv');
    expect(parsed.ok || parsed.problems).toEqual(['t.csv: 43 rows; England has 42 ICBs']);
  });

  it('reads back any table csv-stringify writes (quotes, commas, newlines, CRLF)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ',', '"', '\n', '\r', ' ', '£', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), fc.boolean(), (records, crlf) => {
        const text = stringify(records, { quoted: true, record_delimiter: crlf ? 'windows' : 'unix' });
        expect(parseCsvRecords(text)).toEqual(records);
      }),
    );
  });
});
