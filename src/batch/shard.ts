/**
 * `batch --shard K/N`: the K-th of N contiguous slices of the file list. The list is the one a
 * single run uses (arguments in order, each folder's and glob's files sorted by path in code-unit
 * order, whatever the machine's locale), so every machine given the same command agrees on the
 * slices, and the parts in K order are the single run's rows in the single run's order.
 */

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** The most shards one run can be split into: more than any matrix of machines needs. */
export const MAX_SHARDS = 10_000;

export type ShardParse = { ok: true; shard: Shard } | { ok: false; message: string };

export function parseShard(text: string): ShardParse {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return { ok: false, message: `--shard needs K/N (the K-th of N slices, e.g. 2/5), got \`${text}\`` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { ok: false, message: `--shard ${text}: N must be from 1 to ${MAX_SHARDS}` };
  if (index < 1 || index > count) return { ok: false, message: `--shard ${text}: K must be from 1 to N (${count})` };
  return { ok: true, shard: { index, count } };
}

/**
 * Slice K of N: items [⌊(K−1)·n/N⌋, ⌊K·n/N⌋). Slices differ in size by at most one, cover the list
 * once, and keep its order.
 */
export function shardSlice<T>(items: readonly T[], shard: Shard): T[] {
  const n = items.length;
  const start = Math.floor(((shard.index - 1) * n) / shard.count);
  const end = Math.floor((shard.index * n) / shard.count);
  return items.slice(start, end);
}
