import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { getInput, parseRange, PathError, setInput, specWith, type Plain } from '../../src/model/input-path.js';
import { meets, solve, type Relation } from '../../src/report/solve.js';
import { sweep } from '../../src/report/sweep.js';
import { tornado, tornadoInputs } from '../../src/report/tornado.js';

/** One year; surplus in 2026/27 = 100 × (1 + g) − 100 − D, where D = s × growth is diverted to `b`. */
function tiny(extra: Plain = {}): Plain {
  return {
    base_year: '2025/26',
    years: '1',
    allocation: { recurrent: '100', growth: '10%' },
    lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '0' } },
    policies: [{ type: 'divert_growth', share: '50%', to: { b: '100%' } }],
    ...extra,
  };
}
const final = { metric: 'icb_surplus', year: '2026/27' };

describe('input paths', () => {
  const data = tiny();
  it('read and write map keys, list items and policies by type', () => {
    expect(getInput(data, 'allocation.growth')).toBe('10%');
    expect(getInput(data, 'policies.divert_growth.share')).toBe('50%');
    expect(getInput(data, 'policies.0.to.b')).toBe('100%');
    const changed = setInput(data, 'policies.divert_growth.share', '20%');
    expect(getInput(changed, 'policies.0.share')).toBe('20%');
    // The original is untouched.
    expect(getInput(data, 'policies.0.share')).toBe('50%');
    // Missing maps are created: a line gains an override.
    expect(getInput(setInput(data, 'lines.a.inflation', '3%'), 'lines.a.inflation')).toBe('3%');
  });

  it('name what is wrong', () => {
    expect(() => getInput(data, 'policies.flat_cash.uplift')).toThrow(/no item `flat_cash`/);
    expect(() => getInput(data, 'policies.3.share')).toThrow(/no item 3/);
    expect(() => setInput(data, 'allocation.growth.x.y', '1%')).toThrow(/single value/);
    expect(() => getInput(data, 'lines..a')).toThrow(PathError);
    // A value in the wrong form fails validation, named with the input.
    expect(() => specWith(data, [['allocation.growth', '3']])).toThrow(/allocation\.growth=3: .*per cent/);
  });

  it('ranges are exact decimals in the input\'s own form', () => {
    expect(parseRange('0.1%..0.3%:0.1%').values.map((v) => v.toFixed())).toEqual(['0.1', '0.2', '0.3']);
    expect(parseRange('50..0:25').values.map((v) => v.toFixed())).toEqual(['50', '25', '0']);
    // A step that does not land on TO stops before it; FROM = TO is one value.
    expect(parseRange('2%..3%:0.4%').values.map((v) => v.toFixed())).toEqual(['2', '2.4', '2.8']);
    expect(parseRange('7..7:1').values.map((v) => v.toFixed())).toEqual(['7']);
    expect(parseRange('1%..2%:0.5%').rate).toBe(true);
    expect(() => parseRange('1%..2:1')).toThrow(/with % or none/);
    expect(() => parseRange('1%..2%:0%')).toThrow(/more than zero/);
    expect(() => parseRange('1..2')).toThrow(/step/);
  });
});

describe('sweep', () => {
  it('one input: surplus = 110 − 100 − 10s', () => {
    const r = sweep(tiny(), [{ path: 'policies.divert_growth.share', values: ['0', '50', '100'].map((v) => new Dec(v)), rate: true }], final);
    // s = 0% → 10; 50% → 5; 100% → 0.
    expect(r.grid.map((row) => row[0]!.toFixed())).toEqual(['10', '5', '0']);
  });

  it('two inputs: surplus = 100g − 100g·s (growth g, share s)', () => {
    const r = sweep(
      tiny(),
      [
        { path: 'allocation.growth', values: [new Dec(2), new Dec(4)], rate: true },
        { path: 'policies.0.share', values: [new Dec(0), new Dec(25)], rate: true },
      ],
      final,
    );
    // g = 2%: 2 and 2 − 0.5 = 1.5; g = 4%: 4 and 4 − 1 = 3.
    expect(r.grid.map((row) => row.map((v) => v!.toFixed()))).toEqual([['2', '1.5'], ['4', '3']]);
  });
});

