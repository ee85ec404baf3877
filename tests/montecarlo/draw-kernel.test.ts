/**
 * The specialised float kernel (src/model/draw-kernel.ts) against the generic engine on floats:
 * for generated scenarios (every policy, fair shares with sampled pace and cap, streams, ring-fenced
 * money, one-off savings, providers, generated checks of every side) and seeds, every draw's
 * figures and failed checks are the same bits. And where the kernel cannot run a scenario it says
 * so and the generic engine runs it, with the same output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KERNEL_METRICS } from '../../src/model/draw-kernel.js';
import { compileFlatPlan } from '../../src/model/flat-plan.js';
import { drawArith } from '../../src/model/float-arith.js';
import { METRIC_TABLE } from '../../src/model/metric-table.js';
import { metricDefs } from '../../src/model/metrics.js';
import { DrawRunner, monteCarlo, summarize, type DrawPath } from '../../src/model/montecarlo.js';
import { PlanTemplate } from '../../src/model/plan-template.js';
import { parseScenario } from '../../src/model/run.js';
import type { ScenarioSpec } from '../../src/model/schema.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { yearLabels } from '../../src/model/years.js';
import { pct, scenarioArb, scenarioWithOneOffsArb } from '../model/arbitraries.js';
import { providerScenarioArb } from '../model/provider-arbitraries.js';
import { allScenarioFiles, load, presetFiles } from './helpers.js';

type Data = Record<string, unknown>;
const DRAWS = 12;

function specOf(data: Data): ScenarioSpec {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`generated an invalid scenario: ${JSON.stringify(parsed.problems)}\n${JSON.stringify(data)}`);
  return parsed.spec;
}

function draws(spec: ScenarioSpec, seed: number, path: DrawPath, from = 0, to = DRAWS): { values: Float64Array; failed: Uint8Array; runner: DrawRunner } {
  const runner = new DrawRunner(spec, seed, path);
  const values = new Float64Array((to - from) * runner.layout.width);
  const failed = new Uint8Array((to - from) * runner.layout.checks.length);
  runner.run(from, to, values, failed);
  return { values, failed, runner };
}

/** Bit for bit: the bytes of the figures (so -0 and 0 differ), and the failed flags. */
function expectSameDraws(spec: ScenarioSpec, seed: number, from = 0, to = DRAWS): void {
  const fast = draws(spec, seed, 'specialised', from, to);
  const generic = draws(spec, seed, 'generic', from, to);
  expect(fast.runner.fallback).toBeUndefined();
  expect(fast.runner.path).toBe('specialised');
  expect(generic.runner.path).toBe('generic');
  const a = new Uint8Array(fast.values.buffer);
  const b = new Uint8Array(generic.values.buffer);
  if (!Buffer.from(a).equals(Buffer.from(b))) {
    const i = fast.values.findIndex((v, k) => !Object.is(v, generic.values[k]));
    const { width, metrics, labels } = fast.runner.layout;
    const j = Math.floor((i % width) / labels.length);
    throw new Error(`draw ${from + Math.floor(i / width)}, ${metrics[j]!.name} ${labels[(i % width) % labels.length]}: kernel ${fast.values[i]}, generic ${generic.values[i]}`);
  }
  expect(Array.from(fast.failed)).toEqual(Array.from(generic.failed));
}

/** Limits of the right kind for a metric: money as a number, a rate or share with a per cent sign. */
function limit(kind: string): fc.Arbitrary<string> {
  return kind === 'money' ? fc.integer({ min: -400, max: 400 }).map(String) : fc.integer({ min: -300, max: 900 }).map(pct);
}

/** Up to five checks on the scenario's own metrics (or a provider pattern), with any sides and years. */
function withChecks(base: fc.Arbitrary<Data>): fc.Arbitrary<Data> {
  return base.chain((data) => {
    const spec = specOf(data);
    const defs = metricDefs(spec);
    const labels = yearLabels('2025/26', spec.years);
    const hasProviders = Object.keys(spec.providers ?? {}).length > 0;
    const metric = fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...defs) },
      // A pattern over a family whose members always report a figure.
      { weight: 1, arbitrary: fc.constant({ name: hasProviders ? 'provider_surplus.*' : 'spend.*', kind: 'money' as const }) },
    );
    const check = metric.chain((d) =>
      fc.record(
        {
          metric: fc.constant(d.name),
          kind: fc.constant(d.kind),
          min: fc.oneof(limit(d.kind), ...(d.kind === 'rate' ? [fc.constant('allocation_growth')] : [])),
          max: limit(d.kind),
          change_min: limit(d.kind),
          change_max: limit(d.kind),
          // Only money is compared with its base-year figure.
          ...(d.kind === 'money'
            ? { min_change_from_base: fc.integer({ min: -2000, max: 3000 }).map(pct), max_change_from_base: fc.integer({ min: -2000, max: 3000 }).map(pct) }
            : {}),
          // A one-year rule in a projection year: change limits need a year before them.
          when: fc.oneof(fc.constant({ each_year: true }), fc.constantFrom(...labels.slice(1), 'final').map((year) => ({ year }))),
        },
        { requiredKeys: ['metric', 'kind', 'when'] },
      ),
    );
    return fc.array(check, { minLength: 1, maxLength: 5 }).map((checks) => ({
      ...data,
      checks: checks.map(({ when, kind, ...c }, k) => {
        // A rule needs at least one limit.
        const limits = Object.keys(c).length > 1 ? {} : { min: kind === 'money' ? '0' : '0%' };
        return { name: `rule ${k}`, ...c, ...limits, ...when };
      }),
    }));
  });
}

