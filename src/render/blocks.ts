/**
 * A table too wide for the terminal, split into blocks of columns, each repeating the label
 * columns: wrapped table rows are unreadable, while a fifteen-year plan reads fine as two blocks.
 * Every table command shares this, so run, compare, tornado and diff split alike.
 */

const ANSI = /\x1b\[[0-9;]*m/g;

/** The width of the widest line of `text`, in characters, colour codes not counted. */
export function widthOf(text: string): number {
  return Math.max(0, ...text.split('\n').map((l) => [...l.replace(ANSI, '')].length));
}

/**
 * `render(part)` for the fewest parts of `items` (kept in order) whose blocks each fit `maxWidth`.
 * Parts are as even as the widths allow (six years at a width for five give 3 + 3, never 5 + 1),
 * so a block holds a single item only when the terminal has room for no more. No width: one block.
 */
export function inBlocks<T>(items: readonly T[], maxWidth: number | undefined, render: (part: T[]) => string): string[] {
  const whole = render([...items]);
  if (maxWidth === undefined || items.length <= 1 || widthOf(whole) <= maxWidth) return [whole];
  // Filling each block before starting the next gives the fewest blocks; even parts of that
  // many read better where they fit too.
  const greedy: T[][] = [];
  for (const item of items) {
    const last = greedy.at(-1);
    if (last !== undefined && widthOf(render([...last, item])) <= maxWidth) last.push(item);
    else greedy.push([item]);
  }
  const even = evenParts(items, greedy.length).map(render);
  return even.every((b) => widthOf(b) <= maxWidth) ? even : greedy.map(render);
}

/** `items` in `parts` runs whose lengths differ by at most one, the longer ones first. */
export function evenParts<T>(items: readonly T[], parts: number): T[][] {
  const out: T[][] = [];
  const size = Math.floor(items.length / parts);
  let extra = items.length % parts;
  for (let i = 0; i < items.length; ) {
    const n = size + (extra > 0 ? 1 : 0);
    if (extra > 0) extra--;
    out.push(items.slice(i, i + n));
    i += n;
  }
  return out;
}
