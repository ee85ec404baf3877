/** MODEL.md "Providers": invariants over generated scenarios with providers. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import type { RunResult } from '../../src/model/run.js';
import { renderJson } from '../../src/render/json.js';
import { runValid } from './helpers.js';
import { providerScenarioArb } from './provider-arbitraries.js';

const RUNS = 150;

const sum = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));
const text = (d: Dec | undefined) => (d === undefined ? 'missing' : decString(d));

/** Every metric of every year, as text, for comparing two runs. */
const allMetrics = (r: RunResult) => r.years.map((y) => Object.fromEntries(Object.entries(y.metrics).map(([k, v]) => [k, decString(v)])));

describe('providers: the system reconciles exactly', () => {
  test('system surplus = ICB surplus + Σ provider surpluses − unheld gap; each provider\'s surplus = income − costs', () => {
    fc.assert(
      fc.property(providerScenarioArb, (data) => {
        const r = runValid(data);
        const { providers } = r.projection;
        const names = Object.keys(data.providers as object);
        r.years.forEach(({ metrics: m }, t) => {
          expect(text(sum(names.map((n) => m[`provider_surplus.${n}`]!)))).toBe(text(m.providers_surplus));
          names.forEach((n, k) => {
            const p = providers.providers[k]!;
            expect(text(m[`provider_income.${n}`]!.minus(m[`provider_costs.${n}`]!))).toBe(text(m[`provider_surplus.${n}`]));
            // income and costs are the sums of their parts, to the penny; the underlying surplus is the reported one less the savings
            expect(text(sum([...p.contracts.map((c) => c.income[t]!), p.otherIncome[t]!]))).toBe(text(m[`provider_income.${n}`]));
            expect(text(sum([...p.contracts.map((c) => c.cost[t]!), p.otherCosts[t]!]))).toBe(text(m[`provider_costs.${n}`]));
            expect(text(m[`provider_surplus.${n}`]!.minus(p.savings[t]!))).toBe(text(m[`provider_underlying_surplus.${n}`]));
          });
          const icb = m.icb_surplus!;
          expect(text(icb.plus(m.providers_surplus!).minus(m.unheld_gap!))).toBe(text(m.system_surplus));
          // ... and equally MODEL.md step 6's form: P − Σ G + Σ (O − C)
          const gaps = sum(r.lines.map((l) => m[`gap.${l.name}`]!));
          const other = sum(providers.providers.map((p) => p.otherIncome[t]!.minus(p.otherCosts[t]!)));
          expect(text(icb.minus(gaps).plus(other))).toBe(text(m.system_surplus));
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('with every share at 0% the ICB\'s figures are the no-provider run\'s, and the system differs by exactly the providers\' own surplus', () => {
    fc.assert(
      fc.property(providerScenarioArb, (data) => {
        const zeroed = Object.fromEntries(
          Object.entries(data.providers as Record<string, Record<string, unknown>>).map(([name, p]) => [
            name,
            { ...p, contracts: Object.fromEntries(Object.keys(p.contracts as object).map((line) => [line, '0%'])) },
          ]),
        );
        const { providers: _dropped, ...without } = data;
        const withZero = runValid({ ...data, providers: zeroed });
        const none = runValid(without);
        const a = allMetrics(withZero);
        const b = allMetrics(none);
        a.forEach((m, t) => {
          // Every figure of the run without providers is there, the same; the rest are the providers' own.
          for (const [k, v] of Object.entries(b[t]!)) if (k !== 'system_surplus') expect(m[k], k).toBe(v);
          for (const k of Object.keys(m)) if (!(k in b[t]!)) expect(k).toMatch(/^(provider_(income|costs|surplus|underlying_surplus)\.|providers_surplus$|unheld_gap$)/);
          const w = withZero.years[t]!.metrics;
          expect(text(none.years[t]!.metrics.system_surplus!.plus(w.providers_surplus!))).toBe(text(w.system_surplus));
          // The whole line gap is unheld: no provider of the scenario holds any of it.
          expect(text(w.unheld_gap)).toBe(text(none.projection.gap[t]));
        });
        // With no other income or costs either, the providers change nothing at all: system surplus included.
        const bare = Object.fromEntries(Object.keys(zeroed).map((name) => [name, { contracts: (zeroed[name] as { contracts: object }).contracts }]));
        const plain = allMetrics(runValid({ ...data, providers: bare }));
        plain.forEach((m, t) => {
          for (const [k, v] of Object.entries(b[t]!)) expect(m[k], k).toBe(v);
          expect(m.providers_surplus).toBe('0');
        });
        // And a scenario with no providers has exactly the ICB's surplus less its gaps as system surplus.
        none.years.forEach(({ metrics: m }, t) => expect(text(m.system_surplus)).toBe(text(m.icb_surplus!.minus(none.projection.gap[t]!))));
      }),
      { numRuns: RUNS },
    );
  });

  test('the same file gives byte-identical output', () => {
    fc.assert(
      fc.property(providerScenarioArb, (data) => {
        expect(renderJson(runValid(structuredClone(data)))).toBe(renderJson(runValid(structuredClone(data))));
      }),
      { numRuns: 50 },
    );
  });
});
