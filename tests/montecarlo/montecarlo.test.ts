import { describe, expect, it } from 'vitest';
import { metricsReadBy } from '../../src/model/checks.js';
import { Dec } from '../../src/model/decimal.js';
import { DrawSampler } from '../../src/model/draw-sampler.js';
import { project } from '../../src/model/engine.js';
import { drawArith } from '../../src/model/float-arith.js';
import { computeMetrics, HEADLINE_METRICS, metricSet } from '../../src/model/metrics.js';
import { drawLayout, DrawRunner, monteCarlo } from '../../src/model/montecarlo.js';
import { buildPlan, centralSampler, seriesSpec } from '../../src/model/plan.js';
import { floatDist, moments } from '../../src/model/sampling.js';
import type { RateSeriesSpec, RateSpec, ScenarioSpec } from '../../src/model/schema.js';
import { DrawPool } from '../../src/mc/pool.js';
import { exactArith } from '../../src/model/arith.js';
import { evaluateChecks } from '../../src/model/checks.js';
import { runScenario } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { join } from 'node:path';
import { allScenarioFiles, clone, FIXTURE, load, parse, REPO } from './helpers.js';

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

function pearson(x: number[], y: number[]): number {
  const n = x.length;
  const mx = x.reduce((a, b) => a + b, 0) / n;
  const my = y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let k = 0; k < n; k++) {
    sxy += (x[k]! - mx) * (y[k]! - my);
    sxx += (x[k]! - mx) ** 2;
    syy += (y[k]! - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
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
  const read = metricsReadBy(spec.checks ?? []);
  const wanted = (key: string) => HEADLINE_METRICS.some((m) => m.name === key) || read.has(key);
  expect(draw.map((m) => [...m.keys()].filter((k) => !wanted(k)))).toEqual(full.map(() => []));
  expect(draw).toEqual(full.map((m) => new Map([...m].filter(([k]) => wanted(k)))));
}

describe('a draw', () => {
  it('with zero spread gives the deterministic (central) result in every draw', () => {
    const { spec } = parse(zeroSpread(clone(fixture.data)));
    const A = drawArith(8);
    const central = computeMetrics(project(buildPlan(spec, A, centralSampler(A)), A), A, metricSet(spec));
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

  it.each(allScenarioFiles())('of %s with zero spread reports the exact run in every draw, its checks and deficits as certainties', (file) => {
    const { spec } = parse(zeroSpread(clone(load(file).data)));
    const exact = runScenario(spec);
    const A = exactArith(PENNY_PLACES[spec.units]);
    const outcomes = evaluateChecks(spec.checks ?? [], exact.years.map((y) => y.year), computeMetrics(exact.projection, A, metricSet(spec)), A);
    const draws = 300;
    const mc = monteCarlo('z', spec, draws, 2024);
    // Money in floats: within a penny per £1m of the exact figure (the float-agreement bound).
    const penny = 10 ** -PENNY_PLACES[spec.units];
    const perMillion = spec.units === '£m' ? 1 : spec.units === '£k' ? 1000 : 1e6;
    for (const m of mc.metrics) {
      m.years.forEach((s, t) => {
        const want = exact.years[t]!.metrics[m.name];
        if (want === undefined) return expect(s, `${m.name} ${t}`).toBeNull();
        // Every draw gave the same figure: the 5th and 95th percentiles meet.
        expect(s!.p5, `${m.name} ${exact.years[t]!.year}`).toBe(s!.p95);
        expect(s!.p50).toBe(s!.p5);
        const tol = m.kind === 'money' ? penny * Math.max(1, Math.abs(want.toNumber()) / perMillion) : 1e-9;
        expect(Math.abs(s!.p50 - want.toNumber()), `${m.name} ${exact.years[t]!.year}`).toBeLessThanOrEqual(tol);
      });
    }
    exact.years.forEach((y, t) => expect(mc.deficit[t], y.year).toBe(y.metrics.icb_surplus!.isNegative() ? 1 : 0));
    expect(mc.checks.map((c) => c.failed)).toEqual(outcomes.map((o) => (o.passed ? 0 : 1)));
  });

  it('computes the per-line metrics its checks read, rule and limit: the fixture reads three', () => {
    // Breakeven reads icb_surplus; MHIS reads growth.mental_health against allocation_growth.
    expect([...metricsReadBy(fixture.spec.checks ?? [])].sort()).toEqual(['allocation_growth', 'growth.mental_health', 'icb_surplus']);
  });

  it('through the plan template equals a fresh buildPlan with the same stream', () => {
    const { spec } = fixture;
    const A = drawArith(8);
    const runner = new DrawRunner(spec, 5);
    const sampler = new DrawSampler();
    for (let k = 0; k < 100; k++) {
      sampler.begin(5, k);
      const fresh = computeMetrics(project(buildPlan(spec, A, sampler.sample), A), A, metricSet(spec));
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

/** The 10th and 90th percentiles in closed form, written here apart from the sampler's own inverse CDFs. */
function p10p90(d: RateSpec): [number, number] {
  const n = (x: Dec) => x.toNumber();
  switch (d.kind) {
    case 'normal':
      // z(0.9) = 1.2815515655446004 (R's qnorm).
      return [n(d.mean) - 1.2815515655446004 * n(d.sd), n(d.mean) + 1.2815515655446004 * n(d.sd)];
    case 'uniform':
      return [n(d.min) + 0.1 * (n(d.max) - n(d.min)), n(d.min) + 0.9 * (n(d.max) - n(d.min))];
    case 'triangular': {
      const [a, c, b] = [n(d.min), n(d.mode), n(d.max)];
      const q = (p: number) => (p < (c - a) / (b - a) ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c)));
      return [q(0.1), q(0.9)];
    }
    default:
      throw new Error('not a distribution');
  }
}

/** Kurtosis (4th central moment over σ⁴): normal 3, uniform 9/5, triangular 12/5. */
const KURTOSIS = { normal: 3, uniform: 1.8, triangular: 2.4 } as const;

/**
 * n samples of a distribution against its known mean (3 standard errors), its known standard
 * deviation (3 standard errors of a sample sd, σ√((κ − 1)/4n)), and its 10th and 90th percentiles
 * (the share of samples below each within 3 binomial standard errors, √(p(1 − p)/n)): a sampler
 * that ignored the spread, or read sd as variance, or skewed a triangular the wrong way, fails.
 */
function expectSamplesOf(d: RateSpec, xs: number[], where: string): void {
  const n = xs.length;
  const { mean, sd } = moments(floatDist(d));
  const m = xs.reduce((a, b) => a + b, 0) / n;
  const sdHat = Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1));
  expect(Math.abs(m - mean), `${where}: mean`).toBeLessThanOrEqual(3 * (sd / Math.sqrt(n)) + 1e-15);
  const kappa = KURTOSIS[d.kind as keyof typeof KURTOSIS];
  expect(Math.abs(sdHat - sd), `${where}: sd`).toBeLessThanOrEqual(3 * sd * Math.sqrt((kappa - 1) / (4 * n)) + 1e-15);
  const [lo, hi] = p10p90(d);
  const binomial = 3 * Math.sqrt(0.09 / n);
  expect(Math.abs(xs.filter((x) => x < lo).length / n - 0.1), `${where}: share below p10`).toBeLessThanOrEqual(binomial);
  expect(Math.abs(xs.filter((x) => x < hi).length / n - 0.9), `${where}: share below p90`).toBeLessThanOrEqual(binomial);
}

describe('sampled means', () => {
  const files = allScenarioFiles();
  it.each(files)('of every distribution in %s: mean, spread and 10th/90th percentiles within 3 standard errors', (file) => {
    const { spec } = load(file);
    const n = 4000;
    for (const d of distributions(spec)) {
      const s = new DrawSampler();
      const xs: number[] = [];
      for (let k = 0; k < n; k++) {
        s.begin(11, k);
        xs.push(s.sample(d, 1));
      }
      expectSamplesOf(d, xs, JSON.stringify(d));
    }
  });

  it.each(files.filter((f) => distributions(load(f).spec).size > 0))('of %s as the engine reads them: every line, driver and year of 4,000 draws', (file) => {
    const { spec } = load(file);
    const labels = drawLayout(spec).labels;
    const runner = new DrawRunner(spec, 31);
    const n = 4000;
    const plans = Array.from({ length: n }, (_, k) => {
      // The template plan is reused between draws: copy the rates out.
      const p = runner.plan(k);
      return p.lines.map((l) => ({ inflation: [...l.inflation], demand: [...l.demand], efficiency: [...l.efficiency], delivery: [...l.delivery] }));
    });
    const a = spec.assumptions ?? {};
    let checked = 0;
    Object.entries(spec.lines).forEach(([name, line], i) => {
      const series = { inflation: line.inflation ?? a.inflation, demand: line.demand ?? a.demand, efficiency: line.efficiency ?? a.efficiency, delivery: line.efficiency_delivery ?? a.efficiency_delivery };
      for (const [field, ser] of Object.entries(series) as [keyof typeof series, RateSeriesSpec | undefined][]) {
        if (!ser) continue;
        for (let t = 1; t < labels.length; t++) {
          const d = seriesSpec(ser, t, labels);
          if (d.kind === 'fixed') continue;
          const xs = plans.map((p) => p[i]![field][t]!);
          expectSamplesOf(d, xs, `${name}.${field} ${labels[t]}`);
          // per: year draws afresh each year (uncorrelated with the year before); per: draw keeps one value.
          if (t > 1) {
            const prev = plans.map((p) => p[i]![field][t - 1]!);
            if (d.per === 'year') expect(Math.abs(pearson(prev, xs)), `${name}.${field} ${labels[t]}`).toBeLessThan(4 / Math.sqrt(n));
            else expect(xs).toEqual(prev);
          }
          checked++;
        }
      }
    });
    expect(checked).toBeGreaterThan(0);
  }, 30_000);

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

  it('of the shipped uncertain plan: each year\'s deficit and each of its three checks, counted by hand', () => {
    const { spec } = load(join(REPO, 'scenarios', 'uncertain.yaml'));
    const n = 1000;
    const result = monteCarlo('u', spec, n, 17);
    const r = new DrawRunner(spec, 17);
    const draws = Array.from({ length: n }, (_, k) => r.metrics(k));
    const share = (pred: (m: Map<string, number>[]) => boolean) => draws.filter(pred).length / n;
    result.years.forEach((_, t) => expect(result.deficit[t]).toBe(share((m) => m[t]!.get('icb_surplus')! < 0)));
    // Breakeven every year: a deficit in any year, the base year included (it reports a surplus).
    // MHIS: mental health spend growing less than the allocation in any projection year.
    // Running costs: above £16m in 2027/28 (year index 2).
    const byHand = [
      share((m) => m.some((y) => y.get('icb_surplus')! < 0)),
      share((m) => m.slice(1).some((y) => y.get('growth.mental_health')! < y.get('allocation_growth')!)),
      share((m) => m[2]!.get('spend.running')! > 16),
    ];
    expect(result.checks.map((c) => c.name)).toEqual(['Breakeven every year', 'Mental Health Investment Standard', 'Running costs below £16m by 2027/28']);
    expect(result.checks.map((c) => c.failed)).toEqual(byHand);
    // Not a vacuous comparison: the plan fails breakeven and MHIS in some draws and not in others.
    expect(byHand[0]).toBeGreaterThan(0.2);
    expect(byHand[0]).toBeLessThan(0.8);
    expect(byHand[1]).toBeGreaterThan(0);
    expect(byHand[1]).toBeLessThan(0.5);
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
