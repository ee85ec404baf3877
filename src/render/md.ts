/** GitHub-flavoured Markdown pieces every `--format md` output shares. */

// A pipe would end the cell; emphasis and backslashes would change the text.
export function mdEscape(s: string): string {
  return s.replace(/[\\|*_`[\]<>]/g, (c) => `\\${c}`);
}

/** One table row of cells already escaped. */
export function mdRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}
