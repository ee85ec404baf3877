/**
 * The report's organisations (MODEL.md "Providers"): the system surplus stacked by organisation,
 * the worst-placed provider, each provider across scenarios, and the SVG and HTML that draw them.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import type { RunResult } from '../../src/model/run.js';
import { providersAcross, systemStack, worstProvider, type SystemStack } from '../../src/report/organisations.js';
import { renderFigure } from '../../src/render/html/figure.js';
import { providerComparisonFigures, systemStackFigure, worstProviderCard } from '../../src/render/html/organisations.js';
import { keyFigures } from '../../src/render/html/report.js';
import { run, minimal, runValid, type Data } from '../model/helpers.js';
import { providerScenarioArb } from '../model/provider-arbitraries.js';
import { FIXTURES, REPO, icbsim, runFile } from './helpers.js';

/**
 * Two lines, 10% inflation, the acute line held at flat cash. Provider p holds half the acute line
 * and has other income 10 against other costs 12; q holds a quarter of acute and 40% of community.
 */
function handCase(
  providers: Data = {
    p: { label: 'Provider P', contracts: { a: '50%' }, other_income: '10', other_costs: '12' },
    q: { contracts: { a: '25%', b: '40%' } },
  },
  name = 'Hand case',
): RunResult {
  return run(
    minimal({
      name,
      assumptions: { inflation: '10%' },
      lines: { a: { category: 'acute', spend: '60' }, b: { category: 'community', spend: '30' } },
      policies: [{ type: 'flat_cash', line: 'a', uplift: '0%' }],
      providers,
    }),
  ).result;
}

const texts = (xs: readonly Dec[]): string[] => xs.map(decString);
const stackSums = (s: SystemStack): string[] => s.years.map((_, t) => decString(s.segments.reduce((a, seg) => a.plus(seg.values[t]!), new Dec(0))));

