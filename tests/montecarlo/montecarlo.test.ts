import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { DrawSampler } from '../../src/model/draw-sampler.js';
import { project } from '../../src/model/engine.js';
import { drawArith } from '../../src/model/float-arith.js';
import { computeMetrics, HEADLINE_METRICS } from '../../src/model/metrics.js';
import { DrawRunner, monteCarlo } from '../../src/model/montecarlo.js';
import { buildPlan, centralSampler } from '../../src/model/plan.js';
import { floatDist, moments } from '../../src/model/sampling.js';
import type { RateSpec, ScenarioSpec } from '../../src/model/schema.js';
import { DrawPool } from '../../src/mc/pool.js';
import { allScenarioFiles, clone, FIXTURE, load, parse } from './helpers.js';

const fixture = load(FIXTURE);

/** The fixture with every distribution squeezed to its central value (zero spread). */
function zeroSpread(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(zeroSpread);
  if (node === null || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  const per = o.per === undefined ? {} : { per: o.per };
  if (Array.isArray(o.normal)) return { normal: [o.normal[0], '0%'], ...per };
  if (Array.isArray(o.triangular)) return { triangular: [o.triangular[1], o.triangular[1], o.triangular[1]], ...per };
  if (Array.isArray(o.uniform)) {
    const mid = new Dec(String(o.uniform[0]).replace('%', '')).plus(String(o.uniform[1]).replace('%', '')).dividedBy(2);
    return { uniform: [`${mid.toFixed()}%`, `${mid.toFixed()}%`], ...per };
  }
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, zeroSpread(v)]));
}

function distributions(node: unknown, out = new Set<RateSpec>()): Set<RateSpec> {
  if (Array.isArray(node)) node.forEach((x) => distributions(x, out));
  else if (node !== null && typeof node === 'object' && !(node instanceof Dec)) {
    const kind = (node as { kind?: unknown }).kind;
    if (kind === 'normal' || kind === 'triangular' || kind === 'uniform') out.add(node as RateSpec);
    else Object.values(node).forEach((x) => distributions(x, out));
  }
  return out;
}


/**
 * A draw computes the headline metrics and only the per-line ones its checks read (the rest is
 * work nobody looks at): those must equal the full computation's figures exactly, and no more.
 */
function expectSameFigures(draw: Map<string, number>[], full: Map<string, number>[], spec: ScenarioSpec): void {
  const bounds = (c: NonNullable<ScenarioSpec['checks']>[number]) => [c.min, c.max, c.change_min, c.change_max].flatMap((b) => (b?.kind === 'metric' ? [b.metric] : []));
  const read = new Set((spec.checks ?? []).flatMap((c) => [c.metric, ...bounds(c)]));
  const wanted = (key: string) => HEADLINE_METRICS.some((m) => m.name === key) || read.has(key);
  expect(draw.map((m) => [...m.keys()].filter((k) => !wanted(k)))).toEqual(full.map(() => []));
  expect(draw).toEqual(full.map((m) => new Map([...m].filter(([k]) => wanted(k)))));
}

describe('a draw', () => {
  it('with zero spread gives the deterministic (central) result in every draw', () => {
    const { spec } = parse(zeroSpread(clone(fixture.data)));
    const A = drawArith(8);
    const central = computeMetrics(project(buildPlan(spec, A, centralSampler(A)), A), A);
    const runner = new DrawRunner(spec, 99);
    for (let k = 0; k < 200; k++) expectSameFigures(runner.metrics(k), central, spec);
    const mc = monteCarlo('z', spec, 500, 99);
    const surplus = mc.metrics.find((m) => m.name === 'icb_surplus')!;
    surplus.years.forEach((s, t) => {
      const v = central[t]!.get('icb_surplus')!;
      expect([s!.p5, s!.p50, s!.p95]).toEqual([v, v, v]);
      expect(s!.mean).toBeCloseTo(v, 9);
      expect(mc.deficit[t]).toBe(v < 0 ? 1 : 0);
    });
  });

  it('through the plan template equals a fresh buildPlan with the same stream', () => {
    const { spec } = fixture;
    const A = drawArith(8);
    const runner = new DrawRunner(spec, 5);
    const sampler = new DrawSampler();
    for (let k = 0; k < 100; k++) {
      sampler.begin(5, k);
      const fresh = computeMetrics(project(buildPlan(spec, A, sampler.sample), A), A);
      expectSameFigures(runner.metrics(k), fresh, spec);
    }
  });

  it('samples a per-draw rate once for every year and every line sharing it, a per-year rate each year', () => {
    const runner = new DrawRunner(fixture.spec, 3);
    const names = Object.keys(fixture.spec.lines);
    const line = (name: string) => names.indexOf(name);
    const plan = runner.plan(0);
    const community = plan.lines[line('community')]!;
    const primary = plan.lines[line('primary')]!;
    const acute = plan.lines[line('acute')]!;
    // inflation {normal: [2.5%, 0.5%]} (per draw) is shared by every line but acute.
    expect(new Set(community.inflation.slice(1)).size).toBe(1);
    expect(primary.inflation).toEqual(community.inflation);
    expect(acute.inflation[1]).not.toBe(community.inflation[1]);
    // demand {triangular: [...], per: year}: one quantity per year, shared by all lines in that year.
    expect(new Set(community.demand.slice(1)).size).toBe(5);
    expect(primary.demand).toEqual(community.demand);
    // Draws differ from one another (read the figure first: the template plan is reused).
    const first = community.inflation[1];
    expect(runner.plan(1).lines[line('community')]!.inflation[1]).not.toBe(first);
  });
});

