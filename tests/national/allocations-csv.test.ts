/**
 * The ICB allocations table as the presets read it: its shape, its codes and names, its sources,
 * and the problems a hand-made table passed to `init --data` is told about. (Its figures against
 * the workbooks: tests/data/extraction.test.ts.)
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseIcbName, parseAllocationsCsv, parseCsvRecords } from '../../src/model/presets.js';
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

const REGIONS = ['East of England', 'London', 'Midlands', 'North East and Yorkshire', 'North West', 'South East', 'South West'];

const HEADER = 'ods_code,name,region,core_recurrent,core_distance_from_target,source_status,source';

describe('the shipped ICB allocations table', () => {
  const rows = shippedRows();

  it('has one row per ICB code, 42 in all, each with a positive allocation and a distance above −100%', () => {
    expect(rows).toHaveLength(42);
    expect(new Set(rows.map((r) => r.code)).size).toBe(42);
    for (const r of rows) {
      expect(r.coreRecurrent.gt(0), r.code).toBe(true);
      expect(r.distanceFromTarget.gt(-1), r.code).toBe(true);
      expect(REGIONS).toContain(r.region);
    }
  });

  it('uses the NHS Organisation Data Service code and name of each ICB', () => {
    for (const r of rows) {
      const ods = ODS_ICBS[r.code];
      expect(ods, `${r.code} is not an ICB code`).toBeDefined();
      expect(normaliseIcbName(r.name)).toBe(normaliseIcbName(ods as string));
    }
  });

  it('marks every row published and names its document and sheets', () => {
    for (const r of rows) {
      expect(r.status).toBe('published');
      expect(r.source).toMatch(/NHS England, ICB allocations 2025\/26 \(v1\.4\), sheets: ICB Core Allocations 2025-26/);
    }
  });
});

describe('reading an allocations table', () => {
  it('reports every problem with its line', () => {
    const text = [
      HEADER,
      'QAA,Alpha,London,100,0.01,published,Doc',
      'QAA,Beta,London,0,-1,published,Doc', // duplicate code, zero allocation, distance of −100%
      'XYZ,Gamma,London,-3,x,guessed,', // bad code, negative, not a rate, bad status, no source
    ].join('\r\n');
    const parsed = parseAllocationsCsv(text, 't.csv');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems).toEqual([
      't.csv:3: ods_code QAA is already used on line 2',
      't.csv:3: core_recurrent is `0`; expected a positive number of £k',
      't.csv:3: core_distance_from_target is `-1`; expected a fraction above -1, e.g. 0.0436 for 4.36%',
      't.csv:4: ods_code `XYZ` is not an ICB code like `QUE`',
      't.csv:4: source_status is `guessed`; expected published or illustrative',
      't.csv:4: source is empty: say where the figures come from',
      't.csv:4: core_recurrent is `-3`; expected a positive number of £k',
      't.csv:4: core_distance_from_target is `x`; expected a fraction above -1, e.g. 0.0436 for 4.36%',
    ]);
  });

  it('names missing columns and refuses more rows than there are ICBs', () => {
    const noSource = parseAllocationsCsv('ods_code,name\nQAA,Alpha\n', 't.csv');
    expect(noSource.ok || noSource.problems[0]).toBe('t.csv:1: missing column(s): region, core_recurrent, core_distance_from_target, source_status, source');
    const many = [HEADER, ...Array.from({ length: 43 }, (_, i) => `Q${String(i).padStart(2, '0')},N${i},R,1,0,illustrative,illustrative x`)];
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
