/**
 * MODEL.md "Providers", by hand: CI = σ × S and CC = σ × K, each rounded to the penny; other income
 * O compounds at its growth; other costs C grow by the provider's own factor f; Π = income − costs;
 * H = Σ G − Σ (CC − CI); system surplus = P − Σ G + Σ (O − C) = P + Σ Π − H.
 */
import { describe, expect, test } from 'vitest';
import { decString } from '../../src/model/decimal.js';
import { parseScenario } from '../../src/model/run.js';
import { minimal, problemAt, problems, run, type Data, type Run } from './helpers.js';

/** A provider's figures by year (base year first) as plain decimal strings, from the projection. */
function provider(r: Run, name: string) {
  const { providers } = r.result.projection;
  const k = r.result.projection.plan.providers.findIndex((p) => p.name === name);
  const p = providers.providers[k];
  if (p === undefined) throw new Error(`no provider ${name}`);
  const text = (xs: { toFixed(): string }[]) => xs.map((x) => decString(x as never));
  return {
    income: text(p.income),
    costs: text(p.costs),
    surplus: text(p.surplus),
    otherIncome: text(p.otherIncome),
    otherCosts: text(p.otherCosts),
    contract: (line: string) => {
      const i = r.result.projection.plan.lines.findIndex((l) => l.name === line);
      const c = p.contracts.find((x) => x.line === i)!;
      return { income: text(c.income), cost: text(c.cost) };
    },
  };
}
const unheld = (r: Run) => r.result.years.map((_, t) => r.m(t, 'unheld_gap'));
const providersSurplus = (r: Run) => r.result.years.map((_, t) => r.m(t, 'providers_surplus'));
/** One provider metric in every year, base year first. */
const series = (r: Run, metric: string) => r.result.years.map((_, t) => r.m(t, metric));
const system = (r: Run) => r.result.years.map((_, t) => r.m(t, 'system_surplus'));

/** Line a (acute, 100) held at flat cash, line b (community, 50) funded in full, 3% inflation. */
const twoLines = (providers: Data, extra: Data = {}) =>
  minimal({
    allocation: { recurrent: '200', growth: '0%' },
    assumptions: { inflation: '3%' },
    lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '50' } },
    policies: [{ type: 'flat_cash', line: 'a' }],
    providers,
    ...extra,
  });