describe('solve finds hand-computed roots', () => {
  const base = { path: 'allocation.growth', probe: final, lo: new Dec(0), hi: new Dec(100), rate: true, places: 2 };

  it('exactly: growth for a surplus of 2.5 with nothing diverted is 2.5% (100 × g = 2.5)', () => {
    const r = solve(tiny({ policies: [] }), { ...base, target: new Dec('2.5') });
    expect(r.kind).toBe('exact');
    if (r.kind === 'exact') expect(r.at.text).toBe('2.5%');
  });

  it('between grid values: a surplus of 2.557 needs g = 2.557%; 2.56% is nearest (0.003 off, against 0.007)', () => {
    const r = solve(tiny({ policies: [] }), { ...base, target: new Dec('2.557') });
    expect(r.kind).toBe('between');
    if (r.kind === 'between') {
      expect(r.nearest.text).toBe('2.56%');
      expect(r.below.text).toBe('2.55%');
      expect(r.below.figure.toFixed()).toBe('2.55');
      expect(r.above.figure.toFixed()).toBe('2.56');
    }
  });

  it('the diverted share that leaves a surplus of 4: 10 − 10s = 4, so s = 60%', () => {
    const r = solve(tiny(), { ...base, path: 'policies.divert_growth.share', target: new Dec(4) });
    expect(r.kind).toBe('exact');
    if (r.kind === 'exact') expect(r.at.text).toBe('60%');
    // Bisection over 10,001 grid values needs about log2(10,000) ≈ 14 runs, not thousands.
    expect(r.evaluations).toBeLessThan(20);
  });

  it('money inputs to whole units: the spend on `a` that leaves a surplus of 7.3 is 97.7, to 1 place', () => {
    // 110 − spend − 5 = 7.3 → spend = 97.7 (half of the growth of 10 is diverted).
    const r = solve(tiny(), { path: 'lines.a.spend', probe: final, target: new Dec('7.3'), lo: new Dec(0), hi: new Dec(200), rate: false, places: 1 });
    expect(r.kind).toBe('exact');
    if (r.kind === 'exact') expect(r.at.text).toBe('97.7');
  });

  it('says when no value in the range reaches the target', () => {
    // The surplus is at most 100 × 100% = 100 with nothing diverted.
    const r = solve(tiny({ policies: [] }), { ...base, target: new Dec(200) });
    expect(r.kind).toBe('unreachable');
    if (r.kind === 'unreachable') expect([r.lo.figure.toFixed(), r.hi.figure.toFixed()]).toEqual(['0', '100']);
  });
});

