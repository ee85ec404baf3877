/**
 * The scenario format (../shared/MODEL.md, "Inputs"), as zod schemas that are the single source of
 * the scenario's types and of its JSON Schema. Numbers arrive as their source text (the loader never
 * turns them into binary floats) and are turned into decimals here.
 */
import * as z from 'zod/mini';
import { CATEGORIES } from './categories.js';
import { Dec } from './decimal.js';
import { UNITS } from './units.js';
import { Policy } from './policies/index.js';
import { aboveMinusAll, atMostAll, between, ruledSeries } from './rate-rules.js';
import {
  allDec,
  gotSuffix,
  LINE_NAME,
  LineName,
  Money,
  moneyRangeProblem,
  NonNegativeMoney,
  NUMBER_TEXT,
  numberInput,
  Rate,
  RateSeries,
  rateRangeProblem,
  RateText,
  snakeCaseName,
  snakeCaseRule,
  YearKey,
} from './schema-values.js';
import { isYearLabel, suggestYear } from './years.js';
import { anyText, described, strictObject, transformed } from './zod.js';

export { CATEGORIES, DEFAULT_CARE_SHIFT } from './categories.js';
export { LineName, Money, NonNegativeMoney, Rate, RateSeries, RateText, YearKey } from './schema-values.js';
export type { RateSeriesSpec, RateSpec } from './schema-values.js';
export { Policy, POLICY_TYPES, type PolicySpec } from './policies/index.js';

const Assumptions = {
  inflation: described(
    z.optional(ruledSeries(aboveMinusAll('inflation', 'costs would fall to nothing or below'))),
    'Cost inflation (pay and prices) per year; default 0%',
  ),
  demand: described(
    z.optional(ruledSeries(aboveMinusAll('demand growth', 'activity would fall to nothing or below'))),
    'Growth in activity needed (demography, acuity) per year; default 0%',
  ),
  efficiency: described(
    z.optional(ruledSeries(atMostAll('efficiency', 'it would save more than the whole cost'))),
    'Cost-improvement (efficiency) requirement per year; default 0%',
  ),
  // Delivery is the share of the savings plan achieved: 110% would be savings nobody planned, and a
  // negative share would turn a cost improvement into a cost increase. Over-delivery belongs in
  // `efficiency` itself.
  efficiency_delivery: described(
    z.optional(ruledSeries(between(0, 1, 'efficiency delivery'))),
    'Share of the efficiency actually achieved, 0% to 100%; default 100%',
  ),
};

const Line = described(
  strictObject({
    category: described(z.enum(CATEGORIES), `What kind of spend this is: ${CATEGORIES.join(', ')}`),
    spend: described(NonNegativeMoney, 'Base-year spend on this line (its recurrent spend)'),
    label: described(z.optional(anyText), 'A display name for reports'),
    ...Assumptions,
    non_recurrent_savings: described(
      z.optional(z.record(YearKey, NonNegativeMoney)),
      'One-off savings by year (a vacancy freeze, a balance-sheet release): they lower this line in that year only',
    ),
  }),
  "One of the ICB's spending lines; inflation/demand/efficiency here override the defaults",
);

/**
 * A provider (MODEL.md "Providers"): an NHS trust paid a share of ICB lines, bearing the same share
 * of their need, with income and costs of its own that no ICB line of this scenario carries.
 */
const Provider = described(
  strictObject({
    label: described(z.optional(anyText), 'A display name for reports, e.g. Northshire Hospitals NHS FT'),
    contracts: described(
      z._default(z.record(LineName, RateText), {}),
      "The provider's share of each ICB line it holds: it is paid that share of the line's spend and bears that share of its need",
    ),
    other_income: described(z.optional(NonNegativeMoney), 'Base-year income from elsewhere (other commissioners, education and training, ...); default 0'),
    other_income_growth: described(
      z.optional(ruledSeries(aboveMinusAll('other income growth', 'the income would fall to nothing or below'))),
      'Growth of the other income per year; default 0%',
    ),
    other_costs: described(
      z.optional(NonNegativeMoney),
      "Base-year costs no ICB line of this scenario pays for; default 0. They grow by the provider's own cost drivers",
    ),
    ...Assumptions,
    non_recurrent_savings: described(
      z.optional(z.record(YearKey, Money)),
      "One-off cost reductions by year (a vacancy freeze, a balance-sheet release): they lower that year's costs only",
    ),
  }),
  "One of the system's providers (an NHS trust); inflation/demand/efficiency here override the scenario's assumptions for its other costs",
);
export type ProviderSpec = z.output<typeof Provider>;

export const ProviderName = snakeCaseName('provider', 'A provider name, e.g. northshire');