describe('a provider holding parts of two lines', () => {
  const r = run(twoLines({ x: { contracts: { a: '60%', b: '20%' }, other_income: '10', other_costs: '12' } }));

  test('is paid its share of spend and bears its share of need, line by line', () => {
    // K_a: 100, 103, 106.09; S_a stays 100. K_b = S_b: 50, 51.5, 53.045.
    // CI_a = 60% × S_a = 60, 60, 60; CC_a = 60% × K_a = 60, 61.8, 63.654
    expect(provider(r, 'x').contract('a')).toEqual({ income: ['60', '60', '60'], cost: ['60', '61.8', '63.654'] });
    // CI_b = CC_b = 20% × 50, 51.5, 53.045 = 10, 10.3, 10.609 (a line funded in full costs the provider nothing)
    expect(provider(r, 'x').contract('b')).toEqual({ income: ['10', '10.3', '10.609'], cost: ['10', '10.3', '10.609'] });
  });

  test('its other costs grow with the scenario\'s drivers, its other income at its own growth (0%)', () => {
    // C: 12, 12 × 1.03 = 12.36, 12.36 × 1.03 = 12.7308; O stays 10
    expect(provider(r, 'x').otherCosts).toEqual(['12', '12.36', '12.7308']);
    expect(provider(r, 'x').otherIncome).toEqual(['10', '10', '10']);
  });

  test('income, costs and surplus add up', () => {
    // income: 60 + 10 + 10 = 80; 60 + 10.3 + 10 = 80.3; 60 + 10.609 + 10 = 80.609
    // costs: 60 + 10 + 12 = 82; 61.8 + 10.3 + 12.36 = 84.46; 63.654 + 10.609 + 12.7308 = 86.9938
    // surplus: −2; −4.16; 80.609 − 86.9938 = −6.3848
    expect(provider(r, 'x').income).toEqual(['80', '80.3', '80.609']);
    expect(provider(r, 'x').costs).toEqual(['82', '84.46', '86.9938']);
    expect(provider(r, 'x').surplus).toEqual(['-2', '-4.16', '-6.3848']);
    expect(providersSurplus(r)).toEqual(['-2', '-4.16', '-6.3848']);
    // ... and the metrics report exactly these figures
    expect(series(r, 'provider_income.x')).toEqual(['80', '80.3', '80.609']);
    expect(series(r, 'provider_costs.x')).toEqual(['82', '84.46', '86.9938']);
    expect(series(r, 'provider_surplus.x')).toEqual(['-2', '-4.16', '-6.3848']);
    // no one-off savings: the underlying surplus is the reported one
    expect(series(r, 'provider_underlying_surplus.x')).toEqual(['-2', '-4.16', '-6.3848']);
  });

  test('the unheld gap is the part of the line gaps no modelled provider holds', () => {
    // G_a: 0, 3, 6.09; x holds CC_a − CI_a = 0, 1.8, 3.654; H = 0, 1.2, 2.436 (the 40% of acute outside)
    expect(unheld(r)).toEqual(['0', '1.2', '2.436']);
  });

  test('the system surplus adds the providers\' other income less other costs to the ICB less its gaps', () => {
    // P: 200 − 150 = 50; 200 − 151.5 = 48.5; 200 − 153.045 = 46.955
    // system = P − G + (O − C): 50 − 0 − 2 = 48; 48.5 − 3 − 2.36 = 43.14; 46.955 − 6.09 − 2.7308 = 38.1342
    // and = P + Π − H: 50 − 2 − 0 = 48; 48.5 − 4.16 − 1.2 = 43.14; 46.955 − 6.3848 − 2.436 = 38.1342
    expect(system(r)).toEqual(['48', '43.14', '38.1342']);
    expect([r.m(0, 'icb_surplus'), r.m(1, 'icb_surplus'), r.m(2, 'icb_surplus')]).toEqual(['50', '48.5', '46.955']);
  });
});

describe('two providers splitting a line', () => {
  const r = run(twoLines({ big: { contracts: { a: '70%' } }, small: { contracts: { a: '25%' } } }));

  test('each bears its share of the flat-cash gap', () => {
    // big: CI = 70% × 100 = 70; CC = 70% × 103 = 72.1, 70% × 106.09 = 74.263; Π = 0, −2.1, −4.263
    expect(provider(r, 'big').surplus).toEqual(['0', '-2.1', '-4.263']);
    // small: CI = 25; CC = 25.75, 26.5225; Π = 0, −0.75, −1.5225
    expect(provider(r, 'small').surplus).toEqual(['0', '-0.75', '-1.5225']);
    // Σ Π = 0, −2.85, −5.7855
    expect(providersSurplus(r)).toEqual(['0', '-2.85', '-5.7855']);
  });

  test('the 5% nobody in the scenario holds is the unheld gap, and the system surplus is as without providers', () => {
    // H = G − held: 3 − 2.85 = 0.15; 6.09 − 5.7855 = 0.3045 (5% of the gap)
    expect(unheld(r)).toEqual(['0', '0.15', '0.3045']);
    // No other income or costs: system = P − G = 50; 48.5 − 3 = 45.5; 46.955 − 6.09 = 40.865
    expect(system(r)).toEqual(['50', '45.5', '40.865']);
  });
});