describe('solve a limit: the boundary value that still meets it', () => {
  const share = { path: 'policies.divert_growth.share', probe: final, lo: new Dec(0), hi: new Dec(100), rate: true, places: 2 };

  it('the most growth that can be diverted with a surplus of at least 4.05: 10 − 10s ≥ 4.05, s ≤ 59.5%', () => {
    const r = solve(tiny(), { ...share, target: new Dec('4.05'), relation: '>=' });
    expect(r.kind).toBe('bound');
    if (r.kind !== 'bound') return;
    expect(r.bound).toBe('at_most');
    // s = 59.5% gives 10 − 5.95 = 4.05 (meets ≥); 59.51% gives 10 − 5.951 = 4.049 (does not).
    expect([r.answer.text, r.answer.figure.toFixed()]).toEqual(['59.5%', '4.05']);
    expect([r.next.text, r.next.figure.toFixed()]).toEqual(['59.51%', '4.049']);
  });

  it('a strict limit steps off the exact hit: surplus above 4.05 needs s ≤ 59.49% (gives 4.051)', () => {
    const r = solve(tiny(), { ...share, target: new Dec('4.05'), relation: '>' });
    expect(r.kind === 'bound' && [r.answer.text, r.answer.figure.toFixed(), r.next.text]).toEqual(['59.49%', '4.051', '59.5%']);
  });

  it('never lands on the wrong side, where "=" would pick the nearer neighbour', () => {
    // Surplus at least 4.0533 → 10s ≤ 5.9467 → s ≤ 59.467%. To 0.01%: 59.46% gives 4.054 (0.0007 over the
    // limit), 59.47% gives 4.053 (0.0003 under it): "=" picks 59.47%, which breaks the limit.
    const eq = solve(tiny(), { ...share, target: new Dec('4.0533') });
    expect(eq.kind === 'between' && eq.nearest.text).toBe('59.47%');
    const limit = solve(tiny(), { ...share, target: new Dec('4.0533'), relation: '>=' });
    expect(limit.kind === 'bound' && [limit.answer.text, limit.answer.figure.toFixed(), limit.next.figure.toFixed()]).toEqual(['59.46%', '4.054', '4.053']);
  });

  it('the least uplift that keeps the 2026/27 acute gap at or under 1.5: 63 − 60(1 + u) ≤ 1.5, u ≥ 2.5%', () => {
    // Acute need 60 × 1.05 = 63 (5% inflation), spend held at 60 × (1 + u).
    const data = tiny({
      assumptions: { inflation: '5%' },
      lines: { a: { category: 'acute', spend: '60' }, b: { category: 'community', spend: '40' } },
      policies: [{ type: 'flat_cash', line: 'a', uplift: '0%' }],
    });
    const probe = { metric: 'gap.a', year: '2026/27' };
    const r = solve(data, { path: 'policies.flat_cash.uplift', probe, target: new Dec('1.5'), relation: '<=', lo: new Dec(0), hi: new Dec(10), rate: true, places: 2 });
    expect(r.kind === 'bound' && [r.bound, r.answer.text, r.answer.figure.toFixed(), r.next.text, r.next.figure.toFixed()]).toEqual(
      // u = 2.49%: 63 − 61.494 = 1.506, over the limit.
      ['at_least', '2.5%', '1.5', '2.49%', '1.506'],
    );
    // Under 1.5 strictly: u = 2.51% gives 63 − 61.506 = 1.494.
    const strict = solve(data, { path: 'policies.flat_cash.uplift', probe, target: new Dec('1.5'), relation: '<', lo: new Dec(0), hi: new Dec(10), rate: true, places: 2 });
    expect(strict.kind === 'bound' && [strict.answer.text, strict.answer.figure.toFixed()]).toEqual(['2.51%', '1.494']);
  });

  it('says when every value of the range meets the limit, and when none does', () => {
    // s in 0%..100% gives a surplus from 10 down to 0.
    const all = solve(tiny(), { ...share, target: new Dec(0), relation: '>=' });
    expect(all.kind === 'everywhere' && [all.lo.figure.toFixed(), all.hi.figure.toFixed()]).toEqual(['10', '0']);
    const none = solve(tiny(), { ...share, target: new Dec(0), relation: '<' });
    expect(none.kind).toBe('unreachable');
  });
});