describe('systemStack: the system surplus by organisation', () => {
  it('splits a hand case into the ICB, each provider and the unheld gap, adding up to the system surplus', () => {
    const s = systemStack(handCase())!;
    expect(s.years).toEqual(['2025/26', '2026/27', '2027/28']);
    expect(s.segments.map((g) => [g.key, g.kind, g.label])).toEqual([
      ['icb', 'icb', 'ICB'],
      ['p', 'provider', 'Provider P'],
      ['q', 'provider', 'q'],
      ['unheld', 'unheld', 'Gap held by providers outside the scenario'],
    ]);
    // Need a: 60 → 66 → 72.6, spend held at 60 (gap 0, 6, 12.6); b: 30 → 33 → 36.3, funded in full.
    // ICB: 100 − 90 = 10; 100 − 93 = 7; 100 − 96.3 = 3.7.
    expect(texts(s.segments[0]!.values)).toEqual(['10', '7', '3.7']);
    // p: 50% × S_a + 10 − (50% × K_a + 12 × 1.1^t): 30 + 10 − 30 − 12 = −2; 30 + 10 − 33 − 13.2 = −6.2;
    // 30 + 10 − 36.3 − 14.52 = −10.82.
    expect(texts(s.segments[1]!.values)).toEqual(['-2', '-6.2', '-10.82']);
    // q: 25% × (S_a − K_a) (community is funded at need): 0; 0.25 × −6 = −1.5; 0.25 × −12.6 = −3.15.
    expect(texts(s.segments[2]!.values)).toEqual(['0', '-1.5', '-3.15']);
    // Unheld: the gap less what p and q hold of it: 0; −(6 − 3 − 1.5) = −1.5; −(12.6 − 6.3 − 3.15) = −3.15.
    expect(texts(s.segments[3]!.values)).toEqual(['0', '-1.5', '-3.15']);
    // System: P − ΣG + Σ(O − C): 10 − 0 − 2 = 8; 7 − 6 − 3.2 = −2.2; 3.7 − 12.6 − 4.52 = −13.42.
    expect(texts(s.system)).toEqual(['8', '-2.2', '-13.42']);
    expect(stackSums(s)).toEqual(texts(s.system));
    expect(s.unheldZero).toBe(false);
  });

  it('leaves the unheld gap out when the providers hold every penny of it', () => {
    // p and q together hold all of the flat-cash line: nothing falls outside the scenario.
    const s = systemStack(handCase({ p: { contracts: { a: '70%' } }, q: { contracts: { a: '30%' } } }))!;
    expect(s.unheldZero).toBe(true);
    expect(s.segments.map((g) => g.key)).toEqual(['icb', 'p', 'q']);
    // p: 70% of −6 and −12.6; q: 30% of them. System: 7 − 6 = 1; 3.7 − 12.6 = −8.9.
    expect(texts(s.segments[1]!.values)).toEqual(['0', '-4.2', '-8.82']);
    expect(texts(s.segments[2]!.values)).toEqual(['0', '-1.8', '-3.78']);
    expect(texts(s.system)).toEqual(['10', '1', '-8.9']);
    expect(stackSums(s)).toEqual(texts(s.system));
  });

  it('adds up to the penny for base.yaml, whose figures are hand-checked for two years', () => {
    const s = systemStack(runFile(join(REPO, 'scenarios', 'base.yaml')))!;
    const by = (key: string): string[] => texts(s.segments.find((g) => g.key === key)!.values);
    // 2025/26: ICB 2,012 − 2,000 = 12; each trust's contracts are funded at need, so its surplus is
    // its other income less other costs: 210 − 214 = −4 and 45 − 45 = 0. System 12 − 4 = 8.
    // 2026/27, northshire: 210 × 1.023 = 214.83 less 214 × 1.025 × 1.015 × (1 − 2% × 85%) = 218.85536575:
    // −4.02536575. northshire_care: 45 × 1.023 = 46.035 less 45 × 1.025 × 1.015 × (1 − 2.2% × 85%)
    // = 45.9413994375 → 45.94139944 (half-even to the penny in £m): 0.09360056.
    expect(by('icb').slice(0, 2)).toEqual(['12', '-0.11563835']);
    expect(by('northshire').slice(0, 2)).toEqual(['-4', '-4.02536575']);
    expect(by('northshire_care').slice(0, 2)).toEqual(['0', '0.09360056']);
    // No line of base.yaml is held below need: no gap, so no unheld segment.
    expect(s.unheldZero).toBe(true);
    expect(texts(s.system).slice(0, 2)).toEqual(['8', '-4.04740354']);
    expect(stackSums(s)).toEqual(texts(s.system));
    expect(s.years).toHaveLength(6);
  });

  it('is undefined for a scenario without providers', () => {
    expect(systemStack(run(minimal()).result)).toBeUndefined();
  });

  it('sums to the system surplus exactly, every year, for generated scenarios with providers (property)', () => {
    fc.assert(
      fc.property(providerScenarioArb, (data) => {
        const r = runValid(data);
        const s = systemStack(r)!;
        expect(stackSums(s)).toEqual(texts(s.system));
        expect(texts(s.system)).toEqual(r.years.map((y) => decString(y.metrics.system_surplus!)));
        // One segment per provider, and the unheld gap exactly when some year has one.
        expect(s.segments.filter((g) => g.kind === 'provider').map((g) => g.key)).toEqual(Object.keys(data.providers as object));
        expect(s.unheldZero).toBe(r.years.every((y) => y.metrics.unheld_gap!.isZero()));
        // Worst placed: no provider ends lower, and the tie list is exactly those that end on it.
        const w = worstProvider(r)!;
        const last = r.years.at(-1)!.metrics;
        const names = Object.keys(data.providers as object);
        for (const n of names) expect(last[`provider_surplus.${n}`]!.greaterThanOrEqualTo(w.surplus)).toBe(true);
        expect(w.providers.map((p) => p.name)).toEqual(names.filter((n) => last[`provider_surplus.${n}`]!.equals(w.surplus)));
      }),
      { numRuns: 60 },
    );
  });
});

describe('worstProvider: the lowest surplus in the final year', () => {
  it('names the provider with the lowest final-year surplus, with the year and figure', () => {
    // p ends on −10.82, q on −3.15 (above).
    const w = worstProvider(handCase())!;
    expect(w.year).toBe('2027/28');
    expect(decString(w.surplus)).toBe('-10.82');
    expect(w.providers).toEqual([{ name: 'p', label: 'Provider P' }]);
    expect(worstProviderCard(handCase())).toEqual({ label: 'Worst-placed provider: lowest surplus/(deficit) in 2027/28', value: w.surplus, who: 'Provider P' });
  });

  it('names every provider in a tie, in the scenario order', () => {
    // x and y hold the same 20% of the acute line: each ends on 20% × (60 − 72.6) = −2.52; z holds none: 0.
    const r = handCase({ y: { label: 'Trust Y', contracts: { a: '20%' } }, x: { contracts: { a: '20%' } }, z: { contracts: { b: '10%' } } });
    const w = worstProvider(r)!;
    expect(decString(w.surplus)).toBe('-2.52');
    expect(w.providers.map((p) => p.name)).toEqual(['y', 'x']);
    expect(worstProviderCard(r)!.who).toBe('Trust Y and x, tied');
  });

  it('is undefined without providers, and the key figures then have no provider card', () => {
    const r = run(minimal()).result;
    expect(worstProvider(r)).toBeUndefined();
    expect(worstProviderCard(r)).toBeUndefined();
    expect(keyFigures(r)).not.toContain('Worst-placed');
    expect(keyFigures(r).match(/role="listitem"/g)).toHaveLength(4);
  });

  it('adds the card to the key figures, styled as the others: label, figure as a board paper writes it, the provider', () => {
    const html = keyFigures(handCase());
    expect(html.match(/role="listitem"/g)).toHaveLength(5);
    expect(html).toContain(
      '<div class="card" role="listitem"><div class="label">Worst-placed provider: lowest surplus/(deficit) in 2027/28</div>' +
        '<div class="value neg">-£10.8m</div><div class="who">Provider P</div></div>',
    );
  });
});

