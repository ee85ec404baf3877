/**
 * A validated scenario across a thread boundary. Structured cloning drops the Decimal prototype,
 * so each Dec travels as its exact text and is rebuilt on the other side; shared objects stay
 * shared (a distribution used by many lines must stay one object: draws sample by identity).
 * Sending the validated spec rather than the file's data spares each worker loading zod.
 */
import { Dec } from '../model/decimal.js';
import type { ScenarioSpec } from '../model/schema.js';

const DEC = '$dec';

export type Encoded = unknown;

export function encodeSpec(spec: ScenarioSpec): Encoded {
  const memo = new Map<object, unknown>();
  const enc = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (v instanceof Dec) {
      const out = { [DEC]: v.toString() };
      memo.set(v, out);
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const x of v) out.push(enc(x));
      return out;
    }
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: enc(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return enc(spec);
}

export function decodeSpec(data: Encoded): ScenarioSpec {
  const memo = new Map<object, unknown>();
  const dec = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const seen = memo.get(v);
    if (seen !== undefined) return seen;
    if (!Array.isArray(v) && Object.keys(v).length === 1 && typeof (v as Record<string, unknown>)[DEC] === 'string') {
      const out = new Dec((v as Record<string, string>)[DEC]!);
      memo.set(v, out);
      return out;
    }
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      memo.set(v, out);
      for (const x of v) out.push(dec(x));
      return out;
    }
    const out: Record<string, unknown> = {};
    memo.set(v, out);
    for (const [k, x] of Object.entries(v)) {
      Object.defineProperty(out, k, { value: dec(x), enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return dec(data) as ScenarioSpec;
}
