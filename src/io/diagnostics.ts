import type { Diagnostic } from '../model/diagnostic.js';
import type { Loc } from './source-tree.js';

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

/** A code frame wider than this is cut around the column when the terminal's width is not known. */
export const FRAME_WIDTH = 120;

export function formatDiagnostic(
  d: Diagnostic,
  sources: Map<string, string>,
  opts: { color: boolean; width?: number | undefined },
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
    const start = Math.max(0, (d.col ?? 1) - 1);
    const token = tokenAt(srcLine.slice(start), inFlow(srcLine.slice(0, start)));
    const shown = cutAround(srcLine, start, Math.max(0, (opts.width ?? FRAME_WIDTH) - `  ${num} | `.length));
    out.push(`  ${num} | ${shown.text}`.trimEnd());
    if (d.col !== undefined) {
      const at = start - shown.from;
      // Keep tabs in the padding so the carets line up under tabbed text.
      const pad = shown.text.slice(0, at).replace(/[^\t]/g, ' ').padEnd(at, ' ');
      const carets = Math.max(1, Math.min(token.length, shown.text.length - at - (shown.cutEnd ? 1 : 0)));
      out.push(`  ${gutter} | ${pad}${paint(RED, '^'.repeat(carets))}`);
    }
  }
  if (d.hint !== undefined) out.push(`  ${paint(BOLD, 'hint:')} ${d.hint}`);
  return out.join('\n');
}

/**
 * The part of a long source line that fits `room` characters, around the column `start` (a third
 * of the way in, so the text after the mistake shows too), `…` marking each cut. A 200,000-character
 * line would otherwise fill the terminal many times over with the caret lost in it.
 */
function cutAround(line: string, start: number, room: number): { text: string; from: number; cutEnd: boolean } {
  if (line.length <= room || room < 10) return { text: line, from: 0, cutEnd: false };
  let from = Math.max(0, start - Math.floor(room / 3));
  const to = Math.min(line.length, from + room);
  from = Math.max(0, to - room);
  let text = line.slice(from, to);
  if (from > 0) text = '…' + text.slice(1);
  const cutEnd = to < line.length;
  if (cutEnd) text = text.slice(0, -1) + '…';
  return { text, from, cutEnd };
}

/** Every diagnostic as stderr shows it, one after another, each ending in a newline. */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  sources: Map<string, string>,
  opts: Parameters<typeof formatDiagnostic>[2],
): string {
  return diagnostics.map((d) => formatDiagnostic(d, sources, opts) + '\n').join('');
}

/**
 * The value or key the carets underline: a quoted string whole; otherwise up to a space or a colon,
 * and inside `{...}` or `[...]` also up to flow punctuation, so `{line: acut, uplift: 0%}`
 * underlines `acut`, not `acut,`, while a block value such as `2,000` is underlined whole.
 */
function tokenAt(rest: string, flow: boolean): string {
  const first = rest[0];
  if (first === '"' || first === "'") {
    const end = rest.indexOf(first, 1);
    return end === -1 ? rest : rest.slice(0, end + 1);
  }
  // At the opening of a map or list: point at it alone.
  if (first === '{' || first === '[') return first;
  return (flow ? /^[^\s:,[\]{}]*/ : /^[^\s:]*/).exec(rest)?.[0] ?? '';
}

/** Whether `before` (the start of a line) leaves a `{` or `[` open, outside quotes and comments. */
function inFlow(before: string): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (const ch of before) {
    if (quote !== undefined) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '#') break;
    else if (ch === '{' || ch === '[') depth++;
    else if ((ch === '}' || ch === ']') && depth > 0) depth--;
  }
  return depth > 0;
}

// A file with many problems is formatted once per problem: split it into lines once, not each time
// (50,000 problems in an 800 kB file took minutes).
let split: { text: string; lines: string[] } | undefined;

function lineAt(text: string, line: number): string | undefined {
  if (split?.text !== text) split = { text, lines: text.split('\n') };
  const l = split.lines[line - 1];
  return l === undefined ? undefined : l.replace(/\r$/, '');
}

/** One suggestion engine for the whole tool: it lives in the pure core so validation can use it too. */
export { closest as didYouMean } from '../model/suggest.js';

/**
 * The schema and the semantic rules find problems in their own order; a reader wants them top to
 * bottom, the file given first and then its bases (the order of `chain`). The sort is stable.
 */
export function inReadingOrder(diagnostics: Diagnostic[], chain: readonly string[]): Diagnostic[] {
  const fileRank = (d: Diagnostic) => {
    const i = chain.indexOf(d.file);
    return i === -1 ? chain.length : i;
  };
  return [...diagnostics].sort((a, b) => fileRank(a) - fileRank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.col ?? 0) - (b.col ?? 0));
}
