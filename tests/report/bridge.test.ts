/** The report's bridges (waterfalls) and the side-by-side headline table, checked against hand figures. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, icbsim, tempDir } from './helpers.js';

const TINY = join(FIXTURES, 'tiny.yaml');

/** The cells of each row of the table captioned `caption`, by row header. */
function rows(html: string, caption: string): Map<string, string[]> {
  const table = html.split('<table').find((t) => t.includes(`<caption>${caption}`));
  expect(table, `table "${caption}"`).toBeDefined();
  const body = table!.slice(0, table!.indexOf('</table>'));
  return new Map(
    [...body.matchAll(/<tr><th scope="row">([^<]*)<\/th>(.*?)<\/tr>/g)].map((m) => [m[1]!, [...m[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((c) => c[1]!)]),
  );
}

describe('each scenario gets a bridge of the ICB surplus and of the system surplus', async () => {
  const html = (await icbsim(['report', TINY])).stdout;
  const svg = (id: string): string => html.slice(html.indexOf(`<svg class="chart waterfall" id="${id}"`), html.indexOf('</svg>', html.indexOf(`id="${id}"`)));

  it('ICB surplus: one bar per driver, labelled, with running totals in the table', () => {
    // Tiny: surplus 100 − 90 = 10 → 121 − 60 − 33.075 = 27.925. Allocation 100 → 121: +21.
    // Inflation: acute need 60 → 66.15 and community 30 → 33.075: −9.225 (shown −9.2). The flat-cash
    // gap grows 0 → 6.15 (+6.2). Running: 10 + 21 = 31; − 9.225 = 21.775; + 6.15 = 27.925.
    expect([...rows(html, 'ICB surplus/(deficit): bridge from 2025/26 to 2027/28: the figures (£m)')]).toEqual([
      ['2025/26 ICB surplus/(deficit)', ['', '10.0']],
      ['Allocation growth', ['+21.0', '31.0']],
      ['Inflation', ['-9.2', '21.8']],
      ['Flat-cash uplift below need', ['+6.2', '27.9']],
      ['2027/28 ICB surplus/(deficit)', ['', '27.9']],
    ]);
    // Line by line: acute's need 60 → 66.15; community 30 → 33.075 (33.1 less 30: 3.075 → 3.1).
    expect([...rows(html, 'Line by line (£m)')].slice(0, 4)).toEqual([
      ['Allocation growth', ['+21.0']],
      ['Acute trust: inflation', ['-6.2']],
      ['Acute trust: flat-cash uplift below need', ['+6.2']],
      ['community: inflation', ['-3.1']],
    ]);
    const chart = svg('s1-bridge-icb');
    expect(chart).toContain('role="img" aria-labelledby="s1-bridge-icb-title s1-bridge-icb-desc"');
    expect(chart).toContain('<title id="s1-bridge-icb-title">ICB surplus/(deficit): bridge from 2025/26 to 2027/28</title>');
    expect(chart).toContain('ICB surplus/(deficit) of 10.0 in 2025/26, then one bar per driver, ending at 27.9 in 2027/28. Allocation growth +21.0; Inflation -9.2; Flat-cash uplift below need +6.2.');
    // Five bars, each with its figure written beside it and as a tooltip.
    expect(chart.match(/<rect /g)).toHaveLength(5);
    expect(chart).toContain('<title>Inflation: -9.2</title>');
    expect(chart).toMatch(/<text class="wf-value"[^>]*>\+21\.0<\/text>/);
  });

  it('system surplus: the flat-cash gap is no saving, so no bar', () => {
    // 10 → 27.925 − 6.15 = 21.775: +21 − 9.225.
    expect([...rows(html, 'System surplus: bridge from 2025/26 to 2027/28: the figures (£m)').keys()]).toEqual([
      '2025/26 System surplus',
      'Allocation growth',
      'Inflation',
      '2027/28 System surplus',
    ]);
    expect(rows(html, 'System surplus: bridge from 2025/26 to 2027/28: the figures (£m)').get('2027/28 System surplus')).toEqual(['', '21.8']);
  });
});

describe('the side-by-side view opens with a headline table', async () => {
  const dir = tempDir();
  // A second plan with the shipped providers: base.yaml's two illustrative trusts.
  const withProviders = join(dir, 'providers.yaml');
  writeFileSync(withProviders, `extends: ${join(REPO, 'scenarios', 'base.yaml')}\nname: Base with providers\nunits: £m\n`);
  const html = (await icbsim(['report', TINY, withProviders])).stdout;
  const compare = html.slice(html.indexOf('<section id="compare"'), html.indexOf('</section>', html.indexOf('<section id="compare"')));
  const table = rows(compare, 'Where each scenario ends up (money in £m; cumulative: every projection year, the base year not included)');

  it('comes before any chart', () => {
    expect(compare.indexOf('<table class="data headline">')).toBeGreaterThan(0);
    expect(compare.indexOf('<table class="data headline">')).toBeLessThan(compare.indexOf('<svg'));
  });

  it('gives the final year and the cumulative position, worked by hand for Tiny', () => {
    expect(table.get('Final year')).toEqual(['2027/28', '2030/31']);
    // ICB: 27.925 in 2027/28; cumulative 18.5 + 27.925 = 46.425.
    expect(table.get('ICB surplus/(deficit), final year')?.[0]).toBe('27.9');
    expect(table.get('ICB surplus/(deficit), cumulative to the final year')?.[0]).toBe('46.4');
    // System: 27.925 − 6.15 = 21.775; cumulative (18.5 − 3) + 21.775 = 37.275.
    expect(table.get('System surplus/(deficit), final year')?.[0]).toBe('21.8');
    expect(table.get('System surplus/(deficit), cumulative to the final year')?.[0]).toBe('37.3');
    // Care: 33.075 / 93.075 = 35.54%, against a 35% target; base.yaml sets none.
    expect(table.get('Care closer to home, final year')?.[0]).toBe('35.54%');
    expect(table.get('Care-shift target')).toEqual(['35.00%', 'none set']);
    expect(table.get('Against the target')).toEqual(['met', '–']);
  });

  it('has a row pair for each provider, blank for a scenario without it', () => {
    const providerRows = [...table.keys()].filter((k) => k.includes('NHS'));
    expect(providerRows.length).toBe(4);
    for (const k of providerRows) {
      expect(table.get(k)![0]).toBe('–');
      expect(table.get(k)![1]).toMatch(/^-?[\d,]+\.\d$/);
    }
  });
});
