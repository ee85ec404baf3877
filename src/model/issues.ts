/**
 * Turns zod's issues into one plain-English problem per mistake, each with the path of the
 * offending key or value so the shell can point at its line and column.
 */
import * as z from 'zod/mini';
import { closest, didYouMeanSuffix } from './suggest.js';

export interface Problem {
  path: PropertyKey[];
  message: string;
  /** Point at the key (an unknown key) rather than its value. */
  at: 'key' | 'value';
}

type Issue = z.core.$ZodIssue;
const KNOWN = '\u0000known:';
const MISSING = '\u0000missing:';

/** Pass to safeParse: gives the messages that need the schema or the input to be helpful. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  // An enum (`category`) reports a missing key as invalid_value, the rest as invalid_type/union.
  if ((iss.code === 'invalid_type' || iss.code === 'invalid_union' || iss.code === 'invalid_value') && iss.input === undefined) {
    return MISSING + (descriptionOf(iss.inst) ?? '');
  }
  if (iss.code === 'unrecognized_keys') {
    const shape = (iss.inst as { _zod?: { def?: { shape?: object } } } | undefined)?._zod?.def?.shape ?? {};
    return KNOWN + JSON.stringify(Object.keys(shape));
  }
  if (iss.code === 'invalid_union' && 'discriminator' in iss && iss.discriminator !== undefined) {
    const options = ((iss as { options?: unknown[] }).options ?? []).map(String);
    const input = iss.input as Record<string, unknown> | undefined;
    const given = input && typeof input === 'object' ? input[iss.discriminator] : undefined;
    if (given === undefined) return `missing \`${iss.discriminator}\`: one of ${options.map((o) => `\`${o}\``).join(', ')}`;
    if (given === null || typeof given === 'object') {
      return `expected ${iss.discriminator} to be one of ${options.map((o) => `\`${o}\``).join(', ')}${gotWhat(given)}`;
    }
    return `unknown ${iss.discriminator} \`${String(given)}\`${didYouMeanSuffix(String(given), options)} (expected one of ${options
      .map((o) => `\`${o}\``)
      .join(', ')})`;
  }
  if (iss.code === 'invalid_type') {
    return `expected ${article(iss.expected)}${gotWhat(iss.input)}`;
  }
  // A distribution's list of parameters, e.g. `{uniform: [1%]}`: say which values it takes.
  if ((iss.code === 'too_small' || iss.code === 'too_big') && iss.origin === 'array' && Array.isArray(iss.input)) {
    const bound = Number(iss.code === 'too_small' ? iss.minimum : iss.maximum);
    const description = descriptionOf(iss.inst);
    return `expected ${bound} value${bound === 1 ? '' : 's'}${description ? ` ${description}` : ''}, got ${iss.input.length}`;
  }
  if (iss.code === 'invalid_value' && 'values' in iss) {
    const values = iss.values.map(String);
    // One word beside a rate, as in a flat-cash `uplift: inflation`: the union's literal branch
    // reports it, so say that a rate is the other choice (`uplift: 2` meant `2%`).
    if (values.length === 1) {
      if (typeof iss.input !== 'string') return `expected a rate like \`2%\`, or \`${values[0]}\`${gotWhat(iss.input)}`;
      const text = iss.input.trim();
      if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return `rates are written with a per cent sign: write \`${text}%\`, or \`${values[0]}\``;
      return `expected a rate like \`2%\`, or \`${values[0]}\`, got \`${text}\`${didYouMeanSuffix(text, values)}`;
    }
    // A list or map printed with String() would read `acute` or `[object Object]`.
    if (iss.input === null || typeof iss.input === 'object') return `expected one of ${values.map((v) => `\`${v}\``).join(', ')}${gotWhat(iss.input)}`;
    return `expected one of ${values.map((v) => `\`${v}\``).join(', ')}, got \`${String(iss.input)}\`${didYouMeanSuffix(
      String(iss.input),
      values,
    )}`;
  }
  if (iss.code === 'invalid_union') {
    const description = descriptionOf(iss.inst);
    if (description) return `expected ${lowerFirst(description)}${gotWhat(iss.input)}`;
  }
  return undefined;
};

/**
 * What every safeParse of a file gets: the messages above, and no parser compiled for the schema.
 * zod's JIT writes and compiles a parser (new Function) for each object schema on its first parse,
 * which costs a start about 15 ms and is not quicker after it for a file this size (the default
 * scenario parses in about 210 µs without it against 270 µs with it, warm).
 */
export const PARSE_OPTIONS = { error: errorMap, jitless: true } as const;

/** The description `described` (zod.ts) gave the schema that raised an issue, or one of its parents. */
function descriptionOf(inst: unknown): string | undefined {
  return inst === undefined ? undefined : z.globalRegistry.get(inst as z.core.$ZodType)?.description;
}

function article(expected: string): string {
  const names: Record<string, string> = {
    object: 'a map of keys', record: 'a map of keys', array: 'a list', string: 'text', number: 'a number',
    boolean: '`true` or `false`', tuple: 'a list',
  };
  return names[expected] ?? expected;
}

