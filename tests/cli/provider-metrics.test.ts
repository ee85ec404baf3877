/**
 * Issue 11 item 2: every analysis command takes the provider metrics (MODEL.md "Providers"), on the
 * built binary. Figures by hand on a one-year plan: acute (1000) at flat cash with uplift u,
 * inflation i; northshire holds 62% of acute, so it is paid 62% × 1000 × (1 + u) and bears
 * 62% × 1000 × (1 + i) (its surplus 620 × (u − i)); southshire holds half of community, which is
 * funded in full, so it breaks even whatever happens to acute.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, spawnIcbsim, tempDir, writeScenario } from './helpers.js';

const plan = (name: string, uplift: string, assumptions = '{inflation: 3%}') => `
  name: ${name}
  base_year: 2025/26
  years: 1
  allocation: {recurrent: 1200, growth: 3%}
  assumptions: ${assumptions}
  lines:
    acute: {category: acute, spend: 1000}
    community: {category: community, spend: 200}
  policies:
    - {type: flat_cash, line: acute, uplift: ${uplift}}
  providers:
    northshire: {label: Northshire Hospitals, contracts: {acute: 62%}}
    southshire: {contracts: {community: 50%}}
`;

const dir = tempDir('icbsim-provider-metrics-');
const flat = writeScenario(dir, 'flat.yaml', plan('Flat cash', '0%'));
const real = writeScenario(dir, 'real.yaml', plan('Uplift 3%', '3%'));
const noProviders = writeScenario(dir, 'none.yaml', plan('No providers', '0%').replace(/\n  providers:[^]*$/, '\n'));

function json(args: string[]): any {
  const r = spawnIcbsim(args);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

/** One metric of one year from `run --format json`. */
function runFigure(file: string, metric: string, year: string): string {
  const out = json(['run', file, '--format', 'json']);
  return out.years.find((y: { year: string }) => y.year === year).metrics[metric];
}

describe('solve', () => {
  it('finds the uplift that keeps northshire at breakeven: 3% (620 × (u − 3%) ≥ 0)', () => {
    const out = json(['solve', flat, '--vary', 'policies.flat_cash.uplift', '--target', 'provider_surplus.northshire>=0', '--format', 'json']);
    expect(out).toMatchObject({ metric: 'provider_surplus.northshire', year: '2026/27', found: true, bound: 'at_least' });
    expect(out.value).toMatch(/^3(\.00)?%$/);
    expect(out.figure).toBe('0');
    // 2.99%: paid 62% × 1029.9 = 638.538, bears 62% × 1030 = 638.6: −0.062.
    expect(out.next).toEqual({ value: '2.99%', figure: '-0.062' });
  });

  it("answers the acute chief executive's question on the shipped blueprint, and the answer holds when re-run", () => {
    // cp-blueprint.yaml holds acute at flat cash plus inflation; it extends base.yaml beside it.
    const copy = (name: string) => copyFileSync(join(REPO, 'scenarios', name), join(dir, name));
    copy('base.yaml');
    copy('cp-blueprint.yaml');
    const blueprint = join(dir, 'cp-blueprint.yaml');
    const out = json(['solve', blueprint, '--vary', 'policies.flat_cash.uplift', '--target', 'provider_surplus.northshire>=0', '--format', 'json']);
    expect(out).toMatchObject({ metric: 'provider_surplus.northshire', year: '2030/31', found: true, bound: 'at_least' });
    const text = readFileSync(blueprint, 'utf8');
    expect(text).toContain('uplift: inflation');
    const at = (value: string) => {
      const file = writeScenario(dir, `cp-${value}.yaml`, text.replace('uplift: inflation', `uplift: ${value}`));
      return Number(runFigure(file, 'provider_surplus.northshire', '2030/31'));
    };
    // At the answer the trust breaks even in the final year; a step below it, it does not; and the
    // figures solve reports are the ones run gives at those values.
    const found = at(out.value);
    const below = at(out.next.value);
    expect(found).toBeGreaterThanOrEqual(0);
    expect(below).toBeLessThan(0);
    expect(found).toBe(Number(out.figure));
    expect(below).toBe(Number(out.next.figure));
    // The next value is one step (0.01%) below the answer.
    expect(Number.parseFloat(out.value) - Number.parseFloat(out.next.value)).toBeCloseTo(0.01, 10);
    // Inflation (2.5%) is not enough: at the shipped uplift the trust is in deficit.
    expect(Number.parseFloat(out.value)).toBeGreaterThan(2.5);
  });
});

