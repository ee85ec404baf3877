import { describe, it, expect } from 'vitest';
import { locate, mergeTrees, toPlain, type Loc, type SNode } from '../../src/io/source-tree.js';
import { parseYamlTree } from '../../src/io/load-yaml.js';

function tree(text: string, file = 't.yaml'): SNode {
  const r = parseYamlTree(text, file);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.tree;
}
const at = (loc: Loc) => `${loc.file}:${loc.line}:${loc.col}`;

describe('toPlain', () => {
  it('turns maps, lists and scalars into plain values, numbers as their source text', () => {
    const t = tree('a: 0.1\nb: [1e3, -0.5, true, ~, text]\nc: {d: "0.1"}\n');
    expect(toPlain(t)).toEqual({ a: '0.1', b: ['1e3', '-0.5', true, null, 'text'], c: { d: '0.1' } });
  });

  it('keeps __proto__, constructor and prototype as ordinary own keys', () => {
    const t = tree('__proto__: {polluted: yes}\nconstructor: 1\nprototype: [2]\n');
    const plain = toPlain(t) as Record<string, unknown>;
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(Object.keys(plain)).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(Object.getOwnPropertyDescriptor(plain, '__proto__')?.value).toEqual({ polluted: 'yes' });
    expect(plain.constructor).toBe('1');
    expect((plain as { polluted?: unknown }).polluted).toBeUndefined();
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(JSON.stringify(plain)).toBe('{"__proto__":{"polluted":"yes"},"constructor":"1","prototype":["2"]}');
  });
});

describe('locate', () => {
  const t = tree('lines:\n  - name: a\n    growth: 2.5%\n  - name: b\n');

  it('finds a key or a value', () => {
    expect(at(locate(t, ['lines', 0, 'growth'], 'key'))).toBe('t.yaml:3:5');
    expect(at(locate(t, ['lines', 0, 'growth'], 'value'))).toBe('t.yaml:3:13');
    expect(at(locate(t, ['lines', 1, 'name'], 'value'))).toBe('t.yaml:4:11');
    expect(at(locate(t, ['lines', 1], 'key'))).toBe('t.yaml:4:5');
  });

  it('falls back to the deepest node that exists', () => {
    expect(at(locate(t, ['lines', 1, 'growth'], 'key'))).toBe('t.yaml:4:5');
    expect(at(locate(t, ['lines', 7, 'name'], 'value'))).toBe('t.yaml:2:3');
    expect(at(locate(t, ['lines', 0, 'name', 'deeper'], 'value'))).toBe('t.yaml:2:11');
    expect(at(locate(t, ['nope'], 'key'))).toBe('t.yaml:1:1');
    expect(at(locate(t, [Symbol('x')], 'key'))).toBe('t.yaml:1:1');
    expect(at(locate(t, [], 'value'))).toBe('t.yaml:1:1');
  });
});

describe('mergeTrees', () => {
  it('merges maps key by key, replaces lists and scalars whole, keeps each file\'s locations', () => {
    const base = tree('a: 1\nm:\n  x: 1\n  y: [1, 2]\n  z: {k: 1}\nlist: [1, 2, 3]\n', 'base.yaml');
    const over = tree('m:\n  y: [9]\n  z: 5\n  w: new\nlist: [4]\nb: 2\n', 'over.yaml');
    const merged = mergeTrees(base, over);
    expect(toPlain(merged)).toEqual({
      a: '1',
      m: { x: '1', y: ['9'], z: '5', w: 'new' },
      list: ['4'],
      b: '2',
    });
    expect(Object.keys(toPlain(merged) as object)).toEqual(['a', 'm', 'list', 'b']);
    expect(at(locate(merged, ['a'], 'value'))).toBe('base.yaml:1:4');
    expect(at(locate(merged, ['m', 'x'], 'key'))).toBe('base.yaml:3:3');
    expect(at(locate(merged, ['m', 'y', 0], 'value'))).toBe('over.yaml:2:7');
    expect(at(locate(merged, ['m', 'w'], 'key'))).toBe('over.yaml:4:3');
    expect(at(locate(merged, ['m'], 'key'))).toBe('over.yaml:1:1');
  });

  it('lets a map replace a scalar and a scalar replace a map', () => {
    const base = tree('a: 1\nb: {c: 1}\n');
    const over = tree('a: {x: 1}\nb: null\n');
    expect(toPlain(mergeTrees(base, over))).toEqual({ a: { x: '1' }, b: null });
  });

  it('does not modify its inputs', () => {
    const base = tree('m: {x: 1}\n');
    const over = tree('m: {y: 2}\n');
    mergeTrees(base, over);
    expect(toPlain(base)).toEqual({ m: { x: '1' } });
    expect(toPlain(over)).toEqual({ m: { y: '2' } });
  });
});