function gotWhat(input: unknown): string {
  if (input === null) return ', got nothing (the key has no value)';
  if (Array.isArray(input)) return ', got a list';
  if (typeof input === 'object') return ', got a map';
  if (typeof input === 'boolean') return `, got \`${input}\``;
  return input === undefined ? '' : `, got \`${String(input)}\``;
}

/** Everything wrong, one problem each; union failures report only the branch the user meant. */
export function describeIssues(issues: readonly Issue[], prefix: PropertyKey[] = []): Problem[] {
  return withoutMissingTypos(issues.flatMap((iss) => describeIssue(iss, prefix)));
}

// A typo'd key (`grwoth`) also leaves the real key (`growth`) missing: the did-you-mean says both.
const suggests = new WeakMap<Problem, string>();
const missing = new WeakMap<Problem, string>();

function withoutMissingTypos(problems: Problem[]): Problem[] {
  const samePath = (a: PropertyKey[], b: PropertyKey[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  return problems.filter((p) => {
    const key = missing.get(p);
    return key === undefined || !problems.some((q) => suggests.get(q) === key && samePath(q.path.slice(0, -1), p.path));
  });
}

function describeIssue(iss: Issue, prefix: PropertyKey[]): Problem[] {
  const path = [...prefix, ...iss.path];
  if (iss.code === 'unrecognized_keys') {
    const known: string[] = iss.message.startsWith(KNOWN) ? JSON.parse(iss.message.slice(KNOWN.length)) : [];
    return iss.keys.map((key) => {
      // `{spend: 1,050}` is `spend: 1` and a key `050`: YAML splits a flow map at every comma.
      if (/^\d{3}(\.\d+)?$/.test(key)) {
        return {
          path: [...path, key],
          message: `unknown key \`${key}\`: inside \`{...}\` a comma separates entries, so a number like \`1,${key}\` splits in two: write it without the comma`,
          at: 'key' as const,
        };
      }
      const p: Problem = {
        path: [...path, key],
        message: `unknown key \`${key}\`${didYouMeanSuffix(key, known)}${
          known.length > 0 && !didYouMeanSuffix(key, known) ? ` (expected one of ${known.map((k) => `\`${k}\``).join(', ')})` : ''
        }`,
        at: 'key' as const,
      };
      const guess = closest(key, known);
      if (guess !== undefined) suggests.set(p, guess);
      return p;
    });
  }
  if (iss.message.startsWith(MISSING)) {
    const key = String(path.at(-1) ?? '');
    const what = iss.message.slice(MISSING.length);
    const p: Problem = { path: path.slice(0, -1), message: `missing key \`${key}\`${what ? ` (${lowerFirst(what)})` : ''}`, at: 'key' };
    missing.set(p, key);
    return [p];
  }
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    const branch = bestBranch(iss.errors);
    if (branch) return describeIssues(branch, path);
  }
  if (iss.code === 'invalid_key') return describeIssues(iss.issues, path).map((p) => ({ ...p, at: 'key' as const }));
  if (iss.code === 'invalid_element') return describeIssues(iss.issues, path);
  const shape = iss.code === 'invalid_type' ? SHAPE_HINTS[path.join('.')] : undefined;
  return [{ path, message: shape !== undefined ? `${iss.message}: ${shape}` : iss.message, at: 'value' }];
}

/** The top-level keys whose shape (a map by name, or a list) a new user most often gets the wrong way round. */
const SHAPE_HINTS: Record<string, string> = {
  lines: 'each line is a key (its name) with its figures, e.g. `acute: {category: acute, spend: 1060}`',
  policies: 'each policy is a list item starting with `- `, e.g. `- {type: flat_cash, line: acute, uplift: 0%}`',
  checks: 'each check is a list item starting with `- `, e.g. `- {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}`',
};

/**
 * The branch of a union the user most likely meant: the one that got furthest into the input.
 * When every branch failed on the input's type alone, the union's own message says what fits.
 */
function bestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  let best: readonly Issue[] | undefined;
  let bestScore = -Infinity;
  for (const branch of branches) {
    const score = Math.max(...branch.map(depthScore));
    if (score > bestScore || (score === bestScore && best !== undefined && branch.length < best.length)) {
      best = branch;
      bestScore = score;
    }
  }
  return bestScore <= 0 ? undefined : best;
}

function depthScore(iss: Issue): number {
  if (iss.code === 'invalid_union' && iss.errors.length > 0) {
    const inner = iss.errors.map((b) => Math.max(...b.map(depthScore)));
    return iss.path.length * 2 + Math.max(...inner);
  }
  const rootTypeMismatch = iss.code === 'invalid_type' && iss.path.length === 0;
  return rootTypeMismatch ? 0 : iss.path.length * 2 + 1;
}

function lowerFirst(s: string): string {
  return (s[0]?.toLowerCase() ?? '') + s.slice(1);
}
