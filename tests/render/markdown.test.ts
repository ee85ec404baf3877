import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/render/markdown.js';
import { DEFICIT_K, TINY, result } from './fixture.js';

const tableRows = (md: string) => md.split('\n').filter((l) => l.startsWith('|'));
const cells = (line: string) => line.slice(2, -2).split(' | ');

describe('Markdown output', () => {
  const md = renderMarkdown(result(TINY));

  it('is a GitHub table: header, right-aligned year columns, one row per headline metric', () => {
    const rows = tableRows(md);
    expect(rows[0]).toBe('| Metric | 2025/26 | 2026/27 | 2027/28 |');
    expect(rows[1]).toBe('| --- | ---: | ---: | ---: |');
    expect(rows).toHaveLength(2 + 10);
    expect(md.split('\n')[0]).toBe('**Tiny ICB** (money in £m)');
    expect(md.endsWith('|\n')).toBe(true);
  });

  it('formats figures as the terminal table does', () => {
    expect(md).toContain('| Spend | 90.0 | 91.5 | 93.1 |');
    expect(md).toContain('| Allocation growth | – | 10.00% | 10.00% |');
    expect(md).toContain('| Care closer to home | 33.33% | 34.43% | 35.54% |');
    expect(renderMarkdown(result(DEFICIT_K))).toContain('| ICB surplus/(deficit) | -65,434 | -65,434 |');
  });

  it('adds a bold sub-header and four rows per line with --lines, every row the same number of cells', () => {
    const withLines = renderMarkdown(result(TINY), { lines: true });
    const rows = tableRows(withLines);
    expect(rows).toHaveLength(2 + 10 + 2 * 5);
    expect(withLines).toContain('| **acute** |  |  |  |');
    expect(withLines).toContain('| Provider gap | 0.0 | 3.0 | 6.2 |');
    for (const r of rows) expect(cells(r)).toHaveLength(4);
  });

  it('escapes characters that would break the table or the emphasis', () => {
    const md2 = renderMarkdown(result({ ...TINY, name: 'A|B *ICB*' }));
    expect(md2.split('\n')[0]).toBe('**A\\|B \\*ICB\\*** (money in £m)');
  });
});
