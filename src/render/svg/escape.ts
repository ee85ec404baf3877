/** Text and attribute values for hand-written SVG and HTML: the five characters XML reserves. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Coordinates to 0.1 px: finer detail is invisible and only makes the file bigger. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}
