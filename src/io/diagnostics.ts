import type { Loc } from './source-tree.js';

export interface Diagnostic {
  file: string;
  line?: number;
  col?: number;
  message: string;
  hint?: string;
}

export function diagnosticFromLoc(loc: Loc, message: string, hint?: string): Diagnostic {
  const d: Diagnostic = { file: loc.file, line: loc.line, col: loc.col, message };
  if (hint !== undefined) d.hint = hint;
  return d;
}

// Plain ANSI rather than util.styleText: from Node 22 styleText drops colour
// on its own when stdout is not a TTY, and here the caller decides.
const RED_BOLD = ['\x1b[1m\x1b[31m', '\x1b[39m\x1b[22m'] as const;
const BOLD = ['\x1b[1m', '\x1b[22m'] as const;
const RED = ['\x1b[31m', '\x1b[39m'] as const;

export function formatDiagnostic(
  d: Diagnostic,
  sources: Map<string, string>,
  opts: { color: boolean },
): string {
  const paint = (style: readonly [string, string], s: string) =>
    opts.color ? style[0] + s + style[1] : s;

  let where = d.file;
  if (d.line !== undefined) {
    where += `:${d.line}`;
    if (d.col !== undefined) where += `:${d.col}`;
  }
  const out = [`${paint(BOLD, where + ':')} ${paint(RED_BOLD, 'error:')} ${d.message}`];

  const text = sources.get(d.file);
  const srcLine = d.line !== undefined && text !== undefined ? lineAt(text, d.line) : undefined;
  if (d.line !== undefined && srcLine !== undefined) {
    const num = String(d.line);
    const gutter = ' '.repeat(num.length);
    out.push(`  ${num} | ${srcLine}`.trimEnd());
    if (d.col !== undefined) {
      const start = Math.max(0, d.col - 1);
      // Keep tabs in the padding so the carets line up under tabbed text.
      const pad = srcLine.slice(0, start).replace(/[^\t]/g, ' ').padEnd(start, ' ');
      const token = /^[^\s:]*/.exec(srcLine.slice(start))?.[0] ?? '';
      out.push(`  ${gutter} | ${pad}${paint(RED, '^'.repeat(Math.max(1, token.length)))}`);
    }
  }
  if (d.hint !== undefined) out.push(`  ${paint(BOLD, 'hint:')} ${d.hint}`);
  return out.join('\n');
}

function lineAt(text: string, line: number): string | undefined {
  const lines = text.split('\n');
  const l = lines[line - 1];
  return l === undefined ? undefined : l.replace(/\r$/, '');
}

/**
 * Best candidate within Damerau-Levenshtein (optimal string alignment)
 * distance max(1, floor(len/3)), compared case-insensitively so a case-only
 * difference always wins. A candidate identical to the word is never offered.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDist = Infinity;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(w, c.toLowerCase());
    if (d <= limit && d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  // Rows i-2, i-1 and i of the usual dynamic-programming table.
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, prev2[j - 2]! + 1);
      }
      cur.push(v);
    }
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]!;
}