describe('sampled means', () => {
  const files = allScenarioFiles();
  it.each(files)('of every distribution in %s are within 3 standard errors of the known mean', (file) => {
    const { spec } = load(file);
    const n = 4000;
    for (const d of distributions(spec)) {
      const { mean, sd } = moments(floatDist(d));
      const s = new DrawSampler();
      let sum = 0;
      for (let k = 0; k < n; k++) {
        s.begin(11, k);
        sum += s.sample(d, 1);
      }
      expect(Math.abs(sum / n - mean), JSON.stringify(d)).toBeLessThanOrEqual(3 * (sd / Math.sqrt(n)) + 1e-15);
    }
  });

  it('of the fixture as the engine sees them: acute inflation N(2.7%, 0.6%) over 4,000 draws', () => {
    const runner = new DrawRunner(fixture.spec, 21);
    const acute = Object.keys(fixture.spec.lines).indexOf('acute');
    const n = 4000;
    let sum = 0;
    for (let k = 0; k < n; k++) sum += runner.plan(k).lines[acute]!.inflation[3]!;
    // SE = 0.6% / √4000 = 0.0000949.
    expect(Math.abs(sum / n - 0.027)).toBeLessThanOrEqual(3 * (0.006 / Math.sqrt(n)));
  });
});

describe('the summary', () => {
  const draws = 1500;
  const mc = monteCarlo('fixture', fixture.spec, draws, 8);
  const runner = new DrawRunner(fixture.spec, 8);
  const perDraw = Array.from({ length: draws }, (_, k) => runner.metrics(k));

  it('counts deficits and failed checks draw by draw', () => {
    mc.years.forEach((_, t) => {
      const deficits = perDraw.filter((m) => m[t]!.get('icb_surplus')! < 0).length;
      expect(mc.deficit[t]).toBe(deficits / draws);
    });
    // Breakeven fails in a draw if any year's surplus is below zero.
    const breakeven = perDraw.filter((m) => m.some((y) => y.get('icb_surplus')! < 0)).length;
    expect(mc.checks.find((c) => c.name === 'Breakeven')!.failed).toBe(breakeven / draws);
    // The fixture's deficit grows year by year: some draws break even in 2026/27, nearly none by 2030/31.
    expect(mc.deficit[1]).toBeGreaterThan(0.05);
    expect(mc.deficit[5]).toBeGreaterThan(0.95);
  });

  it('gives the type-7 percentiles and the mean of each metric', () => {
    const t = 4;
    const xs = perDraw.map((m) => m[t]!.get('spend')!).sort((a, b) => a - b);
    const s = mc.metrics.find((m) => m.name === 'spend')!.years[t]!;
    // n = 1500: p5 is at h = 1499 × 0.05 = 74.95, between ranks 74 and 75 (0-based).
    expect(s.p5).toBeCloseTo(xs[74]! + 0.95 * (xs[75]! - xs[74]!), 9);
    expect(s.p50).toBeCloseTo(xs[749]! + 0.5 * (xs[750]! - xs[749]!), 9);
    expect(s.mean).toBeCloseTo(xs.reduce((a, b) => a + b, 0) / draws, 6);
    expect(s.p5).toBeLessThan(s.p50);
    expect(s.p50).toBeLessThan(s.p95);
  });

  it('leaves out what a year does not report', () => {
    const growth = mc.metrics.find((m) => m.name === 'allocation_growth')!;
    expect(growth.years[0]).toBeNull();
    expect(growth.years[1]).not.toBeNull();
  });

  it('depends on the seed', () => {
    const other = monteCarlo('fixture', fixture.spec, 200, 9);
    const same = monteCarlo('fixture', fixture.spec, 200, 8);
    expect(other.metrics[5]!.years[3]!.mean).not.toBe(same.metrics[5]!.years[3]!.mean);
  });
});

describe('worker threads (dist/mc/worker.js: run `npm run build` first; `npm test` does)', () => {
  it('give the same figures with 1 and 2 workers as the plain loop, for every scenario', async () => {
    const one = new DrawPool(1);
    const two = new DrawPool(2);
    try {
      for (const file of allScenarioFiles()) {
        const { spec } = load(file);
        const job = { name: 'x', spec, draws: 321, seed: 77 };
        const reference = monteCarlo('x', spec, 321, 77);
        expect(await one.run(job)).toEqual(reference);
        expect(await two.run(job)).toEqual(reference);
      }
      // A reused pool, and one that splits the draws into many small chunks, give the same again.
      const job = { name: 'x', spec: fixture.spec, draws: 2001, seed: 3 };
      expect(await two.run(job)).toEqual(monteCarlo('x', fixture.spec, 2001, 3));
    } finally {
      await one.close();
      await two.close();
    }
  }, 120_000);
});
