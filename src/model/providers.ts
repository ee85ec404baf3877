/**
 * The providers as organisations (MODEL.md "Providers"), computed from the lines' reported need and
 * spend once every step of the year is done, so a provider sees the figures the ICB reports.
 * Written against Arith<T> like the engine, so Monte Carlo draws get provider figures too.
 */
import { addToTotal, type Arith } from './arith.js';
import type { CostGrowth } from './cost-growth.js';
import type { Plan } from './plan.js';

export interface ContractTrace<T> {
  /** Index into Plan.lines. */
  line: number;
  /** CI_{p,i,t} = σ × S_{i,t}, rounded: what the ICB pays the provider for its share of the line. */
  income: T[];
  /** CC_{p,i,t} = σ × K_{i,t}, rounded: the cost of meeting its share of the line's need. */
  cost: T[];
}

export interface ProviderTrace<T> {
  contracts: ContractTrace<T>[];
  /** O_{p,t}: income from elsewhere, compounding at its own growth. */
  otherIncome: T[];
  /** C_{p,t} before one-off savings: what next year's other costs grow from. */
  otherCostsRecurrent: T[];
  /** X_{p,t}: one-off savings on the provider's costs in year t (an extension to MODEL.md). */
  savings: T[];
  /** The other costs the provider reports: C_{p,t} − X_{p,t}. */
  otherCosts: T[];
  /** Σ_i CI + O. */
  income: T[];
  /** Σ_i CC + the reported other costs. */
  costs: T[];
  /** Π_{p,t} = income − costs. */
  surplus: T[];
}

export interface ProvidersProjection<T> {
  providers: ProviderTrace<T>[];
  /** Σ_p Π_{p,t}. */
  surplus: T[];
  /** H_t = Σ_i G_{i,t} − Σ_p Σ_i (CC − CI): the gap held by providers outside the scenario. */
  unheldGap: T[];
  /** Σ_p (O_{p,t} − reported C_{p,t}): what the providers add to the system surplus beyond the ICB and its gaps. */
  otherNet: T[];
}

/** The figures of each line a provider reads: reported need K and spend S, and the gap G = K − S. */
export interface LineFigures<T> {
  need: T[];
  spend: T[];
  gap: T[];
}

/** `factor` is the projection's own, so a provider on the scenario's assumptions reuses the lines' factors. */
export function projectProviders<T>(plan: Plan<T>, A: Arith<T>, lines: readonly LineFigures<T>[], factor: CostGrowth<T>): ProvidersProjection<T> {
  const { n } = plan;
  const years = n + 1;
  const providers = plan.providers.map((p): ProviderTrace<T> => {
    const contracts = p.contracts.map((c): ContractTrace<T> => {
      const line = lines[c.line]!;
      const income: T[] = [];
      const cost: T[] = [];
      for (let t = 0; t < years; t++) {
        income.push(A.money(A.mul(c.share, line.spend[t]!)));
        cost.push(A.money(A.mul(c.share, line.need[t]!)));
      }
      return { line: c.line, income, cost };
    });
    const otherIncome = [p.otherIncome0];
    const otherCostsRecurrent = [p.otherCosts0];
    for (let t = 1; t <= n; t++) {
      otherIncome.push(A.money(A.mul(otherIncome[t - 1]!, A.add(A.one, p.otherIncomeGrowth[t]!))));
      const f = factor(p.inflation[t]!, p.demand[t]!, p.efficiency[t]!, p.delivery[t]!);
      otherCostsRecurrent.push(A.money(A.mul(otherCostsRecurrent[t - 1]!, f)));
    }
    const otherCosts: T[] = [];
    const income: T[] = [];
    const costs: T[] = [];
    const surplus: T[] = [];
    for (let t = 0; t < years; t++) {
      otherCosts.push(A.sub(otherCostsRecurrent[t]!, p.savings[t]!));
      let i: T = otherIncome[t]!;
      let c: T = otherCosts[t]!;
      for (const k of contracts) {
        i = A.add(i, k.income[t]!);
        c = A.add(c, k.cost[t]!);
      }
      income.push(i);
      costs.push(c);
      surplus.push(A.sub(i, c));
    }
    return { contracts, otherIncome, otherCostsRecurrent, savings: p.savings, otherCosts, income, costs, surplus };
  });

  const surplus: T[] = [];
  const unheldGap: T[] = [];
  const otherNet: T[] = [];
  for (let t = 0; t < years; t++) {
    let total = A.zero;
    let held = A.zero;
    let other = A.zero;
    for (const p of providers) {
      total = A.add(total, p.surplus[t]!);
      other = A.add(other, A.sub(p.otherIncome[t]!, p.otherCosts[t]!));
      for (const k of p.contracts) held = addToTotal(A, held, A.sub(k.cost[t]!, k.income[t]!));
    }
    let gap = A.zero;
    for (const l of lines) gap = addToTotal(A, gap, l.gap[t]!);
    surplus.push(total);
    unheldGap.push(A.sub(gap, held));
    otherNet.push(other);
  }
  return { providers, surplus, unheldGap, otherNet };
}
