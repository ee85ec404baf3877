/**
 * zod's records skip a `__proto__` key without a word, so a line, a diversion target or a year so
 * named would silently vanish from the scenario. Such a key is reported instead, wherever it is.
 */
import type { Problem } from './issues.js';

const RESERVED = '__proto__';

export function reservedKeyProblems(data: unknown): Problem[] {
  const problems: Problem[] = [];
  findReserved(data, [], problems);
  return problems;
}

/**
 * Depth first, in key order, one path stack for the whole walk: a path is copied only for a
 * problem, not built at every value (this runs on every scenario read).
 */
function findReserved(data: unknown, path: PropertyKey[], problems: Problem[]): void {
  if (data === null || typeof data !== 'object') return;
  if (Array.isArray(data)) {
    for (let i = 0; i < data.length; i++) {
      path.push(i);
      findReserved(data[i], path, problems);
      path.pop();
    }
    return;
  }
  for (const key of Object.keys(data)) {
    if (key === RESERVED) {
      problems.push({ path: [...path, key], message: '`__proto__` cannot be used as a name: it is reserved; choose another', at: 'key' });
      continue;
    }
    path.push(key);
    // An own key other than __proto__: indexing reads the key's own value.
    findReserved((data as Record<string, unknown>)[key], path, problems);
    path.pop();
  }
}

/**
 * Drops other problems at a reserved key's own path, and at its map when that map held nothing
 * else (its emptiness, "needs at least one line", is the same mistake): each is reported once.
 */
export function withReserved(data: unknown, reserved: Problem[], problems: Problem[]): Problem[] {
  const same = (a: PropertyKey[], b: PropertyKey[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  const onlyKey = (path: PropertyKey[]) => {
    const map = path.reduce<unknown>((node, k) => (node !== null && typeof node === 'object' ? Object.getOwnPropertyDescriptor(node, k)?.value : undefined), data);
    return map !== null && typeof map === 'object' && Object.keys(map).length === 1;
  };
  const covered = (p: Problem) =>
    reserved.some((r) => same(r.path, p.path) || (same(r.path.slice(0, -1), p.path) && onlyKey(p.path)));
  return [...reserved, ...problems.filter((p) => !covered(p))];
}
