/**
 * A YAML-independent tree of scenario values that remembers where every key
 * and value came from, so later validation errors can point at the source.
 */

/** 1-based line and column. */
export interface Loc {
  file: string;
  line: number;
  col: number;
}

/**
 * Number scalars keep their exact source text in `value` (with `isNumber`
 * set), so `0.1` never passes through a binary float.
 */
export type SNode =
  | { kind: 'map'; loc: Loc; entries: Map<string, { keyLoc: Loc; value: SNode }> }
  | { kind: 'seq'; loc: Loc; items: SNode[] }
  | { kind: 'scalar'; loc: Loc; value: string | boolean | null; isNumber: boolean };

export function toPlain(node: SNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [key, { value }] of node.entries) {
        // Plain assignment of `__proto__` would set the prototype instead of creating a key;
        // defineProperty always creates an own property. Every other key (Object.prototype has no
        // other setter) is assigned, which makes the same property without a descriptor each time.
        if (key === '__proto__') {
          Object.defineProperty(out, key, { value: toPlain(value), enumerable: true, writable: true, configurable: true });
        } else {
          out[key] = toPlain(value);
        }
      }
      return out;
    }
  }
}

export function locate(root: SNode, path: readonly PropertyKey[], which: 'key' | 'value'): Loc {
  let node = root;
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (node.kind === 'map' && (typeof step === 'string' || typeof step === 'number')) {
      const entry = node.entries.get(String(step));
      if (!entry) return node.loc;
      if (last && which === 'key') return entry.keyLoc;
      node = entry.value;
    } else if (node.kind === 'seq' && typeof step === 'number') {
      const item = node.items[step];
      if (!item) return node.loc;
      node = item;
    } else {
      return node.loc;
    }
  }
  return node.loc;
}

/** `extends` semantics: maps merge key by key, anything else is replaced whole. */
export function mergeTrees(base: SNode, override: SNode): SNode {
  if (base.kind !== 'map' || override.kind !== 'map') return override;
  const entries = new Map(base.entries);
  for (const [key, over] of override.entries) {
    const under = entries.get(key);
    entries.set(key, {
      keyLoc: over.keyLoc,
      value: under ? mergeTrees(under.value, over.value) : over.value,
    });
  }
  return { kind: 'map', loc: override.loc, entries };
}