/** A check's limit: money, a rate, or the name of a rate metric (allocation_growth). */
const Bound = described(
  transformed(numberInput('a limit: money (`0`), a rate (`25%`) or `allocation_growth`'), (v, ctx) => {
    const text = String(v).trim();
    if (text === 'allocation_growth') return { kind: 'metric' as const, metric: 'allocation_growth' as const };
    const pct = /^(.*?)\s*%$/.exec(text);
    const bound =
      pct && NUMBER_TEXT.test(pct[1] ?? '')
        ? { kind: 'rate' as const, value: new Dec(pct[1] as string).dividedBy(100) }
        : NUMBER_TEXT.test(text)
          ? { kind: 'money' as const, value: new Dec(text) }
          : undefined;
    if (bound !== undefined) {
      const outOfRange = bound.kind === 'rate' ? rateRangeProblem(bound.value, text) : moneyRangeProblem(bound.value, text);
      if (outOfRange === undefined) return bound;
      ctx.addIssue({ code: 'custom', message: outOfRange });
      return z.NEVER;
    }
    ctx.addIssue({
      code: 'custom',
      message: `expected a limit: money (\`0\`), a rate (\`25%\`) or \`allocation_growth\`, got \`${text}\``,
    });
    return z.NEVER;
  }),
  'Money (e.g. 0), a rate (e.g. 25%) or allocation_growth',
);
export type BoundSpec = z.output<typeof Bound>;

