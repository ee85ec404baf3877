/**
 * The values a scenario is made of (money, rates, distributions, years, line names) as zod schemas,
 * shared by the scenario schema (schema.ts) and the policy types (policies/), which schema.ts
 * builds on. Numbers arrive as their source text and are turned into decimals here.
 */
import * as z from 'zod/mini';
import { Dec } from './decimal.js';
import { isYearLabel, suggestYear } from './years.js';
import { anyNumber, anyText, described, strictObject, transformed } from './zod.js';

export const NUMBER_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
export const LINE_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * What a YAML number scalar or a quoted number looks like before it is read. `what` is what the
 * key expects, for the message when it holds a list, a map or `true` instead (zod's own union
 * message is "Invalid input"). A missing key (no input) is left to the missing-key message.
 */
export function numberInput(what: string) {
  return z.union([anyNumber, anyText], {
    error: (iss) => (iss.input === undefined ? undefined : `expected ${what}${gotSuffix(iss.input)}`),
  });
}

function pctHint(text: string): string {
  const n = new Dec(text);
  if (!n.isZero() && n.abs().lessThan(1)) {
    return `write \`${n.times(100).toFixed()}%\` (if ${text} is a fraction) or \`${text}%\``;
  }
  return `write \`${text}%\``;
}

/**
 * Sanity bounds far outside any real plan (England's whole NHS budget is under £0.2 trillion), so a
 * slip like `1e400` or a run of extra digits is refused rather than projected into figures with
 * hundreds of digits, or into Infinity in Monte Carlo's binary floats.
 */
const MAX_MONEY = new Dec('1e15');
const MAX_RATE = new Dec(10);

export function moneyRangeProblem(d: Dec, text: string): string | undefined {
  return d.abs().lessThan(MAX_MONEY)
    ? undefined
    : `\`${text}\` is too large for an amount of money: it must be below 1,000,000,000,000,000 in the scenario's units`;
}

export function rateRangeProblem(fraction: Dec, text: string): string | undefined {
  return fraction.abs().lte(MAX_RATE) ? undefined : `\`${text}\` is out of range for a rate: it must be between -1000% and 1000%`;
}

/** How a finance team writes money in a spreadsheet, and what the file wants instead. */
function moneyHint(text: string): string {
  const plain = text.replace(/^([+-]?)\u00a3\s*/, '$1');
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(plain) || /^[+-]?\d+(_\d+)+(\.\d+)?$/.test(plain)) {
    return `: write \`${plain.replace(/[,_]/g, '')}\`, without separators`;
  }
  if (plain !== text && NUMBER_TEXT.test(plain)) return `: write \`${plain}\`; the units are set once for the file, by \`units:\``;
  const scaled = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*(k|m|bn|thousand|million|billion)$/i.exec(plain);
  if (scaled) {
    const [, n = '', unit = ''] = scaled;
    const [figure, units] = /^(k|thousand)$/i.test(unit)
      ? [n, '£k']
      : /^(m|million)$/i.test(unit)
        ? [n, '£m']
        : [new Dec(n).times(1000).toFixed(), '£m'];
    return `: money is a plain number in the file's units: write \`${figure}\` in a file with \`units: ${units}\``;
  }
  return '';
}

export const Money = described(
  transformed(numberInput("an amount of money (a plain number in the scenario's units, like `1250.5`)"), (v, ctx) => {
    const text = String(v).trim();
    if (!NUMBER_TEXT.test(text)) {
      ctx.addIssue({
        code: 'custom',
        message: `expected an amount of money (a plain number in the scenario's units, like \`1250.5\`), got \`${text}\`${moneyHint(text)}`,
      });
      return z.NEVER;
    }
    const d = new Dec(text);
    const tooLarge = moneyRangeProblem(d, text);
    if (tooLarge !== undefined) {
      ctx.addIssue({ code: 'custom', message: tooLarge });
      return z.NEVER;
    }
    return d;
  }),
  "An amount of money in the scenario's units, e.g. 1250.5",
);

export const NonNegativeMoney = Money.check(z.refine((d) => !d.isNegative(), { message: 'expected an amount of money of zero or more' }));

/** A rate as text with a per cent sign, e.g. `2.5%`, as a decimal fraction (0.025). */
export const RateText = described(
  transformed(
    z.string({ error: (iss) => `expected a rate with a per cent sign, like \`2.5%\`${gotSuffix(iss.input)}` }).check(
      z.regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*%$/, {
        error: (iss) => {
          const text = String(iss.input).trim();
          return NUMBER_TEXT.test(text)
            ? `rates are written with a per cent sign: ${pctHint(text)}`
            : `expected a rate with a per cent sign, like \`2.5%\`, got \`${text}\``;
        },
      }),
    ),
    (text, ctx) => {
      const fraction = new Dec(text.trim().slice(0, -1).trim()).dividedBy(100);
      const outOfRange = rateRangeProblem(fraction, text.trim());
      if (outOfRange !== undefined) {
        ctx.addIssue({ code: 'custom', message: outOfRange });
        return z.NEVER;
      }
      return fraction;
    },
  ),
  'A rate with a per cent sign, e.g. 2.5%',
);

