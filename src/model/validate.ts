/**
 * The rules of MODEL.md that a schema cannot see on its own: they tie one part of a scenario to
 * another (years inside the period, known line names, weights that sum to 100%, ...).
 */
import { Dec } from './decimal.js';
import type { Problem } from './issues.js';
import { hasProviders, headlineMetricDefs, METRIC_FAMILIES, metricDefs, type MetricDef } from './metrics.js';
import type { ScenarioSpec } from './schema.js';
import type { CheckSpec } from './schema.js';
import { isMetricPattern } from './checks.js';
import { closest, didYouMeanSuffix } from './suggest.js';
import { fairShareRules, nonRecurrentRules } from './validate-allocation.js';
import { Validator } from './validator.js';
import { policyType } from './policies/index.js';
import { validateProviders } from './validate-providers.js';
import { yearLabels } from './years.js';

/**
 * One rule of a scenario: `check` reports through the validator every problem it finds. Each
 * rule reads the validated shape of the scenario (the schema has passed) and is testable alone.
 */
export interface ScenarioRule {
  /** What the rule holds, in words. */
  name: string;
  check(s: ScenarioSpec, v: Validator): void;
}

const ASSUMPTION_KEYS = ['inflation', 'demand', 'efficiency', 'efficiency_delivery'] as const;

/** Lines a policy of this type names (flat_cash, running_cost_cut), where the line exists. */
function linesWith(s: ScenarioSpec, v: Validator, type: 'flat_cash' | 'running_cost_cut'): Set<string> {
  return new Set((s.policies ?? []).flatMap((p) => (p.type === type && v.lineNames.includes(p.line) ? [p.line] : [])));
}

/**
 * Every rule, in the order they run. A rule never stops the ones after it, so a file's problems
 * are all reported at once (the loader puts them in reading order). The rules a single value
 * must meet (a rate's range) run as the value is read: rate-rules.ts.
 */
export const SCENARIO_RULES: readonly ScenarioRule[] = [
  {
    name: 'allocation growth gives one rate for each projection year',
    check: (s, v) => v.checkSeries(s.allocation.growth, ['allocation', 'growth']),
  },
  { name: 'a fair share has one convergence rule, its values in range', check: fairShareRules },
  { name: 'one-off money falls in the plan and names lines that exist', check: nonRecurrentRules },
  {
    name: 'every cost driver gives one rate for each projection year',
    check(s, v) {
      for (const key of ASSUMPTION_KEYS) v.checkSeries(s.assumptions?.[key], ['assumptions', key]);
      for (const [name, line] of Object.entries(s.lines)) {
        for (const key of ASSUMPTION_KEYS) v.checkSeries(line[key], ['lines', name, key]);
      }
      for (const [name, provider] of Object.entries(s.providers ?? {})) {
        for (const key of [...ASSUMPTION_KEYS, 'other_income_growth'] as const) v.checkSeries(provider[key], ['providers', name, key]);
      }
    },
  },
  {
    name: "each policy meets its own type's rules",
    check: (s, v) => (s.policies ?? []).forEach((p, k) => policyType(p).validate(p, (...rest) => ['policies', k, ...rest], v)),
  },
  {
    name: 'a line is held to flat cash, or cut, by one policy at most',
    check(s, v) {
      const claimed = new Set<string>();
      (s.policies ?? []).forEach((p, k) => {
        const key = policyType(p).onePerLine;
        if (key === undefined) return;
        const line = (p as Record<string, unknown>)[key] as string;
        if (!v.lineNames.includes(line)) return;
        if (claimed.has(`${p.type}.${line}`)) v.fail(['policies', k, key], `line \`${line}\` already has a ${p.type} policy`);
        claimed.add(`${p.type}.${line}`);
      });
    },
  },
  {
    name: 'the diversions together divert at most 100% of growth',
    check(s, v) {
      const total = (s.policies ?? []).reduce((sum, p) => (p.type === 'divert_growth' && p.share.kind === 'fixed' ? sum.plus(p.share.value) : sum), new Dec(0));
      if (total.gt(1)) v.fail(['policies'], `the divert_growth policies together divert ${total.times(100).toFixed()}% of growth: at most 100%`);
    },
  },
  {
    // MODEL.md step 4: a cut line is neither held to flat cash, shifted nor diverted into; step 5:
    // nor is a flat-cash line a diversion's target.
    name: "a cut line, or a flat-cash one, is out of other policies' reach",
    check(s, v) {
      const flatCash = linesWith(s, v, 'flat_cash');
      const cut = linesWith(s, v, 'running_cost_cut');
      (s.policies ?? []).forEach((p, k) => {
        if (p.type === 'flat_cash' && cut.has(p.line)) {
          v.fail(['policies', k, 'line'], `line \`${p.line}\` has a running_cost_cut: it cannot also be held to flat cash`);
        }
        if (p.type === 'shift_activity') {
          for (const end of ['from', 'to'] as const) {
            if (cut.has(p[end])) v.fail(['policies', k, end], `line \`${p[end]}\` has a running_cost_cut: it cannot be the ${end === 'from' ? 'source' : 'target'} of a shift`);
          }
        }
        if (p.type === 'divert_growth') {
          for (const name of Object.keys(p.to)) {
            if (flatCash.has(name)) v.fail(['policies', k, 'to', name], `line \`${name}\` is held to flat cash: growth cannot be diverted into it`, 'key');
            if (cut.has(name)) v.fail(['policies', k, 'to', name], `line \`${name}\` has a running_cost_cut: growth cannot be diverted into it`, 'key');
          }
        }
      });
    },
  },
  {
    name: 'a care-shift category is listed once',
    check(s, v) {
      const categories = s.care_shift?.categories;
      if (categories && new Set(categories).size !== categories.length) v.fail(['care_shift', 'categories'], 'a category is listed twice');
    },
  },
  { name: 'providers hold lines that exist, and at most all of each', check: (s, v) => v.problems.push(...validateProviders(s)) },
  {
    name: 'each check has a limit and a year, and names a metric of this plan',
    check: (s, v) => v.problems.push(...validateCheckShapes(s.checks ?? []), ...validateChecksForPlan(s.checks ?? [], s)),
  },
];

