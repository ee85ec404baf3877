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

/**
 * classic's `schema.describe(text)`, which always described a copy: a schema made for this one key
 * (no description yet) is described itself, which is the same to zod's messages and JSON Schema and
 * saves building the copy; a shared one, like `LineName`, still gets a copy, leaving its own alone.
 */
export function described<S extends z.ZodMiniType>(schema: S, description: string): S {
  const target = z.globalRegistry.get(schema) === undefined ? schema : schema.clone();
  z.globalRegistry.add(target, { description });
  return target;
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