describe('sweep', () => {
  it("moves northshire's surplus by 6.2 for each 1% of uplift, and leaves southshire's at 0", () => {
    const args = (metric: string) => ['sweep', flat, '--set', 'policies.flat_cash.uplift=0%..6%:1%', '--metric', metric, '--format', 'json'];
    const north = json(args('provider_surplus.northshire'));
    expect(north.metric).toBe('provider_surplus.northshire');
    // 620 × (u − 3%), u = 0%..6%.
    expect(north.points.map((p: { value: string }) => p.value)).toEqual(['-18.6', '-12.4', '-6.2', '0', '6.2', '12.4', '18.6']);
    const south = json(args('provider_surplus.southshire'));
    expect(south.points.map((p: { value: string }) => p.value)).toEqual(['0', '0', '0', '0', '0', '0', '0']);
    // The gap no modelled provider holds: 38% of the acute gap 1000 × (3% − u), negative once the
    // uplift passes inflation (the ICB then pays more than the need).
    const unheld = json(args('unheld_gap'));
    expect(unheld.points.map((p: { value: string }) => p.value)).toEqual(['11.4', '7.6', '3.8', '0', '-3.8', '-7.6', '-11.4']);
  });
});

describe('tornado', () => {
  it('ranks the inputs by how far they move a provider, not the ICB', () => {
    // Inflation 3%, demand 2%, uplift 1%: need 1000 × 1.03 × 1.02 = 1050.6, spend 1010.
    // Each input ± 1%: demand moves need by 1000 × 1.03 × 1% = 10.3 either way, a swing of
    // 62% × 20.6 = 12.772; inflation by 1000 × 1.02 × 1% = 10.2, 62% × 20.4 = 12.648; the uplift
    // moves spend by 10, 62% × 20 = 12.4; allocation growth moves nothing the trust is paid or bears.
    const file = writeScenario(dir, 'tornado.yaml', plan('Tornado', '1%', '{inflation: 3%, demand: 2%}'));
    const out = json(['tornado', file, '--metric', 'provider_surplus.northshire', '--format', 'json']);
    expect(out.metric).toBe('provider_surplus.northshire');
    // 62% × (1010 − 1050.6)
    expect(out.base).toBe('-25.172');
    expect(out.inputs.map((x: { input: string; swing: string }) => [x.input, x.swing])).toEqual([
      ['assumptions.demand', '12.772'],
      ['assumptions.inflation', '12.648'],
      ['policies.flat_cash.uplift', '12.4'],
      ['allocation.growth', '0'],
    ]);
    // For the ICB's own surplus, allocation growth (1200 × 1% either way) comes first.
    const icb = json(['tornado', file, '--metric', 'icb_surplus', '--format', 'json']);
    expect(icb.inputs[0]).toMatchObject({ input: 'allocation.growth', swing: '24' });
  });
});

describe('diff', () => {
  it("shows the trust's change: an uplift of inflation takes northshire from −18.6 to breakeven", () => {
    const out = json(['diff', flat, real, '--format', 'json']);
    const effect = (metric: string) =>
      out.effect.find((e: { metric: string; year: string }) => e.metric === metric && e.year === '2026/27');
    expect(effect('provider_surplus.northshire')).toMatchObject({ old: '-18.6', new: '0', delta: '18.6' });
    // Paid 620 → 638.6; it bears 638.6 either way.
    expect(effect('provider_income.northshire')).toMatchObject({ old: '620', new: '638.6', delta: '18.6' });
    expect(effect('provider_costs.northshire')).toMatchObject({ delta: '0' });
    // The acute gap of 30 was 62% northshire's, 38% (11.4) held outside the scenario.
    expect(effect('unheld_gap')).toMatchObject({ old: '11.4', new: '0', delta: '-11.4' });
    expect(effect('providers_surplus')).toMatchObject({ delta: '18.6' });
    expect(effect('provider_surplus.southshire')).toMatchObject({ delta: '0' });
    const text = spawnIcbsim(['diff', flat, real]);
    expect(text.stdout).toMatch(/│ provider_surplus\.northshire +│ old │/);
    expect(text.stdout).toMatch(/Unchanged in every year: .*provider_surplus\.southshire/);
  });
});