describe('solve, as a property', () => {
  it('a limit\'s answer meets it, its neighbour 0.01% away does not, and ≥ T gives s = ⌊(10 − T) × 10⌋ to 0.01%', () => {
    const share = { path: 'policies.divert_growth.share', probe: final, lo: new Dec(0), hi: new Dec(100), rate: true, places: 2 };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('<=', '>=', '<', '>') as fc.Arbitrary<Relation>, (k, relation) => {
        // Surplus 10 − 10s for s in 0%..100%: a target strictly inside (0, 10), to 0.0001.
        const target = new Dec(k).dividedBy(10_000);
        const r = solve(tiny(), { ...share, target, relation });
        expect(r.kind).toBe('bound');
        if (r.kind !== 'bound') return;
        expect(meets(r.answer.figure, relation, target)).toBe(true);
        expect(meets(r.next.figure, relation, target)).toBe(false);
        expect(r.answer.x.minus(r.next.x).abs().toFixed()).toBe('0.01');
        // The surplus falls as s rises: ≥ and > bound s from above, ≤ and < from below.
        expect(r.bound).toBe(relation.startsWith('>') ? 'at_most' : 'at_least');
        if (relation === '>=') {
          expect(r.answer.x.toFixed()).toBe(new Dec(10).minus(target).times(10).toDecimalPlaces(2, Dec.ROUND_FLOOR).toFixed());
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('tornado', () => {
  it('swings plain rates by the step and distributions to their 10th/90th percentiles, ranked by swing', () => {
    const data = tiny({
      assumptions: { inflation: { uniform: ['0%', '10%'] } },
      lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '0' } },
    });
    const inputs = tornadoInputs(data, new Dec(1));
    const byPath = Object.fromEntries(inputs.map((i) => [i.path, i]));
    // uniform [0%, 10%]: p10 = 1%, p90 = 9%.
    expect(byPath['assumptions.inflation']).toMatchObject({ uncertain: true, low: '1%', high: '9%' });
    expect(byPath['allocation.growth']).toMatchObject({ uncertain: false, low: '9%', high: '11%' });
    expect(tornadoInputs(data, new Dec(1), false).map((i) => i.path)).toEqual(['assumptions.inflation']);

    const r = tornado(data, inputs, final);
    // Base: inflation at its midpoint 5%: surplus = 110 − 105 − 5 = 0.
    expect(r.base.toFixed()).toBe('0');
    const infl = r.rows.find((x) => x.path === 'assumptions.inflation')!;
    // Inflation 1% → 110 − 101 − 5 = 4; 9% → 110 − 109 − 5 = −4; swing 8.
    expect([infl.atLow.toFixed(), infl.atHigh.toFixed(), infl.swing.toFixed()]).toEqual(['4', '-4', '8']);
    // Growth 9% → 109 − 105 − 4.5 = −0.5; 11% → 111 − 105 − 5.5 = 0.5; swing 1.
    expect(r.rows.find((x) => x.path === 'allocation.growth')!.swing.toFixed()).toBe('1');
    expect(r.rows[0]!.path).toBe('assumptions.inflation');
    for (let i = 1; i < r.rows.length; i++) expect(r.rows[i - 1]!.swing.gte(r.rows[i]!.swing)).toBe(true);
  });

  it('takes a normal and a triangular distribution to their 10th and 90th percentiles, to 0.0001 points', () => {
    const data = tiny({
      assumptions: { inflation: { normal: ['2.5%', '0.5%'] }, demand: { triangular: ['0.5%', '1.5%', '3%'], per: 'year' } },
    });
    const byPath = Object.fromEntries(tornadoInputs(data, new Dec(1), false).map((i) => [i.path, [i.low, i.high, i.written]]));
    // Normal: 2.5 ∓ 0.5 × 1.2815515655 = 1.8592242 and 3.1407758.
    expect(byPath['assumptions.inflation']).toEqual(['1.8592%', '3.1408%', 'normal 2.5% sd 0.5%']);
    // Triangular [0.5, 1.5, 3]: F(1.5) = 0.4, so p10 = 0.5 + √(0.1 × 2.5 × 1) = 1 and
    // p90 = 3 − √(0.1 × 2.5 × 1.5) = 3 − 0.6123724 = 2.3876276.
    expect(byPath['assumptions.demand']).toEqual(['1%', '2.3876%', 'triangular 0.5%, 1.5%, 3%, per year']);
  });

  it('names policies by type where that is unambiguous, and stops a swing at what the input can mean', () => {
    const data = tiny({
      assumptions: { efficiency: '2%', efficiency_delivery: '100%' },
      lines: { a: { category: 'acute', spend: '100' }, b: { category: 'community', spend: '0' } },
      policies: [
        { type: 'divert_growth', share: '50%', to: { b: '100%' } },
        { type: 'shift_activity', from: 'a', to: 'b', share: '0.5%', cost_ratio: '0.5%' },
        { type: 'shift_activity', name: 'Second shift', from: 'a', to: 'b', share: '99.5%', cost_ratio: '70%' },
        { type: 'shift_activity', name: 'with.dot', from: 'a', to: 'b', share: '1%', cost_ratio: '70%' },
      ],
    });
    const byPath = Object.fromEntries(tornadoInputs(data, new Dec(1)).map((i) => [i.path, [i.low, i.high]]));
    // A share of 0.5% ± 1% stops at 0%; 99.5% stops at 100%; savings delivered stop at 100%.
    expect(byPath['policies.divert_growth.share']).toEqual(['49%', '51%']);
    expect(byPath['policies.1.share']).toEqual(['0%', '1.5%']);
    expect(byPath['policies.1.cost_ratio']).toEqual(['0%', '1.5%']);
    expect(byPath['policies.Second shift.share']).toEqual(['98.5%', '100%']);
    expect(byPath['policies.3.share']).toEqual(['0%', '2%']);
    expect(byPath['assumptions.efficiency_delivery']).toEqual(['99%', '100%']);
    // Inflation, demand and growth may go below zero: no bound.
    expect(byPath['allocation.growth']).toEqual(['9%', '11%']);
    expect(tornadoInputs(tiny({ allocation: { recurrent: '100', growth: '0.5%' } }), new Dec(1)).find((i) => i.path === 'allocation.growth')).toMatchObject({ low: '-0.5%' });
    // Every path named resolves to the input it came from.
    for (const path of Object.keys(byPath)) expect(() => getInput(data, path)).not.toThrow();
  });
});
