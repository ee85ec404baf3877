/** Financial years run April to March and are written `2025/26`. */
export const YEAR_PATTERN = /^(\d{4})\/(\d{2})$/;

export function isYearLabel(s: string): boolean {
  const m = YEAR_PATTERN.exec(s);
  return m !== null && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

export function yearStart(label: string): number {
  return Number(label.slice(0, 4));
}

export function yearLabel(start: number): string {
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Base year first, then `count` projection years. */
export function yearLabels(base: string, count: number): string[] {
  const start = yearStart(base);
  return Array.from({ length: count + 1 }, (_, t) => yearLabel(start + t));
}

/** A helpful reading of something that was meant to be a year: `2026` → `2026/27`. */
export function suggestYear(s: string): string | undefined {
  if (/^\d{4}$/.test(s)) return yearLabel(Number(s));
  const m = /^(\d{4})[-/_ ](\d{2}|\d{4})$/.exec(s);
  if (m) return yearLabel(Number(m[1]));
  return undefined;
}
