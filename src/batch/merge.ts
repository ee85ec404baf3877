/**
 * `batch --merge part-*.csv`: the shards' CSVs joined into exactly the bytes one run writes. Each
 * part is checked (the batch header, five fields a row, no scenario file in two parts) and its rows
 * are kept byte for byte after its header, so nothing is re-quoted or re-formatted on the way.
 */
import { parse } from 'csv-parse/sync';
import { BATCH_HEADER, batchHeader } from './csv-rows.js';

export interface MergePart {
  /** As the user named it, for messages. */
  display: string;
  text: string;
}

export type MergeResult = { ok: true; csv: string; files: number; rows: number } | { ok: false; problems: string[] };

/**
 * The order parts are joined in: by the numbers in their names, compared as numbers, so part-2
 * comes before part-10 however the shell listed them; names otherwise compare in code-unit order.
 */
export function partOrder(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i]!;
    const y = tb[i]!;
    if (x === y) continue;
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = BigInt(x) - BigInt(y);
      if (d !== 0n) return d < 0n ? -1 : 1;
      return x.length - y.length;
    }
    return x < y ? -1 : 1;
  }
  return ta.length - tb.length;
}

export function mergeParts(parts: readonly MergePart[]): MergeResult {
  const header = batchHeader();
  const problems: string[] = [];
  const owner = new Map<string, string>();
  const bodies: string[] = [];
  let rows = 0;
  for (const part of parts) {
    const { display, text } = part;
    if (!text.startsWith(header)) {
      const first = text.split('\n', 1)[0] ?? '';
      problems.push(
        `${display}:1:1: not a batch part: expected the header \`${BATCH_HEADER.join(',')}\`, got \`${first.slice(0, 60)}\`${text === '' ? ' (the file is empty)' : ''}`,
      );
      continue;
    }
    const body = text.slice(header.length);
    if (body !== '' && !body.endsWith('\n')) {
      problems.push(`${display}: the last row has no line end: the part looks cut short (was its shard still running?)`);
      continue;
    }
    let records: string[][];
    try {
      records = parse(body, { relax_column_count: true, info: false }) as string[][];
    } catch (err) {
      const e = err as { message?: string; lines?: number };
      problems.push(`${display}:${(e.lines ?? 0) + 1}: not a batch part's CSV: ${e.message ?? String(err)}`);
      continue;
    }
    const seenHere = new Set<string>();
    let bad = false;
    records.forEach((r, i) => {
      if (bad) return;
      if (r.length !== BATCH_HEADER.length) {
        problems.push(`${display}:${i + 2}: expected ${BATCH_HEADER.length} fields (${BATCH_HEADER.join(',')}), got ${r.length}`);
        bad = true;
        return;
      }
      const file = r[1]!;
      if (seenHere.has(file)) return;
      seenHere.add(file);
      const other = owner.get(file);
      if (other !== undefined) {
        problems.push(
          `${display}:${i + 2}: the scenario file \`${file}\` is also in ${other}: a part given twice, or parts of different runs`,
        );
        bad = true;
        return;
      }
      owner.set(file, display);
    });
    if (bad) continue;
    rows += records.length;
    bodies.push(body);
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, csv: header + bodies.join(''), files: owner.size, rows };
}
