/**
 * The audit trails of the provider metrics (MODEL.md "Providers"): each contract's income and cost
 * from the line's spend and need, the other income and costs year on year, and the totals. Every
 * '=' replays: a contract figure is the line's figure × the share, rounded to the penny.
 */
import { Dec } from './decimal.js';
import { ONE, type Steps } from './explain-trail.js';

function pct(d: Dec): string {
  return `${d.times(100).toFixed()}%`;
}

function providerName(s: Steps, k: number): string {
  const p = s.p.plan.providers[k]!;
  return p.label === p.name ? p.name : `${p.label} (${p.name})`;
}

/** The contracts' income (σ × S) or cost (σ × K), each worked out, then summed with the other income or costs. */
function side(s: Steps, t: number, k: number, which: 'income' | 'costs'): void {
  const plan = s.p.plan;
  const pp = plan.providers[k]!;
  const tr = s.p.providers.providers[k]!;
  const name = pp.name;
  const y = s.year(t);
  const income = which === 'income';
  s.text(
    income
      ? `Providers: ${providerName(s, k)} is paid its share of the ICB's spend on each line it holds`
      : `Providers: ${providerName(s, k)} bears its share of the need on each line it holds`,
  );
  tr.contracts.forEach((c, j) => {
    const line = plan.lines[c.line]!.name;
    const lt = s.p.lines[c.line]!;
    const share = pp.contracts[j]!.share;
    s.add(income ? `Spend on ${s.lineLabel(line)}` : `Need on ${s.lineLabel(line)}`, income ? lt.spend[t]! : lt.need[t]!, 'money', undefined, `${income ? 'spend' : 'need'}.${line}`, t);
    s.add(`× ${name}'s share of ${line}`, share, 'rate', '×');
    s.add(`Contract ${income ? 'income' : 'cost'} from ${line} (to the penny)`, income ? c.income[t]! : c.cost[t]!, 'money', '=');
  });
  if (income) otherIncomeTrail(s, t, k);
  else otherCostsTrail(s, t, k);
  s.text(income ? `${name}'s income is its contract income plus its other income` : `${name}'s costs are its contract costs plus its other costs`);
  // The first part starts the sum afresh: the running figure above it is the last part worked out.
  tr.contracts.forEach((c, j) => {
    const line = plan.lines[c.line]!.name;
    s.add(`${j === 0 ? '' : '+ '}contract ${income ? 'income' : 'cost'} from ${line}`, income ? c.income[t]! : c.cost[t]!, 'money', j === 0 ? undefined : '+');
  });
  const first = tr.contracts.length === 0;
  s.add(`${first ? '' : '+ '}other ${income ? 'income' : 'costs'}`, income ? tr.otherIncome[t]! : tr.otherCosts[t]!, 'money', first ? undefined : '+');
  s.add(`${income ? 'Income' : 'Costs'} of ${name} in ${y}`, income ? tr.income[t]! : tr.costs[t]!, 'money', '=', `provider_${income ? 'income' : 'costs'}.${name}`, t);
}

function otherIncomeTrail(s: Steps, t: number, k: number): void {
  const pp = s.p.plan.providers[k]!;
  const tr = s.p.providers.providers[k]!;
  if (t === 0) {
    s.add(`Other income in ${s.year(0)}, as given`, tr.otherIncome[0]!, 'money');
    return;
  }
  s.add(`Other income in ${s.year(t - 1)}`, tr.otherIncome[t - 1]!, 'money');
  s.add(`× (1 + other income growth of ${pct(pp.otherIncomeGrowth[t]!)})`, ONE.plus(pp.otherIncomeGrowth[t]!), 'factor', '×');
  s.add(`Other income in ${s.year(t)} (to the penny)`, tr.otherIncome[t]!, 'money', '=');
}

function otherCostsTrail(s: Steps, t: number, k: number): void {
  const pp = s.p.plan.providers[k]!;
  const tr = s.p.providers.providers[k]!;
  const saving = tr.savings[t]!;
  if (t === 0) {
    s.add(`Other costs in ${s.year(0)}, as given`, tr.otherCostsRecurrent[0]!, 'money');
  } else {
    const f = ONE.plus(pp.inflation[t]!).times(ONE.plus(pp.demand[t]!)).times(ONE.minus(pp.efficiency[t]!.times(pp.delivery[t]!)));
    s.add(`Other costs in ${s.year(t - 1)}, before any one-off savings`, tr.otherCostsRecurrent[t - 1]!, 'money');
    s.add(
      `× the provider's cost growth (1 + inflation ${pct(pp.inflation[t]!)})(1 + demand ${pct(pp.demand[t]!)})(1 − efficiency ${pct(pp.efficiency[t]!)} × delivery ${pct(pp.delivery[t]!)})`,
      f,
      'factor',
      '×',
    );
    s.add(`Other costs in ${s.year(t)} (to the penny)`, tr.otherCostsRecurrent[t]!, 'money', '=');
  }
  if (!saving.isZero()) {
    s.add('− one-off savings (they do not recur)', saving, 'money', '−');
    s.add(`Other costs reported in ${s.year(t)}`, tr.otherCosts[t]!, 'money', '=');
  }
}