export function gotSuffix(input: unknown): string {
  if (input === null) return ', got nothing (the key has no value)';
  if (Array.isArray(input)) return ', got a list';
  if (input !== null && typeof input === 'object') return ', got a map';
  return input === undefined ? '' : `, got \`${String(input)}\``;
}

/**
 * zod 4 still runs an object's refinements when one of its rates failed to parse (the failed rate is
 * left as its raw text), so the refinements only compare values that did parse.
 */
export function allDec(values: readonly unknown[]): boolean {
  return values.every((v) => v instanceof Dec);
}

const Per = described(
  z._default(z.enum(['draw', 'year']), 'draw'),
  'draw: one sample per draw used in every year; year: a fresh sample each year',
);

const NormalDist = described(
  transformed(
    strictObject({ normal: described(z.tuple([RateText, RateText]), '[mean, standard deviation]'), per: Per }).check(
      z.refine((d) => !allDec(d.normal) || !d.normal[1].isNegative(), {
        message: 'a standard deviation cannot be negative',
        path: ['normal', 1],
      }),
    ),
    (d) => ({ kind: 'normal' as const, mean: d.normal[0], sd: d.normal[1], per: d.per }),
  ),
  'A normal distribution {normal: [mean, sd]}; a plain run uses the mean',
);

const TriangularDist = described(
  transformed(
    strictObject({ triangular: described(z.tuple([RateText, RateText, RateText]), '[min, mode, max]'), per: Per }).check(
      z.refine(({ triangular: [a, m, b] }) => !allDec([a, m, b]) || (a.lte(m) && m.lte(b)), {
        message: 'a triangular distribution needs min ≤ mode ≤ max',
        path: ['triangular'],
      }),
    ),
    (d) => ({ kind: 'triangular' as const, min: d.triangular[0], mode: d.triangular[1], max: d.triangular[2], per: d.per }),
  ),
  'A triangular distribution {triangular: [min, mode, max]}; a plain run uses the mode',
);

const UniformDist = described(
  transformed(
    strictObject({ uniform: described(z.tuple([RateText, RateText]), '[min, max]'), per: Per }).check(
      z.refine(({ uniform: [a, b] }) => !allDec([a, b]) || a.lte(b), { message: 'a uniform distribution needs min ≤ max', path: ['uniform'] }),
    ),
    (d) => ({ kind: 'uniform' as const, min: d.uniform[0], max: d.uniform[1], per: d.per }),
  ),
  'A uniform distribution {uniform: [min, max]}; a plain run uses the midpoint',
);

/** A rate, or a distribution over it. */
export const Rate = described(
  z.union([transformed(RateText, (value) => ({ kind: 'fixed' as const, value })), NormalDist, TriangularDist, UniformDist]),
  'A rate like 2.5%, or a distribution: {normal: [m, sd]}, {triangular: [min, mode, max]}, {uniform: [min, max]}',
);
export type RateSpec = z.output<typeof Rate>;

export const YearKey = described(
  anyText.check(
    z.refine(isYearLabel, {
      error: (iss) => {
        const s = String(iss.input);
        const y = suggestYear(s);
        return `expected a financial year like \`2026/27\`, got \`${s}\`${y ? `: did you mean \`${y}\`?` : ''}`;
      },
    }),
  ),
  'A financial year, April to March, written 2025/26',
);

/** One rate for every year, a list with one per projection year, or a map from year to rate. */
export const RateSeries = described(
  z.union([
    transformed(Rate, (rate) => ({ kind: 'one' as const, rate })),
    transformed(z.array(Rate), (rates) => ({ kind: 'list' as const, rates })),
    transformed(z.record(YearKey, Rate), (byYear) => ({ kind: 'map' as const, byYear })),
  ]),
  'One rate for all years, a list with one rate per projection year, or a map from year to rate',
);
export type RateSeriesSpec = z.output<typeof RateSeries>;

/** Lines, providers and streams are named alike: the rule, as a message names it. */
export function snakeCaseRule(what: string): string {
  return `${what} names are lower_snake_case: a lowercase letter, then letters, digits or _`;
}

export function snakeCaseName(what: string, description: string) {
  return described(anyText.check(z.regex(LINE_NAME, { message: snakeCaseRule(what) })), description);
}

export const LineName = snakeCaseName('line', 'A spending line name, e.g. acute');
