/** The metric table is the one list of metrics: what is computed, what is declared and what explain tells agree. */
import { describe, expect, test } from 'vitest';
import { explain } from '../../src/model/explain.js';
import { METRIC_TABLE } from '../../src/model/metric-table.js';
import { metricDefs, metricEntry, metricSet, computeMetrics } from '../../src/model/metrics.js';
import { exactArith } from '../../src/model/arith.js';
import { allScenarioFiles, load } from '../montecarlo/helpers.js';
import { runScenario } from '../../src/model/run.js';

describe.each(allScenarioFiles())('%s', (file) => {
  const { spec } = load(file);
  const r = runScenario(spec);
  const declared = metricDefs(spec).map((d) => d.name);

  test('every computed metric is declared, in the declared order, and every declared one is computed in some year', () => {
    for (const y of r.years) {
      const keys = Object.keys(y.metrics);
      expect(keys).toEqual(declared.filter((k) => keys.includes(k)));
    }
    const computed = new Set(r.years.flatMap((y) => Object.keys(y.metrics)));
    expect(declared.filter((k) => !computed.has(k))).toEqual([]);
  });

  test('a set that wants no family member still has every single metric, and nothing else', () => {
    const A = exactArith(8);
    const some = computeMetrics(r.projection, A, metricSet(spec, new Set()));
    const singles = new Set(METRIC_TABLE.flatMap((e) => ('name' in e ? [e.name] : [])));
    some.forEach((m, t) => expect([...m.keys()]).toEqual(Object.keys(r.years[t]!.metrics).filter((k) => singles.has(k))));
  });

  test("each metric's entry explains its final-year figure, ending on that figure", () => {
    const last = r.years.at(-1)!;
    for (const name of declared) {
      expect(metricEntry(spec, name), name).toBeDefined();
      const value = last.metrics[name];
      if (value === undefined) continue;
      const e = explain(r, name, last.year);
      const end = e.steps.filter((s) => s.metric?.name === name && s.metric.year === last.year).at(-1);
      expect(end?.value?.equals(value), `${name} ${last.year}`).toBe(true);
    }
  });
});

test('family metrics are named <family>.<member>, one per member, and an unknown member has no entry', () => {
  const { spec } = load(allScenarioFiles()[0]!);
  const lines = Object.keys(spec.lines);
  const providers = Object.keys(spec.providers ?? {});
  const familiesUnder = (under: string) => METRIC_TABLE.flatMap((e) => ('family' in e && e.under === under ? [e.family] : []));
  expect(familiesUnder('line')).toEqual(['spend', 'need', 'gap', 'growth']);
  expect(familiesUnder('provider')).toEqual(['provider_income', 'provider_costs', 'provider_surplus', 'provider_underlying_surplus']);
  // Families neither per line nor per provider (named one-off streams) report no member in a scenario without them.
  expect(METRIC_TABLE.flatMap((e) => ('family' in e && e.under !== 'line' && e.under !== 'provider' ? [e.family] : []))).toContain('non_recurrent');
  expect(metricDefs(spec).filter((d) => d.family === 'non_recurrent')).toEqual([]);
  const defs = metricDefs(spec);
  for (const f of [...familiesUnder('line'), ...familiesUnder('provider')]) expect(defs.filter((d) => d.family === f).map((d) => d.member)).toEqual(f.startsWith('provider') ? providers : lines);
  // base.yaml's two illustrative trusts are the provider families' members there.
  const base = load(allScenarioFiles().find((f) => f.endsWith('base.yaml'))!).spec;
  expect(metricDefs(base).filter((d) => d.family === 'provider_surplus').map((d) => d.member)).toEqual(['northshire', 'northshire_care']);
  expect(metricEntry(spec, 'spend.no_such_line')).toBeUndefined();
  expect(metricEntry(spec, 'provider_surplus.no_such_provider')).toBeUndefined();
  expect(metricEntry(spec, 'spend')).toEqual({ entry: METRIC_TABLE.find((e) => 'name' in e && e.name === 'spend'), member: -1 });
});
