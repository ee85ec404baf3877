/**
 * Generated scenarios with providers: scenarioArb's scenarios, each given up to three providers
 * whose contracts (on any line but running costs) leave every line held at most 100%.
 */
import fc from 'fast-check';
import { scaled, scenarioArb } from './arbitraries.js';

type Data = Record<string, unknown>;
type Lines = Record<string, { category: string; spend: string }>;

const rate = (lo: number, hi: number) => fc.integer({ min: lo * 100, max: hi * 100 }).map((n) => `${scaled(BigInt(n), 2)}%`);
const amount = fc.bigInt({ min: 0n, max: 10n ** 10n }).map((n) => scaled(n, 4));

const providerExtras = fc.record(
  {
    label: fc.constantFrom('Northshire Hospitals NHS FT', 'Community and MH trust'),
    other_income: amount,
    other_income_growth: rate(-2, 6),
    other_costs: amount,
    inflation: rate(-1, 8),
    demand: rate(0, 5),
    efficiency: rate(0, 4),
    efficiency_delivery: rate(0, 100),
  },
  { requiredKeys: [] },
);

/** A scenario with providers, and the same scenario's providers for the test to vary. */
export const providerScenarioArb = scenarioArb.chain((data) => {
  const lines = data.lines as Lines;
  const held = Object.keys(lines).filter((n) => lines[n]!.category !== 'running');
  return fc
    .record({
      names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((n) => !['icb', 'system', 'total', 'unheld', 'providers'].includes(n)), {
        minLength: 1,
        maxLength: 3,
      }),
      // Per line: how much of it the providers hold together (hundredths of a per cent), and each one's weight.
      caps: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: held.length, maxLength: held.length }),
      weights: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: held.length, maxLength: held.length }), { minLength: 3, maxLength: 3 }),
      extras: fc.array(providerExtras, { minLength: 3, maxLength: 3 }),
      savings: fc.array(fc.option(fc.bigInt({ min: -(10n ** 6n), max: 10n ** 8n }).map((n) => scaled(n, 4)), { nil: undefined }), { minLength: 3, maxLength: 3 }),
    })
    .map(({ names, caps, weights, extras, savings }): Data => {
      const providers: Data = {};
      names.forEach((name, k) => {
        const contracts: Record<string, string> = {};
        held.forEach((line, i) => {
          const total = names.reduce((sum, _, j) => sum + weights[j]![i]!, 0);
          if (total === 0 || weights[k]![i] === 0) return;
          // Floor of each provider's part of the cap, so the parts never sum above it.
          contracts[line] = `${scaled(BigInt(Math.floor((caps[i]! * weights[k]![i]!) / total)), 2)}%`;
        });
        const saving = savings[k];
        providers[name] = {
          contracts,
          ...extras[k],
          ...(saving === undefined ? {} : { non_recurrent_savings: { '2026/27': saving } }),
        };
      });
      return { ...data, providers };
    });
});