describe('batch', () => {
  it("writes each provider's rows for a scenario with providers, none for one without", () => {
    const r = spawnIcbsim(['batch', flat, real, noProviders, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout.trim().split('\n').map((l) => l.split(','));
    const figure = (scenario: string, metric: string) => rows.find((x) => x[0] === scenario && x[2] === '2026/27' && x[3] === metric)?.[4];
    expect(figure('Flat cash', 'provider_surplus.northshire')).toBe('-18.6');
    expect(figure('Flat cash', 'unheld_gap')).toBe('11.4');
    // 50% × community's 200 × 1.03
    expect(figure('Flat cash', 'provider_income.southshire')).toBe('103');
    expect(rows.filter((x) => x[0] === 'No providers' && x[3]!.startsWith('provider')).length).toBe(0);
    expect(rows.filter((x) => x[0] === 'No providers').length).toBeGreaterThan(0);
    // Every provider metric of the table, each year, both trusts: 4 families × 2 + 2, in 2 years.
    const providerRows = rows.filter((x) => x[1]!.endsWith('flat.yaml') && (x[3]!.startsWith('provider') || x[3] === 'unheld_gap'));
    expect(providerRows.length).toBe((4 * 2 + 2) * 2);
  });

  it('with --metric, only the rows asked for: a family pattern, a single metric, each scenario that reports them', () => {
    const r = spawnIcbsim(['batch', flat, real, noProviders, '--workers', '2', '--metric', 'provider_surplus.*', '--metric', 'unheld_gap']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const rows = r.stdout.trim().split('\n').map((l) => l.split(',').filter((_, i) => i !== 1).join(','));
    expect(rows).toEqual([
      'scenario,year,metric,value',
      'Flat cash,2025/26,provider_surplus.northshire,0',
      'Flat cash,2025/26,provider_surplus.southshire,0',
      'Flat cash,2025/26,unheld_gap,0',
      'Flat cash,2026/27,provider_surplus.northshire,-18.6',
      'Flat cash,2026/27,provider_surplus.southshire,0',
      'Flat cash,2026/27,unheld_gap,11.4',
      'Uplift 3%,2025/26,provider_surplus.northshire,0',
      'Uplift 3%,2025/26,provider_surplus.southshire,0',
      'Uplift 3%,2025/26,unheld_gap,0',
      'Uplift 3%,2026/27,provider_surplus.northshire,0',
      'Uplift 3%,2026/27,provider_surplus.southshire,0',
      'Uplift 3%,2026/27,unheld_gap,0',
    ]);
  });

  it('--metric: a misspelt name is refused before anything runs, a member no scenario has is warned of', () => {
    const bad = spawnIcbsim(['batch', flat, '--metric', 'provider_surplu.northshire']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('unknown metric `provider_surplu.northshire`: did you mean `provider_surplus.northshire`?');
    const none = spawnIcbsim(['batch', flat, '--metric', 'provider_surplus.eastshire', '--metric', 'icb_surplus']);
    expect(none.code).toBe(0);
    expect(none.stderr).toContain('no scenario that ran reports `provider_surplus.eastshire`');
    expect(none.stdout.trim().split('\n').slice(1).map((l) => l.split(',')[3])).toEqual(['icb_surplus', 'icb_surplus']);
    // A workbook holds every metric; --merge joins parts as they were written.
    expect(spawnIcbsim(['batch', flat, '--metric', 'icb_surplus', '--out', join(dir, 'x.xlsx')]).code).toBe(2);
    expect(spawnIcbsim(['batch', '--merge', flat, '--metric', 'icb_surplus']).code).toBe(2);
  });
});

describe('compare', () => {
  it('shows provider rows only when --metric asks, with the figures and the delta against a baseline', () => {
    const plainRows = spawnIcbsim(['compare', flat, real, '--format', 'csv']);
    expect(plainRows.code).toBe(0);
    expect(plainRows.stdout).not.toContain('provider');
    expect(plainRows.stdout).not.toContain('unheld');
    const r = spawnIcbsim(['compare', real, noProviders, '--baseline', flat, '--metric', 'provider_surplus.northshire', '--metric', 'unheld_gap', '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'metric,Flat cash (baseline),Uplift 3%,Uplift 3% Δ,No providers,No providers Δ',
      'year,2026/27,2026/27,,2026/27,',
      // a scenario without the trust has no figure for it, and no delta
      'provider_surplus.northshire,-18.6,0,18.6,,',
      'unheld_gap,11.4,0,-11.4,,',
    ]);
  });

  it('names the provider families when a metric is unknown', () => {
    const r = spawnIcbsim(['compare', flat, '--metric', 'provider_surplus.nowhere']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('per provider: provider_income.<provider>, provider_costs.<provider>, provider_surplus.<provider>');
  });
});
