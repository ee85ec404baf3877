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
import { PRESET_PATHS, presetFiles } from '../../scripts/allocations/presets.js';
import { findIcb, LINE_PLAN, presetAllocation, presetSlug, presetYaml, splitAllocation, type IcbRow } from '../../src/model/presets.js';
import { runScenario } from '../../src/model/run.js';
import { CSV_FILE, PRESETS, shippedRows } from './helpers.js';
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
  it('gives each line its typical share to £1k, the odd thousands left over by largest remainder', () => {
    // QUE's core services recurrent allocation 1,718,185 £k = 1718.185 £m = 1,718,185 units of
    // £0.001m. Exact shares in units: acute 52% = 893,456.2, community 12% = 206,182.2, mental
    // health 13% = 223,364.05, prescribing 10% = 171,818.5, social care 6% = 103,091.1, prevention
    // 1% = 17,181.85, other 6% = 103,091.1. The floors add to 1,718,183, so 2 units go to the
    // largest remainders: prevention (.85), then prescribing (.5).
    const split = splitAllocation(presetAllocation(byCode('QUE')));
    expect(Object.fromEntries([...split].map(([k, v]) => [k, v.toFixed(3)]))).toEqual({
      acute: '893.456', community: '206.182', mental_health: '223.364', prescribing: '171.819',
      social_care: '103.091', prevention: '17.182', other: '103.091',
    });
  });

  it('always adds up to the allocation exactly, each line within one step of its exact share', () => {
    const amount = fc.tuple(fc.integer({ min: 1, max: 100_000_000 }), fc.integer({ min: 0, max: 5 })).map(([n, places]) => new Dec(n).dividedBy(new Dec(10).pow(places)));
    fc.assert(
      fc.property(amount, (total) => {
        const split = splitAllocation(total);
        const sum = [...split.values()].reduce((a, b) => a.plus(b), new Dec(0));
        expect(sum.eq(total)).toBe(true);
        const step = new Dec(1).dividedBy(new Dec(10).pow(total.decimalPlaces()));
        for (const p of LINE_PLAN) expect((split.get(p.name) as Dec).minus(total.times(p.share)).abs().lte(step)).toBe(true);
      }),
    );
  });

  it('uses shares that sum to 100% of the allocation', () => {
    expect(LINE_PLAN.reduce((a, p) => a.plus(p.share), new Dec(0)).toFixed()).toBe('1');
  });
});

describe('the shipped presets', () => {
  const files = readdirSync(PRESETS).filter((f) => f.endsWith('.yaml')).sort();

  it('are one per ICB of the table, each exactly what `npm run data` and `icbsim init --icb` write', () => {
    expect(files).toEqual(rows.map((r) => `${presetSlug(r.name)}.yaml`).sort());
    const made = presetFiles(readFileSync(CSV_FILE, 'utf8'));
    for (const r of rows) {
      const file = `${presetSlug(r.name)}.yaml`;
      expect(readFileSync(join(PRESETS, file), 'utf8'), r.code).toBe(made.get(file));
      expect(made.get(file)).toBe(presetYaml(r, PRESET_PATHS));
    }
  });

  it('carry the published allocation and distance from target, and say the line split is illustrative', () => {
    const text = readFileSync(join(PRESETS, 'lancashire-and-south-cumbria.yaml'), 'utf8');
    expect(text).toContain('  recurrent: 3910.716   # £m, 2025/26 core services recurrent allocation');
    expect(text).toContain('    distance_from_target: 4.363915281558883%   # after the 2025/26 convergence');
    expect(text).toMatch(/its split into spending lines is ILLUSTRATIVE/);
    expect(text).toMatch(/Distance from target: 2024\/25 \+4\.90%; 2025\/26 convergence −0\.50%; after it \+4\.36%\./);
  });
});

describe('the national batch, on a sample of presets', () => {
  // One ICB from each region, above and below target: every preset shares one set of national assumptions.
  const sample = ['QUE', 'QOP', 'QKK', 'QJK', 'QHM', 'QHL', 'QRV', 'QWO'];

  it.each(sample)('%s loads through extends, runs, and converges towards its fair share', (code) => {
    const row = byCode(code);
    const loaded = loadScenario(join(PRESETS, `${presetSlug(row.name)}.yaml`));
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    expect(loaded.scenario.chain.at(-1)).toMatch(/national[/\\]planning-2025-26\.yaml$/);
    const result = runScenario(loaded.scenario.spec, loaded.scenario.name);
    expect(result.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28', '2028/29', '2029/30', '2030/31']);
    const base = result.years[0]!.metrics;
    // The base year spends the whole allocation: lines are split from it exactly.
    expect(base.income!.eq(presetAllocation(row))).toBe(true);
    expect(base.icb_surplus!.isZero()).toBe(true);
    const fairShare = result.projection.fairShare!;
    expect(fairShare.distance[0]!.eq(row.distanceFromTarget)).toBe(true);
    let distance = row.distanceFromTarget;
    for (const [t, y] of result.years.entries()) {
      if (t === 0) continue;
      const m = y.metrics;
      const now = fairShare.distance[t]!;
      expect(m.income!.minus(m.spend!).eq(m.icb_surplus!)).toBe(true);
      // c_t = clamp(−19.62% × d_{t−1}, ±0.5%), on top of the 3% base growth.
      const raw = distance.times('-0.1962');
      const c = Dec.min(Dec.max(raw, '-0.005'), '0.005');
      expect(result.projection.convergence[t]!.eq(c), `${code} ${y.year}`).toBe(true);
      expect(m.allocation_growth!.eq(c.plus('0.03'))).toBe(true);
      // Each year closes part of the gap and never overshoots it.
      expect(now.abs().lt(distance.abs()), `${code} ${y.year}`).toBe(true);
      expect(now.times(distance).gte(0)).toBe(true);
      expect(m['growth.mental_health']!.gte(m.allocation_growth!), `${code} ${y.year} MHIS`).toBe(true);
      distance = now;
    }
  });

  it('moves QUE towards its target in 2026/27, by hand', () => {
    const loaded = loadScenario(join(PRESETS, 'cambridgeshire-and-peterborough.yaml'));
    if (!loaded.ok) throw new Error('QUE preset does not load');
    const run = runScenario(loaded.scenario.spec);
    const y1 = run.years[1]!.metrics;
    const { target, distance } = run.projection.fairShare!;
    // T_0 = 1718.185 / (1 + 0.020964444594664178) = 1682.903855366... → 1682.90385537 (£m penny).
    expect(target[0]!.toFixed()).toBe('1682.90385537');
    // c_1 = −19.62% × 0.020964444594664178 = −0.0041132240294731117236 (inside the 0.5% cap).
    expect(run.projection.convergence[1]!.toFixed()).toBe('-0.0041132240294731117236');
    // R_1 = 1718.185 × (1 + 3% − 0.00411322402947...) = 1762.66327017091974... → 1762.66327017.
    expect(y1!.allocation!.toFixed()).toBe('1762.66327017');
    // T_1 = 1682.90385537 × 1.03 = 1733.3909710311 → 1733.39097103; d_1 = 1762.66327017 / 1733.39097103 − 1.
    expect(target[1]!.toFixed()).toBe('1733.39097103');
    expect(distance[1]!.toFixed(10)).toBe('0.0168873033');
    // Social care grows at the Better Care Fund rate alone (3.0%, no demand or efficiency):
    // 103.091 × 1.03 = 106.18373.
    expect(y1!['spend.social_care']!.toFixed()).toBe('106.18373');
  });
});
