/**
 * The schemas are written with zod/mini: the same core as zod's classic API (the same parsing, the
 * same issues, the same JSON Schema), without the fifty-odd chainable methods classic installs on
 * every schema class the first time one is made, which was most of what building the scenario's
 * schemas cost a start. What classic's methods did that mini has no form for is here, done as
 * classic does it: `.describe()`, a `.transform()` that can report a problem, and English messages.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';

// Classic sets English when it makes its first schema, unless a locale is set already.
if (!z.config().localeError) z.config(en());

/** Schemas many keys share, so `described` describes a copy of them, never the schema itself. */
const shared = new WeakSet<object>();

/** Any text: one schema for every key that takes text as it is, and the base that `.check()` copies for checked text. */
export const anyText = z.string();
/** Any number, as the number half of a key that takes a number or its text. */
export const anyNumber = z.number();
shared.add(anyText).add(anyNumber);

/**
 * classic's `schema.describe(text)`, which always described a copy: a schema made for this one key
 * (no description yet) is described itself, which is the same to zod's messages and JSON Schema and
 * saves building the copy; a shared one, like `LineName`, still gets a copy, leaving its own alone.
 */
export function described<S extends z.ZodMiniType>(schema: S, description: string): S {
  const target = shared.has(schema) || z.globalRegistry.get(schema) !== undefined ? schema.clone() : schema;
  z.globalRegistry.add(target, { description });
  return target;
}

/** Every strict object refuses unknown keys through this one never-schema, rather than one each. */
const refused = z.never();

/** `z.strictObject(shape)`, with the shared never-schema as its catchall. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T): ReturnType<typeof z.strictObject<T>> {
  return new z.ZodMiniObject({ type: 'object', shape, catchall: refused }) as ReturnType<typeof z.strictObject<T>>;
}

export interface TransformCtx {
  addIssue(issue: { code: 'custom'; message: string; path?: PropertyKey[] }): void;
}

/** classic's `schema.transform(fn)`: the parsed value goes through fn, whose ctx can add an issue. */
export function transformed<S extends z.ZodMiniType, O>(schema: S, fn: (value: z.output<S>, ctx: TransformCtx) => O) {
  const step = z.transform((value: z.output<S>, payload) =>
    fn(value, { addIssue: (issue) => void payload.issues.push({ ...issue, input: payload.value, inst: step }) }),
  );
  return z.pipe(schema, step);
}