/** The fair share's pace and cap as distributions, sometimes: draws sample them once each. */
function sampledFairShare(base: fc.Arbitrary<Data>): fc.Arbitrary<Data> {
  return base.chain((data) =>
    fc.boolean().map((sample) => {
      const allocation = data.allocation as Data;
      const fs = allocation.fair_share as Data | undefined;
      if (!sample || fs?.pace === undefined) return data;
      return { ...data, allocation: { ...allocation, fair_share: { ...fs, pace: { uniform: ['0%', fs.pace] }, cap: { triangular: ['0%', fs.cap, '3%'] } } } };
    }),
  );
}

const seedArb = fc.integer({ min: 0, max: 0xffffffff });

describe('the specialised kernel gives every draw the generic engine\'s very bits', () => {
  it('on generated scenarios with every policy and generated checks', () => {
    fc.assert(fc.property(withChecks(scenarioArb), seedArb, (data, seed) => expectSameDraws(specOf(data), seed)), { numRuns: 80 });
  });

  it('with fair shares (sampled pace and cap), named and ring-fenced streams and one-off savings', () => {
    fc.assert(fc.property(withChecks(sampledFairShare(scenarioWithOneOffsArb)), seedArb, (data, seed) => expectSameDraws(specOf(data), seed)), { numRuns: 80 });
  });

  it('with providers', () => {
    fc.assert(fc.property(withChecks(providerScenarioArb), seedArb, (data, seed) => expectSameDraws(specOf(data), seed)), { numRuns: 60 });
  });

  it('for every shipped scenario, the Monte Carlo fixture and the 42 presets, from any first draw', () => {
    for (const file of [...allScenarioFiles(), ...presetFiles()]) expectSameDraws(load(file).spec, 7, 1000, 1000 + DRAWS);
  });

  it('reads every metric of the metric table (a new metric needs its reader there, or draws fall back)', () => {
    const single = METRIC_TABLE.flatMap((e) => ('family' in e ? [] : [e.name]));
    const family = METRIC_TABLE.flatMap((e) => ('family' in e ? [e.family] : []));
    expect([...KERNEL_METRICS.single].sort()).toEqual([...single].sort());
    expect([...KERNEL_METRICS.family].sort()).toEqual([...family].sort());
  });
});

describe('the largest-remainder split where floats blur a tie', () => {
  it('gives the odd penny to the target listed first, as the generic split does', () => {
    // D = 100% × (10.10 − 10) = £0.10; 15% of it is 0.015 and 85% is 0.085: each rounds down (0.01,
    // 0.08) with 0.005 left over, a tie in decimals that floats make 0.004999999999999999 against
    // 0.0050000000000000044. The tolerant comparison calls that a tie, so the first listed gets
    // the penny: 0.02 and 0.08. The kernel hands this case to the generic split.
    const spec = specOf({
      base_year: '2025/26',
      years: '1',
      units: '£',
      allocation: { recurrent: '10', growth: '1%' },
      lines: { a: { category: 'community', spend: '0' }, b: { category: 'primary', spend: '0' } },
      policies: [{ type: 'divert_growth', share: '100%', to: { a: '15%', b: '85%' } }],
      checks: [{ name: 'a gets the penny', metric: 'spend.a', min: '0.02', year: '2026/27' }],
    });
    expectSameDraws(spec, 1, 0, 2);
    const { failed } = draws(spec, 1, 'specialised', 0, 2);
    expect(Array.from(failed)).toEqual([0, 0]);
  });
});

describe('where the kernel cannot run a scenario exactly, the generic engine does', () => {
  const icb = load(allScenarioFiles()[0]!).spec;

  it('a rule over growth.* (a member may report no figure, so its expansion may differ by draw): the same output', () => {
    const data = structuredClone(load(allScenarioFiles()[0]!).data);
    delete data.extends;
    const spec = specOf({ ...data, checks: [{ name: 'Every line grows', metric: 'growth.*', min: '0%', each_year: true }] });
    const runner = new DrawRunner(spec, 3);
    expect(runner.path).toBe('generic');
    expect(runner.fallback).toMatch(/growth\.\*/);
    const layout = runner.layout;
    const values = new Float64Array(400 * layout.width);
    const failed = new Uint8Array(400 * layout.checks.length);
    runner.run(0, 400, values, failed);
    const generic = draws(spec, 3, 'generic', 0, 400);
    expect(JSON.stringify(summarize('x', spec, layout, 400, values, failed, 3))).toBe(
      JSON.stringify(summarize('x', spec, layout, 400, generic.values, generic.failed, 3)),
    );
    expect(JSON.stringify(monteCarlo('x', spec, 400, 3))).toBe(JSON.stringify(summarize('x', spec, layout, 400, generic.values, generic.failed, 3)));
  });

  it('a plan field the kernel does not know: compilation says which', () => {
    const template = new PlanTemplate(icb, drawArith(PENNY_PLACES[icb.units]));
    (template.plan as unknown as Data).capitalCharges = [0];
    expect(compileFlatPlan(template)).toBe("the plan's top level has a field the specialised path does not know: capitalCharges");
    const line = template.plan.lines[0] as unknown as Data;
    delete (template.plan as unknown as Data).capitalCharges;
    line.depreciation = 1;
    expect(compileFlatPlan(template)).toBe("the plan's line has a field the specialised path does not know: depreciation");
  });
});
