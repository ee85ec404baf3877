import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import { DEFICIT_K, TINY, result } from './fixture.js';

const ANSI = /\x1b\[[0-9;]*m/;
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** The cells of the table row whose label is `label`. */
function row(table: string, label: string): string[] {
  const line = strip(table)
    .split('\n')
    .find((l) => l.startsWith('│') && l.split('│')[1]?.trim() === label);
  if (!line) throw new Error(`no row ${label} in\n${table}`);
  return line.split('│').slice(2, -1).map((c) => c.trim());
}

describe('terminal table', () => {
  const plain = renderTable(result(TINY));

  it('has a title with the scenario and units, and years across', () => {
    expect(plain.split('\n')[0]).toBe('Tiny ICB (money in £m)');
    expect(row(plain, '')).toEqual(['2025/26', '2026/27', '2027/28']);
  });

  it('shows money to 0.1 of the units, rates and shares as percentages, and – for the base year', () => {
    expect(row(plain, 'Recurrent allocation')).toEqual(['100.0', '110.0', '121.0']);
    // 93.075 → 93.1; 27.925 → 27.9; 46.425 → 46.4 (half-even at one decimal place)
    expect(row(plain, 'Spend')).toEqual(['90.0', '91.5', '93.1']);
    expect(row(plain, 'ICB surplus/(deficit)')).toEqual(['10.0', '18.5', '27.9']);
    expect(row(plain, 'Cumulative surplus')).toEqual(['–', '18.5', '46.4']);
    expect(row(plain, 'Allocation growth')).toEqual(['–', '10.00%', '10.00%']);
    // 0.3333, 0.3443, 0.3554 as percentages
    expect(row(plain, 'Care closer to home')).toEqual(['33.33%', '34.43%', '35.54%']);
  });

  it('emits no ANSI escape at all without colour', () => {
    expect(plain).not.toMatch(ANSI);
    expect(renderTable(result(DEFICIT_K), { lines: true })).not.toMatch(ANSI);
  });

  it('shows a deficit with a minus sign and thousands separators, in red when colour is on', () => {
    const plainK = renderTable(result(DEFICIT_K));
    // £k to whole units: −65,433.5 → −65,434 (half-even); income 1,234,567.
    expect(row(plainK, 'ICB surplus/(deficit)')).toEqual(['-65,434', '-65,434']);
    expect(row(plainK, 'Income')).toEqual(['1,234,567', '1,234,567']);
    expect(plainK.split('\n')[0]).toBe('Deficit ICB (money in £k)');

    const coloured = renderTable(result(DEFICIT_K), { color: true });
    expect(coloured).toContain('\x1b[31m-65,434\x1b[39m');
    // A surplus is not red.
    expect(coloured).not.toContain('\x1b[31m1,234,567');
  });

  it('without --lines shows only headline rows; with it, each line under its own sub-header', () => {
    expect(strip(plain)).not.toContain('Provider gap');
    const withLines = renderTable(result(TINY), { lines: true });
    const text = strip(withLines);
    expect(text.indexOf('│ acute ')).toBeGreaterThan(text.indexOf('Care closer to home'));
    expect(text.indexOf('│ community ')).toBeGreaterThan(text.indexOf('│ acute '));
    const acute = text.slice(text.indexOf('│ acute '), text.indexOf('│ community '));
    expect(acute).toMatch(/│ {3}Need +│ +60\.0 │ +63\.0 │ +66\.2 │/); // 66.15 → 66.2
    expect(acute).toMatch(/│ {3}Provider gap +│ +0\.0 │ +3\.0 │ +6\.2 │/); // 6.15 → 6.2
    expect(acute).toMatch(/│ {3}Spend growth +│ +– │ +0\.00% │ +0\.00% │/);
    const community = text.slice(text.indexOf('│ community '));
    expect(community).toMatch(/│ {3}Spend growth +│ +– │ +5\.00% │ +5\.00% │/);
  });

  it('names a labelled line by its label and key', () => {
    expect(strip(renderTable(result(DEFICIT_K), { lines: true }))).toContain('│ Acute trusts (acute) ');
  });

  it('lines every row up to the same width', () => {
    const widths = new Set(strip(renderTable(result(TINY), { lines: true })).trimEnd().split('\n').slice(1).map((l) => l.length));
    expect(widths.size).toBe(1);
  });

  it('splits a projection too wide for the terminal into blocks of years, each fitting, none lost', () => {
    const long = result({ ...TINY, years: '15' });
    const full = strip(renderTable(long));
    expect(Math.max(...full.split('\n').map((l) => l.length))).toBeGreaterThan(100);
    const split = strip(renderTable(long, { maxWidth: 100, lines: true }));
    const lines = split.trimEnd().split('\n');
    expect(Math.max(...lines.map((l) => [...l].length))).toBeLessThanOrEqual(100);
    // Header rows list the years: together, every year once and in order.
    const years = lines.filter((l) => /^│ +│ \d{4}\//.test(l)).flatMap((l) => l.split('│').slice(2, -1).map((c) => c.trim()));
    expect(years).toEqual(Array.from({ length: 16 }, (_, t) => `${2025 + t}/${String(26 + t).padStart(2, '0')}`));
    expect(lines.filter((l) => l.startsWith('│ Spend ')).length).toBeGreaterThan(1);
    // The title is printed once, above the first block.
    expect(split.split('Tiny ICB (money in £m)')).toHaveLength(2);
  });

  it('keeps a table that fits in one block', () => {
    expect(renderTable(result(TINY), { maxWidth: 100 })).toBe(renderTable(result(TINY)));
  });
});
