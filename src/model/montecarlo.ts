/**
 * Monte Carlo draws: the one engine (`buildPlan` + `project` + `computeMetrics` + `evaluateChecks`)
 * run on floats with a sampler per draw, and the summary of many draws. Pure: no threads, no
 * clock. `src/mc/` spreads draw ranges over worker threads; since draw k's figures depend only on
 * (seed, k) and the summary reads the draws in index order, the result is the same for any split.
 */
import type { Arith } from './arith.js';
import { evaluateChecks, expandCheck, metricsReadBy } from './checks.js';
import { compileDrawKernel, type DrawKernel } from './draw-kernel.js';
import { DrawSampler } from './draw-sampler.js';
import { project } from './engine.js';
import { drawArith } from './float-arith.js';
import { computeMetrics, headlineMetricDefs, metricDefs, metricSet, type MetricDef, type MetricSet } from './metrics.js';
import { buildPlan, type Plan } from './plan.js';
import { PlanTemplate } from './plan-template.js';
import { percentilesOf } from './sampling.js';
import type { ScenarioSpec } from './schema.js';
import { PENNY_PLACES, type Units } from './units.js';
import { yearLabels } from './years.js';

export const MAX_DRAWS = 100_000;

/** What one draw records: every headline metric of every year, and which checks failed. */
export interface DrawLayout {
  labels: string[];
  metrics: readonly MetricDef[];
  checks: string[];
  /** Numbers per draw in the values array: metrics × years, metric-major. */
  width: number;
}

export function drawLayout(spec: ScenarioSpec): DrawLayout {
  const labels = yearLabels(spec.base_year, spec.years);
  const all = metricDefs(spec);
  // Each provider's surplus too, so a run with draws can say how likely each trust is to be in deficit.
  const metrics = [...headlineMetricDefs(spec), ...all.filter((d) => d.family === 'provider_surplus')];
  const names = all.map((d) => d.name);
  return {
    labels,
    metrics,
    // A pattern rule (`provider_surplus.*`) is one rule per provider, as evaluateChecks gives them.
    checks: (spec.checks ?? []).flatMap((c) => expandCheck(c, names)).map((c) => c.name),
    width: metrics.length * labels.length,
  };
}

/**
 * How a runner runs its draws: `specialised` (the default) uses the float kernel wherever it can
 * run the scenario exactly and says why not otherwise; `generic` always runs the generic engine,
 * the reference the kernel is tested against.
 */
export type DrawPath = 'specialised' | 'generic';

/**
 * Runs draws [from, to) of a validated scenario, writing row (k − from) of each array: on the
 * specialised float kernel (draw-kernel.ts) where it can run the scenario, else on the generic engine.
 */
export class DrawRunner {
  readonly layout: DrawLayout;
  /** The kernel, or undefined when the draws run on the generic engine (`fallback` says why). */
  private readonly kernel: DrawKernel | undefined;
  readonly fallback: string | undefined;
  private readonly sampler = new DrawSampler();
  private readonly arith: Arith<number>;
  private readonly template: PlanTemplate;
  /** Family members (per-line metrics) only where a draw records them or its checks read them (rule and limit). */
  private readonly metricSet: MetricSet;

  constructor(
    private readonly spec: ScenarioSpec,
    private readonly seed: number,
    path: DrawPath = 'specialised',
  ) {
    this.layout = drawLayout(spec);
    this.arith = drawArith(PENNY_PLACES[spec.units]);
    this.template = new PlanTemplate(spec, this.arith);
    const recorded = this.layout.metrics.map((d) => d.name);
    this.metricSet = metricSet(spec, new Set([...metricsReadBy(spec.checks ?? []), ...recorded]));
    // Compiled before the template's first fill: the kernel finds the samples' places by their markers.
    const kernel = path === 'generic' ? 'the generic engine was asked for' : compileDrawKernel(spec, seed, this.template, this.layout.metrics, this.layout.checks, this.arith);
    this.kernel = typeof kernel === 'string' ? undefined : kernel;
    this.fallback = typeof kernel === 'string' ? kernel : undefined;
  }

  /** Which engine runs this runner's draws. */
  get path(): DrawPath {
    return this.kernel === undefined ? 'generic' : 'specialised';
  }

  /** Draw `draw`'s plan: the template with this draw's samples written in. */
  plan(draw: number): Plan<number> {
    this.sampler.begin(this.seed, draw);
    const sample = this.sampler.sample;
    return this.template.usable ? this.template.fill(sample) : buildPlan(this.spec, this.arith, sample);
  }

  /** One draw's metrics per year. */
  metrics(draw: number): Map<string, number>[] {
    return computeMetrics(project(this.plan(draw), this.arith), this.arith, this.metricSet);
  }

  run(from: number, to: number, values: Float64Array, failed: Uint8Array): void {
    if (this.kernel !== undefined) {
      this.kernel.run(from, to, values, failed);
      return;
    }
    const { labels, metrics: defs, width } = this.layout;
    const checks = this.spec.checks ?? [];
    const stride = this.layout.checks.length;
    const nYears = labels.length;
    for (let k = from; k < to; k++) {
      const m = this.metrics(k);
      const row = (k - from) * width;
      for (let j = 0; j < defs.length; j++) {
        const name = defs[j]!.name;
        for (let t = 0; t < nYears; t++) values[row + j * nYears + t] = m[t]!.get(name) ?? NaN;
      }
      if (checks.length > 0) {
        const outcomes = evaluateChecks(checks, labels, m, this.arith);
        for (let c = 0; c < outcomes.length; c++) failed[(k - from) * stride + c] = outcomes[c]!.passed ? 0 : 1;
      }
    }
  }
}