export function validateScenario(s: ScenarioSpec): Problem[] {
  const v = new Validator(s);
  for (const rule of SCENARIO_RULES) rule.check(s, v);
  return v.problems;
}

const FROM_BASE = ['min_change_from_base', 'max_change_from_base'] as const;
const CHANGE = ['change_min', 'change_max'] as const;

/** What is wrong with a rule whatever plan it is applied to (so a rules file can be checked on its own). */
export function validateCheckShapes(checks: readonly CheckSpec[]): Problem[] {
  const problems: Problem[] = [];
  checks.forEach((c, k) => {
    const at = ['checks', k];
    const limits = (['min', 'max', ...CHANGE, ...FROM_BASE] as const).filter((side) => c[side] !== undefined);
    if (limits.length === 0) {
      problems.push({
        path: at,
        message: `check \`${c.name}\` needs a limit: \`min\`, \`max\`, \`change_min\`, \`change_max\`, \`min_change_from_base\` or \`max_change_from_base\``,
        at: 'value',
      });
    }
    if ((c.year === undefined) === (c.each_year !== true)) {
      problems.push({
        path: at,
        message: `check \`${c.name}\` needs either \`year:\` (a year like \`2027/28\`, or \`final\`) or \`each_year: true\`, not both or neither`,
        at: 'value',
      });
    }
    for (const side of CHANGE) {
      if (c[side]?.kind === 'metric') {
        problems.push({ path: [...at, side], message: `${side} is a change from the year before: write money (\`0\`) or percentage points (\`0.5%\`)`, at: 'value' });
      }
    }
  });
  return problems;
}

