/**
 * The terminal table's exact bytes for representative cases, written out by hand from the fixture's
 * figures (tests/render/fixture.ts works them): the label column is as wide as its longest label plus
 * a space each side, each year column as wide as "2025/26" (or its widest figure) plus a space each
 * side, figures right-aligned, colour codes taking no width. Any change to how the table is built
 * (the cells' text, cli-table3's options) must leave every byte as it is here.
 */
import { describe, expect, it } from 'vitest';
import { renderTable } from '../../src/render/table.js';
import { DEFICIT_K, TINY, result } from './fixture.js';

/** A rule of the table: `left`, then each column's width of ─ joined by `mid`, then `right`. */
const rule = (widths: number[], left: string, mid: string, right: string) => left + widths.map((w) => '─'.repeat(w)).join(mid) + right;
const B = (s: string) => `\x1b[1m${s}\x1b[22m`;
const DIM_DASH = '\x1b[2m–\x1b[22m';
const RED = (s: string) => `\x1b[31m${s}\x1b[39m`;

// "Non-recurrent funding" is the longest headline label: 21 characters + 2 = 23; "2025/26" 7 + 2 = 9.
const TINY_WIDTHS = [23, 9, 9, 9];
const TINY_HEADLINE = [
  '│ Recurrent allocation  │   100.0 │   110.0 │   121.0 │',
  '│ Non-recurrent funding │     0.0 │     0.0 │     0.0 │',
  '│ Income                │   100.0 │   110.0 │   121.0 │',
  '│ Allocation growth     │       – │  10.00% │  10.00% │',
  '│ Spend                 │    90.0 │    91.5 │    93.1 │', // 93.075 → 93.1
  '│ ICB surplus/(deficit) │    10.0 │    18.5 │    27.9 │', // 27.925 → 27.9
  '│ Underlying surplus    │    10.0 │    18.5 │    27.9 │',
  '│ Cumulative surplus    │       – │    18.5 │    46.4 │', // 46.425 → 46.4
  '│ System surplus        │    10.0 │    15.5 │    21.8 │', // 21.775 → 21.8
  '│ Care closer to home   │  33.33% │  34.43% │  35.54% │',
];
const tinyTable = (head: string, body: string[]) =>
  [
    rule(TINY_WIDTHS, '┌', '┬', '┐'),
    head,
    rule(TINY_WIDTHS, '├', '┼', '┤'),
    ...body,
    rule(TINY_WIDTHS, '└', '┴', '┘'),
  ].join('\n');