const SUMMARY_PERCENTILES = [0.05, 0.5, 0.95];

export interface Summary {
  mean: number;
  p5: number;
  p50: number;
  p95: number;
}

export interface MonteCarloResult {
  scenario: string;
  units: Units;
  draws: number;
  seed: number;
  years: string[];
  /** Per headline metric, per year: its summary, or null where the year does not report it. */
  metrics: { name: string; label: string; kind: MetricDef['kind']; years: (Summary | null)[] }[];
  /** Per year: the share of draws with an ICB deficit (icb_surplus < 0). */
  deficit: number[];
  /** Per provider, per year: the share of draws in which it is in deficit (provider_surplus.<p> < 0). */
  providerDeficit: { provider: string; label: string; years: number[] }[];
  /** Per check: the share of draws in which it failed in any of its years. */
  checks: { name: string; failed: number }[];
}

/**
 * Summarises `draws` rows of `values`/`failed` (as DrawRunner.run writes them, draw 0 first).
 * Means are summed in draw order so the figure is bit-for-bit the same however draws were split.
 */
export function summarize(
  name: string,
  spec: ScenarioSpec,
  layout: DrawLayout,
  draws: number,
  values: Float64Array,
  failed: Uint8Array,
  seed: number,
): MonteCarloResult {
  const { labels, metrics: defs, width } = layout;
  const nYears = labels.length;
  const halfPenny = 0.5 / 10 ** PENNY_PLACES[spec.units];
  const { summaries, below } = summarizeColumns(draws, width, values, halfPenny);
  const surplusIndex = defs.findIndex((d) => d.name === 'icb_surplus');
  const deficit = labels.map((_, t) => (surplusIndex >= 0 ? below[surplusIndex * nYears + t]! / draws : 0));
  const providerDeficit = defs.flatMap((d, j) =>
    d.family === 'provider_surplus'
      ? [{ provider: d.member!, label: spec.providers?.[d.member!]?.label ?? d.member!, years: labels.map((_, t) => below[j * nYears + t]! / draws) }]
      : [],
  );
  const metrics = defs.map((def, j) => ({
    name: def.name,
    label: def.label,
    kind: def.kind,
    years: labels.map((_, t) => summaries[j * nYears + t]!),
  }));
  const checks = layout.checks.map((checkName, c) => {
    let n = 0;
    for (let k = 0; k < draws; k++) n += failed[k * layout.checks.length + c]!;
    return { name: checkName, failed: n / draws };
  });
  return {
    scenario: name,
    units: spec.units,
    draws,
    seed,
    years: labels,
    metrics,
    deficit,
    providerDeficit,
    checks,
  };
}

/** Columns, and rows, copied out of the draws at a time: a tile whose rows stay in cache while each of its columns is read. */
const TILE_COLUMNS = 16;
const TILE_ROWS = 1024;

/**
 * Each column's summary (null where a draw has no figure) and its count of draws below minus half
 * a penny (a deficit: penny-rounded figures short of that are float noise around zero). A column's
 * figures lie a whole row apart, so they are copied out by tiles rather than one column down every
 * row (a cache miss per figure). Sums run in draw order, as the worker pool's result needs.
 */
function summarizeColumns(draws: number, width: number, values: Float64Array, halfPenny: number): { summaries: (Summary | null)[]; below: Float64Array } {
  const summaries: (Summary | null)[] = [];
  const below = new Float64Array(width);
  const block = new Float64Array(TILE_COLUMNS * draws);
  for (let c0 = 0; c0 < width; c0 += TILE_COLUMNS) {
    const g = Math.min(TILE_COLUMNS, width - c0);
    for (let r0 = 0; r0 < draws; r0 += TILE_ROWS) {
      for (let i = 0; i < g; i++) copyColumn(values, width, c0 + i, r0, Math.min(draws, r0 + TILE_ROWS), block, i * draws);
    }
    for (let i = 0; i < g; i++) summaries.push(summarizeColumn(block.subarray(i * draws, (i + 1) * draws), halfPenny, below, c0 + i));
  }
  return { summaries, below };
}

/** Rows [r0, r1) of column c into `to` from offset o (small functions: V8 optimises them after a few calls, a long loop only by replacing it mid-run). */
function copyColumn(values: Float64Array, width: number, c: number, r0: number, r1: number, to: Float64Array, o: number): void {
  for (let k = r0; k < r1; k++) to[o + k] = values[k * width + c]!;
}

function summarizeColumn(column: Float64Array, halfPenny: number, below: Float64Array, c: number): Summary | null {
  const draws = column.length;
  let sum = 0;
  let n = 0;
  for (let k = 0; k < draws; k++) {
    const v = column[k]!;
    sum += v;
    if (v < -halfPenny) n++;
  }
  below[c] = n;
  if (Number.isNaN(sum)) return null;
  const [p5, p50, p95] = percentilesOf(column, SUMMARY_PERCENTILES) as [number, number, number];
  return { mean: sum / draws, p5, p50, p95 };
}

/** All draws in this thread: the reference the worker pool must agree with exactly. */
export function monteCarlo(name: string, spec: ScenarioSpec, draws: number, seed: number): MonteCarloResult {
  const runner = new DrawRunner(spec, seed);
  const { width, checks } = runner.layout;
  const values = new Float64Array(draws * width);
  const failed = new Uint8Array(draws * checks.length);
  runner.run(0, draws, values, failed);
  return summarize(name, spec, runner.layout, draws, values, failed, seed);
}
