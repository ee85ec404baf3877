/** Every format tells the same story: property tests over generated scenarios. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { renderCsv } from '../../src/render/csv.js';
import { formatMoney } from '../../src/render/format.js';
import { renderJson } from '../../src/render/json.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { renderTable } from '../../src/render/table.js';
import { result } from './fixture.js';

const money = fc.integer({ min: 0, max: 500_000_00 }).map((p) => (p / 100).toFixed(2));
const pct = fc.integer({ min: -300, max: 900 }).map((bp) => `${(bp / 100).toFixed(2)}%`);
const categories = ['acute', 'community', 'primary', 'mental_health', 'prevention', 'running', 'other'] as const;

const scenario = fc
  .record({
    units: fc.constantFrom('£', '£k', '£m'),
    years: fc.integer({ min: 1, max: 6 }),
    recurrent: money,
    growth: pct,
    inflation: pct,
    lines: fc.uniqueArray(
      fc.record({ name: fc.stringMatching(/^[a-z][a-z0-9_]{0,8}$/), category: fc.constantFrom(...categories), spend: money }),
      { minLength: 1, maxLength: 4, selector: (l) => l.name },
    ),
    flat: fc.boolean(),
  })
  .map((s) => ({
    name: 'Generated',
    units: s.units,
    base_year: '2025/26',
    years: String(s.years),
    allocation: { recurrent: s.recurrent, growth: s.growth },
    assumptions: { inflation: s.inflation },
    lines: Object.fromEntries(s.lines.map((l) => [l.name, { category: l.category, spend: l.spend }])),
    policies: s.flat ? [{ type: 'flat_cash', line: s.lines[0]!.name, uplift: '0%' }] : [],
  }));

describe('renderers agree', () => {
  it('CSV rows are exactly the JSON metrics, year by year, in the same order', () => {
    fc.assert(
      fc.property(scenario, (data) => {
        const r = result(data);
        const json = JSON.parse(renderJson(r)) as { years: { year: string; metrics: Record<string, string> }[] };
        const fromJson = json.years.flatMap((y) => Object.entries(y.metrics).map(([k, v]) => `Generated,${y.year},${k},${v}`));
        expect(renderCsv(r).trimEnd().split('\n').slice(1)).toEqual(fromJson);
      }),
      { numRuns: 60 },
    );
  });

  it('the table and Markdown show each surplus as the JSON value rounded for display, signs and all', () => {
    fc.assert(
      fc.property(scenario, fc.boolean(), (data, lines) => {
        const r = result(data);
        const table = renderTable(r, { lines });
        expect(table).not.toMatch(/\x1b\[/);
        const widths = new Set(table.trimEnd().split('\n').slice(1).map((l) => l.length));
        expect(widths.size).toBe(1);
        const places = { '£': 0, '£k': 0, '£m': 1 }[data.units as '£' | '£k' | '£m'];
        const shown = r.years.map((y) => formatMoney(new Dec(y.metrics.icb_surplus!), places));
        const surplusRow = table.split('\n').find((l) => l.startsWith('│ ICB surplus/(deficit) '));
        expect(surplusRow?.split('│').slice(2, -1).map((c) => c.trim())).toEqual(shown);
        const md = renderMarkdown(r, { lines });
        expect(md).toContain(`| ICB surplus/(deficit) | ${shown.join(' | ')} |`);
        const rows = md.split('\n').filter((l) => l.startsWith('|'));
        for (const row of rows) expect(row.split(' | ')).toHaveLength(r.years.length + 1);
      }),
      { numRuns: 60 },
    );
  });
});