describe('the terminal table, byte for byte', () => {
  it('plain: title, head, headline rows, no colour codes', () => {
    const expected = `Tiny ICB (money in £m)\n${tinyTable('│                       │ 2025/26 │ 2026/27 │ 2027/28 │', TINY_HEADLINE)}\n`;
    expect(renderTable(result(TINY))).toBe(expected);
  });

  it('with --lines and colour: bold title, years and sub-headers spanning the row, dim dashes', () => {
    const dim = (row: string) => row.replace('       – │', `       ${DIM_DASH} │`);
    const expected = `${B('Tiny ICB (money in £m)')}\n${tinyTable(`│                       │ ${B('2025/26')} │ ${B('2026/27')} │ ${B('2027/28')} │`, [
      ...TINY_HEADLINE.map(dim),
      // A sub-header spans all four columns: 23 + 9 × 3 + 3 borders = 53 wide, the name then spaces.
      `│ ${B('acute')}                                               │`,
      '│   Spend               │    60.0 │    60.0 │    60.0 │',
      '│   Need                │    60.0 │    63.0 │    66.2 │', // 66.15 → 66.2
      '│   Provider gap        │     0.0 │     3.0 │     6.2 │', // 6.15 → 6.2
      dim('│   Spend growth        │       – │   0.00% │   0.00% │'),
      `│ ${B('community')}                                           │`,
      '│   Spend               │    30.0 │    31.5 │    33.1 │', // 33.075 → 33.1
      '│   Need                │    30.0 │    31.5 │    33.1 │',
      '│   Provider gap        │     0.0 │     0.0 │     0.0 │',
      dim('│   Spend growth        │       – │   5.00% │   5.00% │'),
    ])}\n`;
    expect(renderTable(result(TINY), { lines: true, color: true })).toBe(expected);
  });

  it('in colour, a deficit is red and a column is as wide as its widest figure', () => {
    // "1,234,567" is 9 characters: its columns are 11 wide, wider than the year's 9.
    const w = [23, 11, 11];
    const expected = [
      B('Deficit ICB (money in £k)'),
      rule(w, '┌', '┬', '┐'),
      `│                       │   ${B('2025/26')} │   ${B('2026/27')} │`,
      rule(w, '├', '┼', '┤'),
      '│ Recurrent allocation  │ 1,234,567 │ 1,234,567 │',
      '│ Non-recurrent funding │         0 │         0 │',
      '│ Income                │ 1,234,567 │ 1,234,567 │',
      `│ Allocation growth     │         ${DIM_DASH} │     0.00% │`,
      '│ Spend                 │ 1,300,000 │ 1,300,000 │', // 1,300,000.5 → 1,300,000 (half-even)
      `│ ICB surplus/(deficit) │   ${RED('-65,434')} │   ${RED('-65,434')} │`,
      `│ Underlying surplus    │   ${RED('-65,434')} │   ${RED('-65,434')} │`,
      `│ Cumulative surplus    │         ${DIM_DASH} │   ${RED('-65,434')} │`,
      `│ System surplus        │   ${RED('-65,434')} │   ${RED('-65,434')} │`,
      '│ Care closer to home   │     0.00% │     0.00% │', // no community line: 0 / 1,300,000.5
      rule(w, '└', '┴', '┘'),
      '',
    ].join('\n');
    expect(renderTable(result(DEFICIT_K), { color: true })).toBe(expected);
  });

  it('too wide for the terminal: blocks of years (3 + 2 for five years at 60 columns), the title once', () => {
    // Five year columns need 1 + 24 + 5 × 10 = 75 columns; three need 55, which fits 60, four 65.
    const first = tinyTable('│                       │ 2025/26 │ 2026/27 │ 2027/28 │', TINY_HEADLINE);
    const w = [23, 9, 9];
    const second = [
      rule(w, '┌', '┬', '┐'),
      '│                       │ 2028/29 │ 2029/30 │',
      rule(w, '├', '┼', '┤'),
      '│ Recurrent allocation  │   133.1 │   146.4 │', // 121 × 1.1 = 133.1; × 1.1 = 146.41
      '│ Non-recurrent funding │     0.0 │     0.0 │',
      '│ Income                │   133.1 │   146.4 │',
      '│ Allocation growth     │  10.00% │  10.00% │',
      '│ Spend                 │    94.7 │    96.5 │', // 60 + 34.72875 = 94.72875; 60 + 36.4651875 = 96.4651875
      '│ ICB surplus/(deficit) │    38.4 │    49.9 │', // 133.1 − 94.72875 = 38.37125; 146.41 − 96.4651875 = 49.9448125
      '│ Underlying surplus    │    38.4 │    49.9 │',
      '│ Cumulative surplus    │    84.8 │   134.7 │', // 46.425 + 38.37125 = 84.79625; + 49.9448125 = 134.7410625
      '│ System surplus        │    28.9 │    37.0 │', // less acute gap 9.4575 (69.4575 − 60) → 28.91375; 12.930375 → 37.0144375
      '│ Care closer to home   │  36.66% │  37.80% │', // 34.72875 / 94.72875 = 0.36661…; 36.4651875 / 96.4651875 = 0.37801…
      rule(w, '└', '┴', '┘'),
    ].join('\n');
    expect(renderTable(result({ ...TINY, years: '4' }), { maxWidth: 60 })).toBe(`Tiny ICB (money in £m)\n${first}\n${second}\n`);
  });
});