describe('a provider whose other costs grow faster than its income', () => {
  const r = run(
    minimal({
      providers: {
        x: {
          other_income: '50',
          other_income_growth: '1%',
          other_costs: '50',
          inflation: '4%',
          demand: '1%',
          efficiency: '2%',
          efficiency_delivery: '50%',
        },
      },
    }),
  );

  test('grows its costs by its own inflation, demand and delivered efficiency', () => {
    // f = 1.04 × 1.01 × (1 − 2% × 50%) = 1.0504 × 0.99 = 1.039896
    // C: 50; 50 × 1.039896 = 51.9948; 51.9948 × 1.039896 = 54.0691845408 → 54.06918454 (to the £m penny)
    expect(provider(r, 'x').otherCosts).toEqual(['50', '51.9948', '54.06918454']);
    // O: 50; 50.5; 50.5 × 1.01 = 51.005
    expect(provider(r, 'x').otherIncome).toEqual(['50', '50.5', '51.005']);
  });

  test('moves from breakeven into a growing deficit', () => {
    // Π = O − C: 0; 50.5 − 51.9948 = −1.4948; 51.005 − 54.06918454 = −3.06418454
    expect(provider(r, 'x').surplus).toEqual(['0', '-1.4948', '-3.06418454']);
    // the line a (60, no drivers) is untouched: P = 100 − 60 = 40 each year; system = 40 + Π
    expect(system(r)).toEqual(['40', '38.5052', '36.93581546']);
  });

  test('the scenario\'s assumptions are the default for drivers the provider does not set', () => {
    const d = run(minimal({ assumptions: { inflation: '5%' }, providers: { x: { other_costs: '20' } } }));
    // C: 20, 21, 22.05
    expect(provider(d, 'x').otherCosts).toEqual(['20', '21', '22.05']);
  });
});

describe('rounding of σ × S and σ × K', () => {
  // In £ (a penny is 0.01): line a 10.10 at flat cash with 10% inflation: K1 = 11.11, S1 = 10.10.
  const r = run(
    minimal({
      units: '£',
      years: '1',
      allocation: { recurrent: '20', growth: '0%' },
      assumptions: { inflation: '10%' },
      lines: { a: { category: 'acute', spend: '10.10' } },
      policies: [{ type: 'flat_cash', line: 'a' }],
      providers: { x: { contracts: { a: '25%' } }, y: { contracts: { a: '35%' } } },
    }),
  );

  test('each contract figure is rounded half-even to the penny', () => {
    // x: CI = 25% × 10.10 = 2.525 → 2.52 (half to even); CC = 25% × 11.11 = 2.7775 → 2.78
    expect(provider(r, 'x').contract('a')).toEqual({ income: ['2.52', '2.52'], cost: ['2.52', '2.78'] });
    // y: CI = 35% × 10.10 = 3.535 → 3.54 (half to even); CC = 35% × 11.11 = 3.8885 → 3.89
    expect(provider(r, 'y').contract('a')).toEqual({ income: ['3.54', '3.54'], cost: ['3.54', '3.89'] });
  });

  test('the rounding lands in the unheld gap, so the system still reconciles to the penny', () => {
    // G1 = 11.11 − 10.10 = 1.01; held = (2.78 − 2.52) + (3.89 − 3.54) = 0.26 + 0.35 = 0.61
    // H1 = 1.01 − 0.61 = 0.40 (40% of 1.01 would be 0.404: the rounding is in H, not lost)
    expect(unheld(r)).toEqual(['0', '0.4']);
    // P1 = 20 − 10.10 = 9.9; system = 9.9 − 1.01 = 8.89 = P + Π − H = 9.9 − 0.61 − 0.4
    expect(system(r)).toEqual(['9.9', '8.89']);
  });
});

describe('one-off savings of a provider (an extension: non_recurrent_savings)', () => {
  const r = run(minimal({ assumptions: { inflation: '10%' }, providers: { x: { other_costs: '10', non_recurrent_savings: { '2026/27': '3' } } } }));

  test('lower the year\'s costs only; the next year grows from the costs without them', () => {
    // C before savings: 10, 11, 12.1; reported: 10, 11 − 3 = 8, 12.1
    expect(provider(r, 'x').otherCosts).toEqual(['10', '8', '12.1']);
    expect(provider(r, 'x').surplus).toEqual(['-10', '-8', '-12.1']);
    // underlying = reported surplus − savings: −10; −8 − 3 = −11; −12.1
    expect(series(r, 'provider_underlying_surplus.x')).toEqual(['-10', '-11', '-12.1']);
    // the system counts the costs as reported: P = 100 − 60 × 1.1^t = 40, 34, 27.4; + (0 − C): 30, 26, 15.3
    expect(system(r)).toEqual(['30', '26', '15.3']);
  });
});