/** What is wrong with rules given this plan: metric names, years inside the period, money versus rates. */
export function validateChecksForPlan(checks: readonly CheckSpec[], s: ScenarioSpec): Problem[] {
  const problems: Problem[] = [];
  const fail = (path: PropertyKey[], message: string) => problems.push({ path, message, at: 'value' });
  const labels = yearLabels(s.base_year, s.years);
  const period = `${labels[0]} to ${labels[labels.length - 1]}`;
  const metrics = new Map<string, MetricDef>(metricDefs(s).map((m) => [m.name, m]));
  checks.forEach((c, k) => {
    const at = (...rest: PropertyKey[]) => ['checks', k, ...rest];
    // A pattern (`provider_surplus.*`) is checked as its first match: a family's members are alike.
    const pattern = isMetricPattern(c.metric);
    const matches = pattern ? [...metrics.values()].filter((m) => `${m.family}.*` === c.metric) : [];
    const def = pattern ? matches[0] : metrics.get(c.metric);
    if (pattern && !def) {
      const family = c.metric.slice(0, -2);
      const known = METRIC_FAMILIES.map((f) => `\`${f.family}.*\``);
      fail(
        at('metric'),
        known.includes(`\`${c.metric}\``)
          ? `no metric matches \`${c.metric}\`: this plan has no ${family.startsWith('provider') ? 'providers' : `members of ${family}`}`
          : `unknown metric pattern \`${c.metric}\`${didYouMeanSuffix(c.metric, METRIC_FAMILIES.map((f) => `${f.family}.*`))} (a pattern is a family name and \`.*\`: ${known.join(', ')})`,
      );
    } else if (!def) {
      const suggestion = closest(c.metric, [...metrics.keys()]);
      const prefixes = (under: string) => orList(METRIC_FAMILIES.filter((f) => f.under === under && (f.when === undefined || f.when(s))).map((f) => `${f.family}.`));
      const providers = hasProviders(s) ? `, or ${prefixes('provider')} and a provider name` : '';
      const known = `one of ${headlineMetricDefs(s).map((m) => m.name).join(', ')}, or ${prefixes('line')} and a line name${providers}`;
      fail(at('metric'), `unknown metric \`${c.metric}\`${suggestion ? `: did you mean \`${suggestion}\`?` : ` (${known})`}`);
    }
    if (c.year !== undefined && c.year !== 'final' && !labels.includes(c.year)) fail(at('year'), `${c.year} is outside the period ${period}`);
    const year = c.year === 'final' ? labels.at(-1) : c.year;
    if (def && year === labels[0]) {
      if (def.fromYear === 1) fail(at('year'), `${c.metric} starts in ${labels[1]}: the base year has no year before it`);
      for (const side of [...CHANGE, ...FROM_BASE]) {
        if (c[side] !== undefined) fail(at('year'), `${side} needs a year before it: ${labels[0]} is the base year`);
      }
    }
    if (!def) return;
    const wantsMoney = def.kind === 'money';
    for (const side of ['min', 'max', ...CHANGE] as const) {
      const bound = c[side];
      if (!bound || bound.kind === 'metric') continue;
      const what = side.startsWith('change') ? `${c.metric}'s change from the year before` : c.metric;
      if (wantsMoney && bound.kind !== 'money') fail(at(side), `${what} is money in ${s.units}: write the limit as a number, like \`0\``);
      if (!wantsMoney && bound.kind === 'money') {
        fail(at(side), `${what} is a rate: write the limit with a per cent sign, like ${percentForm(new Dec(bound.value))}`);
      }
    }
    for (const side of ['min', 'max'] as const) {
      if (c[side]?.kind === 'metric' && wantsMoney) fail(at(side), `${c.metric} is money in ${s.units}: it cannot be compared with allocation_growth, a rate`);
    }
    for (const side of FROM_BASE) {
      if (c[side] !== undefined && !wantsMoney) {
        fail(at(side), `${side} compares money with the base year; ${c.metric} is a rate: use min/max or change_min/change_max`);
      }
    }
  });
  return problems;
}

/** `30` → `30%`; `0.3` → `30%` or `0.3%`, since a number below one may be a fraction or a per cent. */
function percentForm(v: Dec): string {
  const text = v.toFixed();
  return !v.isZero() && v.abs().lessThan(1) ? `\`${v.times(100).toFixed()}%\` (if ${text} is a fraction) or \`${text}%\`` : `\`${text}%\``;
}

/** `a`, `a or b`, `a, b or c`. */
function orList(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