export function providerIncomeTrail(s: Steps, t: number, k: number): void {
  side(s, t, k, 'income');
}

export function providerCostsTrail(s: Steps, t: number, k: number): void {
  side(s, t, k, 'costs');
}

export function providerSurplusTrail(s: Steps, t: number, k: number): void {
  const name = s.p.plan.providers[k]!.name;
  const tr = s.p.providers.providers[k]!;
  side(s, t, k, 'income');
  side(s, t, k, 'costs');
  s.text(`${name}'s surplus is its income less its costs (negative: a deficit)`);
  s.add('Income', tr.income[t]!, 'money', undefined, `provider_income.${name}`, t);
  s.add('− costs', tr.costs[t]!, 'money', '−', `provider_costs.${name}`, t);
  s.add(`Surplus of ${name} in ${s.year(t)}`, tr.surplus[t]!, 'money', '=', `provider_surplus.${name}`, t);
}

export function providerUnderlyingTrail(s: Steps, t: number, k: number): void {
  const name = s.p.plan.providers[k]!.name;
  const tr = s.p.providers.providers[k]!;
  providerSurplusTrail(s, t, k);
  s.text(`The underlying surplus leaves out ${name}'s one-off savings`);
  s.add('Surplus', tr.surplus[t]!, 'money', undefined, `provider_surplus.${name}`, t);
  s.add('− one-off savings', tr.savings[t]!, 'money', '−');
  s.add(`Underlying surplus of ${name} in ${s.year(t)}`, tr.surplus[t]!.minus(tr.savings[t]!), 'money', '=', `provider_underlying_surplus.${name}`, t);
}

export function providersSurplusTrail(s: Steps, t: number): void {
  s.text("Providers: the providers' surplus is the sum of each provider's");
  s.p.plan.providers.forEach((pp, k) => {
    s.add(`${k === 0 ? '' : '+ '}${providerName(s, k)}`, s.p.providers.providers[k]!.surplus[t]!, 'money', k === 0 ? undefined : '+', `provider_surplus.${pp.name}`, t);
  });
  s.add("Providers' surplus", s.p.providers.surplus[t]!, 'money', '=', 'providers_surplus', t);
}

export function unheldGapTrail(s: Steps, t: number): void {
  const { plan, lines, providers } = s.p;
  s.text('Providers: the unheld gap is the line gaps less what the providers of the scenario bear of them');
  let any = false;
  plan.lines.forEach((l, i) => {
    const g = lines[i]!.gap[t]!;
    if (g.isZero()) return;
    s.add(`${any ? '+ ' : ''}provider gap on ${s.lineLabel(l.name)}`, g, 'money', any ? '+' : undefined, `gap.${l.name}`, t);
    any = true;
  });
  if (!any) s.add(`Provider gaps (none in ${s.year(t)})`, new Dec(0), 'money');
  providers.providers.forEach((tr, k) => {
    tr.contracts.forEach((c) => {
      const held = c.cost[t]!.minus(c.income[t]!);
      if (!held.isZero()) s.add(`− borne by ${plan.providers[k]!.name} on ${plan.lines[c.line]!.name} (contract cost less contract income)`, held, 'money', '−');
    });
  });
  s.add('Unheld gap', providers.unheldGap[t]!, 'money', '=', 'unheld_gap', t);
}

/** What the providers add to the system surplus after the gaps, and the same figure by organisation. */
export function systemProvidersTrail(s: Steps, t: number): void {
  const { plan, providers } = s.p;
  providers.providers.forEach((tr, k) => {
    const name = plan.providers[k]!.name;
    s.add(`+ other income of ${name}`, tr.otherIncome[t]!, 'money', '+');
    s.add(`− other costs of ${name}`, tr.otherCosts[t]!, 'money', '−');
  });
  s.add('System surplus', s.p.systemSurplus[t]!, 'money', '=', 'system_surplus', t);
  s.text('Equally, by organisation: the ICB, each provider, and the gap no provider of the scenario holds');
  s.add('ICB surplus', s.p.surplus[t]!, 'money', undefined, 'icb_surplus', t);
  s.add("+ providers' surplus", providers.surplus[t]!, 'money', '+', 'providers_surplus', t);
  s.add('− unheld gap', providers.unheldGap[t]!, 'money', '−', 'unheld_gap', t);
  s.add('System surplus', s.p.systemSurplus[t]!, 'money', '=', 'system_surplus', t);
}