test('a scenario without providers has no provider figures and today\'s system surplus', () => {
  const r = run(twoLines(undefined as never));
  expect(r.result.projection.providers.providers).toEqual([]);
  expect(Object.keys(r.at(1)).filter((k) => k.startsWith('provider') || k === 'unheld_gap')).toEqual([]);
  expect(r.result.projection.providers.unheldGap.map((x) => decString(x))).toEqual(['0', '3', '6.09']);
  // system = P − G: 50; 45.5; 40.865
  expect(system(r)).toEqual(['50', '45.5', '40.865']);
});

describe('validation: one located message each', () => {
  const lines = {
    acute: { category: 'acute', spend: '100' },
    community: { category: 'community', spend: '50' },
    running: { category: 'running', spend: '10' },
  };
  const withProviders = (providers: Data) => minimal({ lines, providers });

  test('shares of one line above 100% are one message, at the contract that takes it over', () => {
    const p = problemAt(
      withProviders({ one: { contracts: { acute: '62%' } }, two: { contracts: { acute: '30%' } }, three: { contracts: { acute: '15%' } } }),
      'providers.three.contracts.acute',
    );
    // 62 + 30 = 92 (fine), + 15 = 107
    expect(p.message).toContain('add up to 107%');
    expect(p.message).toContain('one 62%, two 30%, three 15%');
    expect(problems(withProviders({ one: { contracts: { acute: '62%' } }, two: { contracts: { acute: '30%' } }, three: { contracts: { acute: '15%' } } }))).toHaveLength(1);
  });

  test('exactly 100% between them is allowed', () => {
    expect(parseScenario(withProviders({ one: { contracts: { acute: '62.5%' } }, two: { contracts: { acute: '37.5%' } } })).ok).toBe(true);
  });

  test('a contract on a line that does not exist names it, with a did-you-mean', () => {
    const p = problemAt(withProviders({ one: { contracts: { acuet: '50%' } } }), 'providers.one.contracts.acuet');
    expect(p.message).toContain('no line named `acuet`: did you mean `acute`?');
    expect(p.at).toBe('key');
  });

  test('a contract on a running-cost line is refused', () => {
    const p = problemAt(withProviders({ one: { contracts: { running: '50%' } } }), 'providers.one.contracts.running');
    expect(p.message).toContain('running costs');
  });

  test('a share outside 0% to 100% is refused where it is written', () => {
    const p = problemAt(withProviders({ one: { contracts: { acute: '120%' } } }), 'providers.one.contracts.acute');
    expect(p.message).toContain('between 0% and 100%, got 120%');
    expect(p.at).toBe('value');
    expect(problemAt(withProviders({ one: { contracts: { acute: '-5%' } } }), 'providers.one.contracts.acute').message).toContain('got -5%');
  });

  test('a provider name that is a reserved word is refused at the name', () => {
    for (const name of ['icb', 'system', 'total', 'unheld', 'providers']) {
      const p = problemAt(withProviders({ [name]: { contracts: { acute: '50%' } } }), `providers.${name}`);
      expect(p.message).toContain(`\`${name}\` cannot name a provider`);
      expect(p.at).toBe('key');
    }
  });

  test('a share without a per cent sign, an unknown key, a year outside the plan', () => {
    expect(problemAt(withProviders({ one: { contracts: { acute: '0.62' } } }), 'providers.one.contracts.acute').message).toContain('`62%`');
    expect(problemAt(withProviders({ one: { other_incme: '5' } }), 'providers.one.other_incme').message).toContain('did you mean `other_income`?');
    expect(problemAt(withProviders({ one: { non_recurrent_savings: { '2031/32': '1' } } }), 'providers.one.non_recurrent_savings.2031/32').message).toContain('outside the period');
    expect(problemAt(withProviders({ one: { inflation: ['1%'] } }), 'providers.one.inflation').message).toContain('expected 2 rates');
    expect(problemAt(withProviders({ one: { efficiency_delivery: '120%' } }), 'providers.one.efficiency_delivery').message).toContain('between 0% and 100%');
  });
});