describe('the stacked system chart', () => {
  const r = handCase();
  const html = renderFigure(systemStackFigure(r, 'x-system')!);

  it('draws a bar segment per organisation per year, with its figure as a tooltip', () => {
    const rects = [...html.matchAll(/<rect [^>]*fill="([^"]+)"><title>([^<]+)<\/title><\/rect>/g)].map((m) => m[2]);
    const s = systemStack(r)!;
    const expected = s.years.flatMap((year, t) =>
      s.segments.filter((g) => !g.values[t]!.isZero()).map((g) => `${year}, ${g.label}: ${g.values[t]!.toDecimalPlaces(1, Dec.ROUND_HALF_EVEN).toFixed(1)}`),
    );
    // Zero figures draw nothing; every other segment is there once: 2 in 2025/26 (ICB 10, P −2), 4 in each later year.
    expect(expected).toHaveLength(10);
    expect(rects).toEqual(expected);
  });

  it('marks the system surplus on every year, in the system colour, over the bars', () => {
    const total = html.split('<g class="total">')[1]!.split('</g>')[0]!;
    expect([...total.matchAll(/<circle [^>]*fill="#EE7733"><title>([^<]+)<\/title>/g)].map((m) => m[1])).toEqual([
      '2025/26, System surplus/(deficit): 8.0',
      '2026/27, System surplus/(deficit): -2.2',
      '2027/28, System surplus/(deficit): -13.4',
    ]);
    expect(html.indexOf('<g class="total">')).toBeGreaterThan(html.indexOf('<g class="bars stacked">'));
  });

  it('is an accessible image with a zero line, a legend for each part and a data table with the total', () => {
    expect(html).toMatch(/<svg class="chart" id="x-system" role="img" aria-labelledby="x-system-title x-system-desc"/);
    expect(html).toContain('<line class="zero"');
    const legend = html.split('<g class="legend">')[1]!.split('</g>')[0]!;
    expect([...legend.matchAll(/<text [^>]*>([^<]+)<\/text>/g)].map((m) => m[1])).toEqual([
      'ICB',
      'Provider P',
      'q',
      'Gap held by providers outside the scenario',
      'System surplus/(deficit)',
    ]);
    expect(html).toContain('<th scope="row">System surplus/(deficit)</th><td>8.0</td><td class="neg">-2.2</td><td class="neg">-13.4</td>');
    expect(html).toContain('<th scope="row">Provider P</th><td class="neg">-2.0</td><td class="neg">-6.2</td><td class="neg">-10.8</td>');
  });

  it('says colours repeat past eight providers, and not before', () => {
    const many = (n: number): RunResult => handCase(Object.fromEntries(Array.from({ length: n }, (_, k) => [`t${k}`, { contracts: { b: '10%' } }])));
    expect(systemStackFigure(many(8), 'x')!.caption).not.toContain('colours repeat');
    expect(systemStackFigure(many(9), 'x')!.caption).toContain('With more than 8 providers colours repeat: the data table names every figure.');
    // The ninth trust takes the first trust's colour; the ICB keeps its own.
    const colors = systemStackFigure(many(9), 'x')!.spec.series.map((s) => s.color);
    expect(colors[9]).toBe(colors[1]);
    expect(colors[0]).toBe('#0077BB');
  });

  it('is not drawn for a scenario without providers', () => {
    expect(systemStackFigure(run(minimal()).result, 'x')).toBeUndefined();
  });
});

