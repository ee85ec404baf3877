/**
 * Draws run the one engine on binary floats. The central-value float run of every shipped scenario
 * (the examples, the 42 ICB presets, and this folder's fixture) must agree with the exact decimal
 * run to within a penny per £1m of each money figure (and at least to the penny), through both
 * ways a draw builds its plan; shares within one step of their 0.01-point rounding, growth rates
 * within 1e-7 (spend a penny per £1m apart moves a growth rate by about 2e-8).
 */
import { describe, expect, it } from 'vitest';
import { project } from '../../src/model/engine.js';
import { drawArith } from '../../src/model/float-arith.js';
import { computeMetrics, metricDefs, metricSet } from '../../src/model/metrics.js';
import { PlanTemplate } from '../../src/model/plan-template.js';
import { buildPlan, centralSampler } from '../../src/model/plan.js';
import { runScenario } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { allScenarioFiles, load, presetFiles } from './helpers.js';

const POUNDS = { '£': 1, '£k': 1e3, '£m': 1e6 } as const;

describe.each([...allScenarioFiles(), ...presetFiles()])('%s', (file) => {
  const { spec } = load(file);
  const exact = runScenario(spec);
  const A = drawArith(PENNY_PLACES[spec.units]);
  const money = metricDefs(spec).filter((d) => d.kind === 'money');
  const template = new PlanTemplate(spec, A);

  const ways = {
    'buildPlan per draw': () => buildPlan(spec, A, centralSampler(A)),
    'the plan template': () => template.fill(centralSampler(A)),
  };

  it('the plan template is usable', () => expect(template.usable).toBe(true));

  it.each(Object.keys(ways))('every money metric within a penny per £1m (%s)', (way) => {
    const float = computeMetrics(project(ways[way as keyof typeof ways](), A), A, metricSet(spec));
    let checked = 0;
    exact.years.forEach((y, t) => {
      for (const d of money) {
        const e = y.metrics[d.name];
        if (e === undefined) continue;
        const f = float[t]!.get(d.name);
        expect(f, `${y.year} ${d.name}`).toBeDefined();
        const pounds = Math.abs(e.toNumber()) * POUNDS[spec.units];
        const tolPounds = 0.01 * Math.max(1, pounds / 1e6);
        const errPounds = Math.abs(f! - e.toNumber()) * POUNDS[spec.units];
        expect(errPounds, `${y.year} ${d.name}: float ${f} vs exact ${e.toFixed()}`).toBeLessThanOrEqual(tolPounds);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(10);
  });

  it.each(Object.keys(ways))('every rate and share within its rounding (%s)', (way) => {
    const float = computeMetrics(project(ways[way as keyof typeof ways](), A), A, metricSet(spec));
    const rates = metricDefs(spec).filter((d) => d.kind !== 'money');
    let checked = 0;
    exact.years.forEach((y, t) => {
      for (const d of rates) {
        const e = y.metrics[d.name];
        if (e === undefined) continue;
        const f = float[t]!.get(d.name)!;
        // A share is rounded to 0.0001: float noise at a half-way point may land one step away.
        const tol = d.kind === 'share' ? 0.0001 + 1e-12 : 1e-7;
        expect(Math.abs(f - e.toNumber()), `${y.year} ${d.name}: float ${f} vs exact ${e.toFixed()}`).toBeLessThanOrEqual(tol);
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(5);
  });
});
