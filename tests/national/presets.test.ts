/**
 * ICB presets: matching an ICB by name, splitting its allocation into lines, the shipped preset
 * files, and a sample of the national batch through the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { Dec } from '../../src/model/decimal.js';
import {
  findIcb,
  LINE_PLAN,
  MONEY_COLUMNS,
  presetSlug,
  presetYaml,
  splitAllocation,
  totalAllocation,
  type IcbRow,
  type MoneyColumn,
} from '../../src/model/presets.js';
import { runScenario } from '../../src/model/run.js';
import { PRESETS, shippedRows } from './helpers.js';
const rows = shippedRows();
const byCode = (code: string) => rows.find((r) => r.code === code) as IcbRow;

describe('finding an ICB', () => {
  const found = (q: string) => {
    const m = findIcb(rows, q);
    return m.ok ? m.row.code : m;
  };

  it('by code, exact name, or a unique part of the name, ignoring case, NHS/ICB and &', () => {
    expect(found('QUE')).toBe('QUE');
    expect(found('que')).toBe('QUE');
    expect(found('Cambridgeshire and Peterborough')).toBe('QUE');
    expect(found('NHS Cambridgeshire & Peterborough ICB')).toBe('QUE');
    expect(found('cambridgeshire')).toBe('QUE');
    expect(found('Somerset')).toBe('QSL'); // the exact name wins over BSW's and BNSSG's "Somerset"
    expect(found('north central london')).toBe('QMJ');
  });

  it('suggests the ICB a typo meant, and lists the candidates of an ambiguous name', () => {
    const typo = findIcb(rows, 'Cambrigeshire and Peterbrough');
    expect(typo.ok || (typo.reason === 'unknown' && typo.suggestion?.code)).toBe('QUE');
    const london = findIcb(rows, 'London');
    expect(london.ok || (london.reason === 'ambiguous' && london.candidates.map((r) => r.code))).toEqual([
      'QMJ', 'QMF', 'QRV', 'QKK', 'QWE',
    ]);
    const none = findIcb(rows, 'Narnia and the Lantern Waste');
    expect(none.ok || (none.reason === 'unknown' && none.suggestion)).toBeUndefined();
  });
});

describe('splitting an allocation into spending lines', () => {
  it('gives each line its typical share to £10k, the pennies left over by largest remainder', () => {
    // Core services 1808.2 = 180,820 units of £0.01m. Exact shares in units: acute 52% = 94,026.4,
    // community 12% = 21,698.4, mental health 13% = 23,506.6, prescribing 10% = 18,082.0, social
    // care 6% = 10,849.2, prevention 1% = 1,808.2, other 6% = 10,849.2. The floors add to 180,818,
    // so 2 units go to the largest remainders: mental health (.6), then acute (.4, listed before
    // community's equal .4).
    const split = splitAllocation(byCode('QUE').money);
    expect(Object.fromEntries([...split].map(([k, v]) => [k, v.toFixed(2)]))).toEqual({
      acute: '940.27', community: '216.98', mental_health: '235.07', prescribing: '180.82',
      social_care: '108.49', prevention: '18.08', other: '108.49',
      specialised: '250.00', primary_medical: '187.90', running: '37.50',
    });
  });

  it('always adds up to the allocation exactly, each line within £0.01m of its exact share', () => {
    const amount = fc.integer({ min: 1, max: 10_000_000 }).map((n) => new Dec(n).dividedBy(10));
    fc.assert(
      fc.property(fc.tuple(amount, amount, amount, amount), (parts) => {
        const money = Object.fromEntries(MONEY_COLUMNS.map((c, i) => [c, parts[i]])) as Record<MoneyColumn, Dec>;
        const split = splitAllocation(money);
        const sum = [...split.values()].reduce((a, b) => a.plus(b), new Dec(0));
        expect(sum.eq(totalAllocation({ money } as IcbRow))).toBe(true);
        for (const p of LINE_PLAN) {
          const exact = money[p.from].times(p.share);
          expect((split.get(p.name) as Dec).minus(exact).abs().lte('0.01')).toBe(true);
        }
      }),
    );
  });

  it('uses shares that sum to 100% of each allocation column', () => {
    for (const c of MONEY_COLUMNS) {
      const sum = LINE_PLAN.filter((p) => p.from === c).reduce((a, p) => a.plus(p.share), new Dec(0));
      expect(sum.toFixed(), c).toBe('1');
    }
  });
});

describe('the shipped presets', () => {
  const files = readdirSync(PRESETS).filter((f) => f.endsWith('.yaml')).sort();

  it('are one per ICB of the table, each exactly what `icbsim init --icb` writes today', () => {
    expect(files).toEqual(rows.map((r) => `${presetSlug(r.name)}.yaml`).sort());
    for (const r of rows) {
      const expected = presetYaml(r, { extendsPath: '../national/planning-2025-26.yaml', schemaPath: '../../schema/scenario.schema.json' });
      expect(readFileSync(join(PRESETS, `${presetSlug(r.name)}.yaml`), 'utf8'), r.code).toBe(expected);
    }
  });
});

describe('the national batch, on a sample of presets', () => {
  // One ICB from each region: every preset shares one set of national assumptions.
  const sample = ['QUE', 'QOP', 'QKK', 'QJK', 'QHM', 'QHL', 'QKS'];

  it.each(sample)('%s loads through extends, runs, and meets the national rules', (code) => {
    const row = byCode(code);
    const loaded = loadScenario(join(PRESETS, `${presetSlug(row.name)}.yaml`));
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    expect(loaded.scenario.chain.at(-1)).toMatch(/national[/\\]planning-2025-26\.yaml$/);
    const result = runScenario(loaded.scenario.spec, loaded.scenario.name);
    expect(result.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31']);
    const base = result.years[0]!.metrics;
    // The base year spends the whole allocation: lines are split from it to the penny.
    expect(base.income!.toFixed(1)).toBe(totalAllocation(row).toFixed(1));
    expect(base.icb_surplus!.isZero()).toBe(true);
    for (const y of result.years.slice(1)) {
      const m = y.metrics;
      expect(m.income!.minus(m.spend!).eq(m.icb_surplus!)).toBe(true);
      expect(m.icb_surplus!.gte(0), `${code} ${y.year} breakeven`).toBe(true);
      expect(m['growth.mental_health']!.gte(m.allocation_growth!), `${code} ${y.year} MHIS`).toBe(true);
    }
  });

  it('halves running costs in 2026/27 and grows the allocation by 3%, by hand for QUE', () => {
    const loaded = loadScenario(join(PRESETS, 'cambridgeshire-and-peterborough.yaml'));
    if (!loaded.ok) throw new Error('QUE preset does not load');
    const y1 = runScenario(loaded.scenario.spec).years[1]!.metrics;
    // Allocation: 2283.6 × 1.03 = 2352.108.
    expect(y1.allocation!.toFixed()).toBe('2352.108');
    // Running costs: uncut path 37.5 × (1.025 × 1.025 × (1 − 2% × 100%)) = 37.5 × 1.0296125
    // = 38.61046875; halved = 19.305234375, which rounds half-even to the £m penny (8 places) as
    // 19.30523438.
    expect(y1['spend.running']!.toFixed()).toBe('19.30523438');
    // Social care grows at the Better Care Fund rate alone (3.0%, no demand or efficiency):
    // 108.49 × 1.03 = 111.7447.
    expect(y1['spend.social_care']!.toFixed()).toBe('111.7447');
  });
});
