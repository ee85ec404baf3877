import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/render/csv.js';
import { TINY, TINY_FIGURES, result } from './fixture.js';

/** Enough of RFC 4180 for these tests: quoted fields with doubled quotes, commas inside quotes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  for (const line of text.trimEnd().split('\n')) {
    const cells: string[] = [];
    const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) && m[0] !== '') {
      cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]!);
      if (m[3] === '') break;
    }
    rows.push(cells);
  }
  return rows;
}

describe('CSV output (long format)', () => {
  const text = renderCsv(result(TINY));
  const rows = parseCsv(text);

  it('has a header and one row per year and metric, every metric included', () => {
    expect(rows[0]).toEqual(['scenario', 'year', 'metric', 'value']);
    // 14 metrics in the base year, 18 in each of the two projection years.
    expect(rows.length - 1).toBe(14 + 18 + 18);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('gives the exact hand-computed decimals', () => {
    const years = ['2025/26', '2026/27', '2027/28'];
    const expected = TINY_FIGURES.flatMap((m, t) => Object.entries(m).map(([k, v]) => ['Tiny ICB', years[t]!, k, v]));
    expect(rows.slice(1)).toEqual(expected);
  });

  it('quotes a scenario name that contains a comma or a quote', () => {
    const named = renderCsv(result({ ...TINY, name: 'North, "East" ICB' }));
    expect(named.split('\n')[1]).toBe('"North, ""East"" ICB",2025/26,allocation,100');
    expect(parseCsv(named)[1]![0]).toBe('North, "East" ICB');
  });
});