/** A check's year: a label, or `final` so one rules file fits plans with different periods. */
const CheckYear = described(
  anyText.check(
    z.refine((s) => s === 'final' || isYearLabel(s), {
      error: (iss) => {
        const s = String(iss.input);
        const y = suggestYear(s);
        return `expected a financial year like \`2026/27\` or \`final\`, got \`${s}\`${y ? `: did you mean \`${y}\`?` : ''}`;
      },
    }),
  ),
  'A financial year like 2027/28, or `final` for the last year of the plan',
);

/**
 * Which names exist depends on the plan (its lines, providers, streams), so validation checks them
 * against each plan; the JSON Schema lists the metric table's names and family patterns instead.
 */
export const CheckMetric = described(z.string(), 'A metric name (e.g. icb_surplus, growth.mental_health) or a family pattern (provider_surplus.*)');

export const Check = described(
  strictObject({
    name: described(z.string(), 'What the rule is called in reports'),
    metric: CheckMetric,
    min: described(z.optional(Bound), 'The figure must be at least this'),
    max: described(z.optional(Bound), 'The figure must be at most this'),
    change_min: described(
      z.optional(Bound),
      'The change from the year before must be at least this (money, or percentage points for a rate or share)',
    ),
    change_max: described(
      z.optional(Bound),
      'The change from the year before must be at most this (money, or percentage points for a rate or share)',
    ),
    min_change_from_base: described(z.optional(RateText), 'figure / base-year figure - 1 must be at least this rate'),
    max_change_from_base: described(
      z.optional(RateText),
      'figure / base-year figure - 1 must be at most this rate (e.g. -30%: down by at least 30%)',
    ),
    year: described(z.optional(CheckYear), 'The one year the rule applies to (or `final`)'),
    each_year: described(z.optional(z.boolean()), 'Apply the rule in every year that reports the metric'),
  }),
  'A rule the plan must meet',
);
export type CheckSpec = z.output<typeof Check>;

/** `m`, `GBPm`, `£000s`, `£bn`: what a finance team writes for units, mapped to what the file takes. */
function unitsMessage(input: unknown): string | undefined {
  if (typeof input !== 'string') return undefined;
  const t = input.trim().toLowerCase().replace(/^(gbp|\u00a3)\s*/, '');
  const expected = `expected one of ${UNITS.map((u) => `\`${u}\``).join(', ')}, got \`${input}\``;
  if (['m', 'mn', 'million', 'millions'].includes(t)) return `${expected}: did you mean \`£m\`?`;
  if (['k', '000', '000s', "'000s", 'thousand', 'thousands'].includes(t)) return `${expected}: did you mean \`£k\`?`;
  if (['', 'pound', 'pounds'].includes(t)) return `${expected}: did you mean \`£\`?`;
  if (['b', 'bn', 'billion', 'billions'].includes(t)) return `${expected}: there is no £bn; write money in \`£m\` (£1bn is 1000)`;
  return undefined;
}

const Years = described(
  transformed(numberInput('a whole number of projection years from 1 to 15'), (v, ctx) => {
    const text = String(v).trim();
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= 1 && n <= 15)) {
      ctx.addIssue({ code: 'custom', message: `years is a whole number of projection years from 1 to 15, got \`${text}\`` });
      return z.NEVER;
    }
    return n;
  }),
  'How many years to project after the base year (1 to 15)',
);

/**
 * `allocation.fair_share` (MODEL.md "Fair shares"). Which of `pace` + `cap` or `convergence` is
 * given, and their ranges, are checked by validation, which can point at the key that is wrong.
 */
const FairShare = described(
  strictObject({
    distance_from_target: described(
      RateText,
      'How far the base-year allocation is from its fair-share target: (allocation − target) / target, e.g. 4.36% above, -2% below',
    ),
    pace: described(z.optional(Rate), 'The share of last year\'s distance from target closed each year (0% to 100%); needs `cap`'),
    cap: described(z.optional(Rate), 'The most convergence can add to or take from growth in a year, e.g. 0.5%; needs `pace`'),
    convergence: described(
      z.optional(RateSeries),
      'The convergence adjustment itself (added to growth) per projection year, instead of `pace` and `cap`',
    ),
  }),
  'Convergence towards the fair-share target: `distance_from_target` and either `pace` + `cap` or `convergence`',
);
export type FairShareSpec = z.output<typeof FairShare>;

const StreamName = described(
  anyText.check(
    z.superRefine((name, ctx) => {
      if (isYearLabel(name)) {
        ctx.addIssue({
          code: 'custom',
          message: `\`${name}\` is a year, not a stream name: in a map of named streams every key names a stream (like \`deficit_support\`) holding its own \`year: amount\` entries; for one-off money without names, give every entry as \`year: amount\``,
        });
      } else if (!LINE_NAME.test(name)) {
        ctx.addIssue({ code: 'custom', message: `${snakeCaseRule('stream')}, got \`${name}\`` });
      }
    }),
  ),
  'A non-recurrent stream name, e.g. deficit_support',
);

const AmountsByYear = described(z.record(YearKey, Money), 'Amounts by year');

/**
 * A ring-fenced stream is tried first: a map with `amounts:` is one, so a typo in `ring_fenced`
 * is reported as a typo rather than as `amounts` not being a year.
 */
const Stream = described(
  z.union([
    transformed(
      strictObject({
        amounts: described(AmountsByYear, 'The amount of the stream by year'),
        ring_fenced: described(LineName, 'The line the money must be spent on, in its year'),
      }),
      (s) => ({ amounts: s.amounts, ringFenced: s.ring_fenced as string | undefined }),
    ),
    transformed(AmountsByYear, (amounts) => ({ amounts, ringFenced: undefined as string | undefined })),
  ]),
  'A stream: a map from year to amount, or {amounts: {year: amount}, ring_fenced: LINE}',
);
export type StreamSpec = z.output<typeof Stream>;

const NonRecurrent = described(
  z.union([
    transformed(z.record(YearKey, Money), (byYear) => ({ kind: 'years' as const, byYear })),
    transformed(z.record(StreamName, Stream), (streams) => ({ kind: 'streams' as const, streams })),
  ]),
  'One-off funding: a map from year to amount, or a map from stream names to streams (year → amount, or {amounts, ring_fenced: LINE})',
);
export type NonRecurrentSpec = z.output<typeof NonRecurrent>;

export const Scenario = described(
  strictObject({
    name: described(z.optional(anyText), 'The scenario\'s name in reports (default: the file name)'),
    description: described(z.optional(anyText), 'What question this scenario answers'),
    extends: described(z.optional(anyText), 'A base scenario file (relative path) whose keys this one overrides'),
    units: described(
      z._default(z.enum(UNITS, { error: (iss) => unitsMessage(iss.input) }), '£m'),
      'The units every amount of money is written in: £, £k or £m',
    ),
    base_year: described(YearKey, 'The year whose figures are given, not projected'),
    years: Years,
    allocation: described(
      strictObject({
        recurrent: described(NonNegativeMoney, 'Base-year recurrent allocation'),
        growth: described(
          ruledSeries(aboveMinusAll('allocation growth', 'the allocation would fall to nothing or below')),
          'Recurrent allocation growth per projection year',
        ),
        non_recurrent: described(
          z.optional(NonRecurrent),
          'One-off funding by year, or by named stream (deficit support, a ring-fenced pot); it does not compound',
        ),
        fair_share: z.optional(FairShare),
      }),
      "The ICB's funding",
    ),
    assumptions: described(z.optional(strictObject(Assumptions)), 'Default cost drivers for every line'),
    lines: described(
      z.record(LineName, Line).check(z.refine((r) => Object.keys(r).length > 0, { message: 'a scenario needs at least one spending line' })),
      "The ICB's spending lines, by name",
    ),
    providers: described(
      z.optional(z.record(ProviderName, Provider)),
      "The system's providers (NHS trusts) as organisations, by name: who holds which share of which line",
    ),
    policies: described(
      z.optional(z.array(Policy)),
      'Policy levers: flat_cash, divert_growth, running_cost_cut, shift_activity. The model applies them in its own fixed order, so the order written here never changes a figure',
    ),
    care_shift: described(
      z.optional(
        strictObject({
          categories: described(z.optional(z.array(z.enum(CATEGORIES))), 'Categories counted as care closer to home'),
          target: described(z.optional(RateText), 'The care-shift share the plan aims for by the final year'),
        }),
      ),
      'What counts as care closer to home',
    ),
    checks: described(z.optional(z.array(Check)), 'Rules the plan must meet'),
  }),
  'An icbsim scenario: one ICB plan over a multi-year period',
);

export type ScenarioInput = z.input<typeof Scenario>;
export type ScenarioSpec = z.output<typeof Scenario>;