describe('each provider across scenarios', () => {
  const withPQ = handCase();
  const withQ = handCase({ q: { contracts: { a: '25%', b: '40%' } } }, 'Only Q');
  const none = run(minimal({ name: 'No providers', years: '3' })).result;
  const years = ['2025/26', '2026/27', '2027/28', '2028/29'];

  it('gives each provider one series per scenario that has it, over the union of the years', () => {
    const across = providersAcross([none, withPQ, withQ], years);
    expect(across.map((p) => [p.name, p.label])).toEqual([
      ['p', 'Provider P'],
      ['q', 'q'],
    ]);
    expect(across[0]!.scenarios.map((s) => s.index)).toEqual([1]);
    // q is the same in both (its figures depend only on its own contracts): 0, −1.5, −3.15, and no 2028/29.
    expect(across[1]!.scenarios.map((s) => [s.index, s.values.map((d) => (d ? decString(d) : '–'))])).toEqual([
      [1, ['0', '-1.5', '-3.15', '–']],
      [2, ['0', '-1.5', '-3.15', '–']],
    ]);
  });

  it('draws one chart per provider, coloured as the scenario is everywhere else, naming the scenarios without it', () => {
    const { figures, same } = providerComparisonFigures([none, withPQ, withQ], years, 'cmp');
    expect(figures.map((f) => f.spec.id)).toEqual(['cmp-provider-p', 'cmp-provider-q']);
    expect(same).toEqual([]);
    expect(figures[0]!.spec.series.map((s) => s.color)).toEqual(['#EE7733']);
    expect(figures[1]!.spec.series.map((s) => s.color)).toEqual(['#EE7733', '#009988']);
    expect(figures[0]!.caption).toContain('Not in No providers, Only Q.');
    expect(figures[1]!.caption).toContain('Not in No providers. Every scenario that has it has the same figures.');
    expect(providerComparisonFigures([none, none], years, 'cmp')).toEqual({ figures: [], same: [] });
  });

  it('leaves out a provider whose figures are the same in every scenario, naming it instead', () => {
    // q ends on the same figures with or without p beside it.
    const { figures, same } = providerComparisonFigures([withPQ, withQ], years, 'cmp');
    expect(figures.map((f) => f.spec.id)).toEqual(['cmp-provider-p']);
    expect(same).toEqual(['q: surplus/(deficit)']);
    expect(providersAcross([withPQ, withQ], years).map((p) => p.same)).toEqual([false, true]);
    // One scenario alone is never "the same in every scenario".
    expect(providersAcross([withPQ], years).map((p) => p.same)).toEqual([false, false]);
  });
});

describe('icbsim report with providers', async () => {
  const CP = join(REPO, 'scenarios', 'cp-blueprint.yaml');
  const single = (await icbsim(['report', CP])).stdout;
  const many = (await icbsim(['report', join(FIXTURES, 'tiny.yaml'), CP])).stdout;
  const plain = (await icbsim(['report', join(FIXTURES, 'tiny.yaml'), join(FIXTURES, 'uncertain.yaml')])).stdout;
  const ids = (html: string): string[] => [...html.matchAll(/<svg class="chart[^"]*" id="([^"]+)"/g)].map((m) => m[1]!);

  it('draws the system by organisation after the surplus chart, with the worst-placed provider card', () => {
    expect(ids(single).slice(0, 2)).toEqual(['s1-surplus', 's1-system']);
    // cp-blueprint ends with the acute trust worst placed (run's System block: −55.7 in 2030/31).
    expect(single).toContain(
      '<div class="label">Worst-placed provider: lowest surplus/(deficit) in 2030/31</div><div class="value neg">-£55.7m</div><div class="who">Northshire Hospitals NHS FT (illustrative)</div>',
    );
    // Its acute contract is held below need, and not all of it is the trusts': the unheld gap is drawn.
    expect(single).toMatch(/<title>2030\/31, Gap held by providers outside the scenario: -12\.9<\/title>/);
  });

  it("shows each provider's surplus side by side, and nothing for a scenario without providers", () => {
    expect(ids(many).filter((i) => i.startsWith('cmp-provider-'))).toEqual(['cmp-provider-northshire', 'cmp-provider-northshire_care']);
    expect(many).toContain('Not in Tiny ICB.');
    expect(many).toContain('<h3 id="compare-providers">Each provider under each scenario</h3>');
    // tiny.yaml (section 1) has no providers: no system chart and no provider card in its section.
    const tiny = many.split('<section id="s1"')[1]!.split('<section id="s2"')[0]!;
    expect(tiny).not.toContain('s1-system');
    expect(tiny).not.toContain('Worst-placed');
    expect(ids(many)).toContain('s2-system');
    expect(plain).not.toContain('compare-providers');
    expect(ids(plain).filter((i) => /^s\d+-system$/.test(i))).toEqual([]);
    expect(plain).not.toContain('Worst-placed');
  });

  it('names a provider the same in every scenario in the note, rather than drawing it', async () => {
    // The community trust's contracts are funded at need in both plans: the same figures every year.
    const both = (await icbsim(['report', join(REPO, 'scenarios', 'default.yaml'), CP])).stdout;
    expect(ids(both).filter((i) => i.startsWith('cmp-provider-'))).toEqual(['cmp-provider-northshire']);
    expect(both).toMatch(/<p class="note">The same in every scenario, so not drawn: [^<]*Northshire Community and Mental Health NHS Trust \(illustrative\): surplus\/\(deficit\)\.<\/p>/);
  });

  it('gives the same bytes for the same files', async () => {
    expect((await icbsim(['report', CP])).stdout).toBe(single);
  });
});
