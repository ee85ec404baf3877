/** MODEL.md "Providers": invariants over generated scenarios with providers. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import { parseScenario, runScenario, type RunResult } from '../../src/model/run.js';
import { renderJson } from '../../src/render/json.js';
import { providerScenarioArb } from './provider-arbitraries.js';

const RUNS = 150;

function runValid(data: Record<string, unknown>): RunResult {
  const parsed = parseScenario(data);
  if (!parsed.ok) throw new Error(`generated an invalid scenario: ${JSON.stringify(parsed.problems)}\n${JSON.stringify(data)}`);
  return runScenario(parsed.spec, 'generated');
}

const sum = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));
const text = (d: Dec | undefined) => (d === undefined ? 'missing' : decString(d));

/** Every metric of every year, as text, for comparing two runs. */
const allMetrics = (r: RunResult) => r.years.map((y) => Object.fromEntries(Object.entries(y.metrics).map(([k, v]) => [k, decString(v)])));

describe('providers: the system reconciles exactly', () => {
  test('system surplus = ICB surplus + Σ provider surpluses − unheld gap; each provider\'s surplus = income − costs', () => {
    fc.assert(
      fc.property(providerScenarioArb, (data) => {
        const r = runValid(data);
        const { providers, systemSurplus } = r.projection;
        r.years.forEach(({ metrics: m }, t) => {
          const ps = providers.providers.map((p) => p.surplus[t]!);
          expect(text(sum(ps))).toBe(text(providers.surplus[t]));
          for (const p of providers.providers) {
            expect(text(p.income[t]!.minus(p.costs[t]!))).toBe(text(p.surplus[t]));
            // income and costs are the sums of their published parts, to the penny
            expect(text(sum([...p.contracts.map((c) => c.income[t]!), p.otherIncome[t]!]))).toBe(text(p.income[t]));
            expect(text(sum([...p.contracts.map((c) => c.cost[t]!), p.otherCosts[t]!]))).toBe(text(p.costs[t]));
          }
          const icb = m.icb_surplus!;
          expect(text(icb.plus(providers.surplus[t]!).minus(providers.unheldGap[t]!))).toBe(text(systemSurplus[t]));
          // ... and equally MODEL.md step 6's form: P − Σ G + Σ (O − C)
          const gaps = sum(r.lines.map((l) => m[`gap.${l.name}`]!));
          const other = sum(providers.providers.map((p) => p.otherIncome[t]!.minus(p.otherCosts[t]!)));
          expect(text(icb.minus(gaps).plus(other))).toBe(text(systemSurplus[t]));
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
          for (const [k, v] of Object.entries(b[t]!)) if (k !== 'system_surplus') expect(m[k], k).toBe(v);
          const providersSurplus = withZero.projection.providers.surplus[t]!;
          expect(text(none.projection.systemSurplus[t]!.plus(providersSurplus))).toBe(text(withZero.projection.systemSurplus[t]));
          // The whole line gap is unheld: no provider of the scenario holds any of it.
          expect(text(withZero.projection.providers.unheldGap[t])).toBe(text(none.projection.gap[t]));
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
