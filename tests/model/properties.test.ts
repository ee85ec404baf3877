/** Invariants of MODEL.md over generated scenarios (tests/model/arbitraries.ts). */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import { metricDefs } from '../../src/model/metrics.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { PENNY_PLACES } from '../../src/model/units.js';
import { scenarioArb, scaled } from './arbitraries.js';
import { runValid } from './helpers.js';

const RUNS = 200;

const sum = (xs: Dec[]) => xs.reduce((a, b) => a.plus(b), new Dec(0));
const get = (metrics: Record<string, Dec>, key: string): Dec => {
  const v = metrics[key];
  if (v === undefined) throw new Error(`missing metric ${key}`);
  return v;
};

describe('accounting identities hold exactly in every year', () => {
  test('income − spend = icb_surplus; spend = Σ spend.<line>; system = icb − Σ gap; money to the penny', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const r = runValid(data);
        const names = r.lines.map((l) => l.name);
        const defs = metricDefs(r.spec);
        const places = PENNY_PLACES[r.units];
        let cumulative = new Dec(0);
        r.years.forEach(({ metrics: m }, t) => {
          // Every money figure has at most the units' penny places; shares at most 4.
          for (const def of defs) {
            const v = m[def.name];
            if (v === undefined) continue;
            if (def.kind === 'money') expect(v.decimalPlaces(), def.name).toBeLessThanOrEqual(places);
            if (def.kind === 'share') expect(v.decimalPlaces(), def.name).toBeLessThanOrEqual(4);
          }
          const surplus = get(m, 'icb_surplus');
          expect(decString(get(m, 'income').minus(get(m, 'spend')))).toBe(decString(surplus));
          expect(decString(sum(names.map((n) => get(m, `spend.${n}`))))).toBe(decString(get(m, 'spend')));
          const gaps = sum(names.map((n) => get(m, `gap.${n}`)));
          expect(decString(surplus.minus(gaps))).toBe(decString(get(m, 'system_surplus')));
          expect(decString(surplus.minus(get(m, 'non_recurrent')))).toBe(decString(get(m, 'underlying_surplus')));
          expect(decString(get(m, 'allocation').plus(get(m, 'non_recurrent')))).toBe(decString(get(m, 'income')));
          if (t >= 1) {
            cumulative = cumulative.plus(surplus);
            expect(decString(get(m, 'cumulative_surplus'))).toBe(decString(cumulative));
          } else {
            expect(m.cumulative_surplus).toBeUndefined();
          }
          // Only need and spend of a flat-cash line can differ; every other line's gap is zero.
          for (const n of names) {
            const gap = get(m, `gap.${n}`);
            expect(decString(gap)).toBe(decString(get(m, `need.${n}`).minus(get(m, `spend.${n}`))));
          }
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('growth diversion', () => {
  test('each year the targets get exactly D_t = round(s × max(ΔR_t, 0)) between them, to the penny', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const r = runValid(data);
        const places = PENNY_PLACES[r.units];
        const shares = (r.spec.policies ?? []).flatMap((p) => (p.type === 'divert_growth' && p.share.kind === 'fixed' ? [p.share.value] : []));
        const targets = new Set((r.spec.policies ?? []).flatMap((p) => (p.type === 'divert_growth' ? Object.keys(p.to) : [])));
        for (let t = 1; t < r.years.length; t++) {
          const dR = get(r.years[t]!.metrics, 'allocation').minus(get(r.years[t - 1]!.metrics, 'allocation'));
          const growth = Dec.max(dR, 0);
          const expected = sum(shares.map((s) => s.times(growth).toDecimalPlaces(places, Dec.ROUND_HALF_EVEN)));
          const given = r.projection.lines.map((tr) => tr.diverted[t]!);
          expect(decString(sum(given))).toBe(decString(expected));
          r.lines.forEach((l, i) => {
            if (!targets.has(l.name)) expect(given[i]!.isZero()).toBe(true);
            expect(given[i]!.decimalPlaces()).toBeLessThanOrEqual(places);
          });
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe('activity shifts', () => {
  // Lines with no cost drivers, shifts at cost ratio 100% and lag 0, no other policies.
  const neutral = fc
    .record({
      names: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/), { minLength: 2, maxLength: 5 }),
      years: fc.integer({ min: 1, max: 5 }),
      units: fc.constantFrom('£', '£k', '£m'),
    })
    .chain(({ names, years, units }) =>
      fc.record({
        names: fc.constant(names),
        years: fc.constant(years),
        units: fc.constant(units),
        spends: fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: names.length, maxLength: names.length }),
        shifts: fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: names.length - 1 }),
            to: fc.integer({ min: 0, max: names.length - 1 }),
            share: fc.integer({ min: 0, max: 2500 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    );

  test('with cost ratio 100% and lag 0, total need never changes', () => {
    fc.assert(
      fc.property(neutral, ({ names, years, units, spends, shifts }) => {
        const places = PENNY_PLACES[units as '£'];
        const policies = shifts
          .filter((s) => s.from !== s.to)
          .map((s) => ({ type: 'shift_activity', from: names[s.from], to: names[s.to], share: `${scaled(BigInt(s.share), 2)}%`, cost_ratio: '100%', lag: '0' }));
        const r = runValid({
          base_year: '2025/26',
          years: String(years),
          units,
          allocation: { recurrent: '1', growth: '0%' },
          lines: Object.fromEntries(names.map((n, i) => [n, { category: 'acute', spend: scaled(spends[i]!, places) }])),
          policies,
        });
        const total = (t: number) => decString(sum(names.map((n) => get(r.years[t]!.metrics, `need.${n}`))));
        for (let t = 1; t <= years; t++) expect(total(t)).toBe(total(0));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('determinism and robustness', () => {
  test('the same data gives byte-identical metrics twice', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const json = () => JSON.stringify(runValid(structuredClone(data)).years.map((y) => [y.year, Object.entries(y.metrics).map(([k, v]) => [k, decString(v)])]));
        expect(json()).toBe(json());
      }),
      { numRuns: 50 },
    );
  });

  test('flat cash moves money from the provider to the ICB, never creating or losing any', () => {
    fc.assert(
      fc.property(scenarioArb, (data) => {
        const policies = (data.policies as { type: string }[] | undefined) ?? [];
        fc.pre(policies.some((p) => p.type === 'flat_cash'));
        const held = runValid(data);
        const funded = runValid({ ...data, policies: policies.filter((p) => p.type !== 'flat_cash') });
        held.years.forEach(({ metrics: m }, t) => {
          const f = funded.years[t]!.metrics;
          const gaps = sum(held.lines.map((l) => get(m, `gap.${l.name}`)));
          // What the ICB no longer pays is exactly the gap left with the providers ...
          expect(decString(get(m, 'icb_surplus').minus(get(f, 'icb_surplus'))), held.years[t]!.year).toBe(decString(gaps));
          // ... so the whole system's position, and every line's need, are as if it paid in full.
          expect(decString(get(m, 'system_surplus'))).toBe(decString(get(f, 'system_surplus')));
          for (const l of held.lines) expect(decString(get(m, `need.${l.name}`))).toBe(decString(get(f, `need.${l.name}`)));
        });
      }),
      { numRuns: 100 },
    );
  });

  test('the order policies are written in never changes a figure', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), (data, seed) => {
        const policies = [...((data.policies as unknown[]) ?? [])];
        // Fisher-Yates with a small LCG, so the permutation comes from fast-check's seed.
        let x = seed;
        for (let i = policies.length - 1; i > 0; i--) {
          x = (x * 1103515245 + 12345) % 2 ** 31;
          const j = x % (i + 1);
          [policies[i], policies[j]] = [policies[j], policies[i]];
        }
        const json = (d: Record<string, unknown>) => JSON.stringify(runValid(d).years.map((y) => Object.entries(y.metrics).map(([k, v]) => [k, decString(v)])));
        expect(json({ ...data, policies })).toBe(json(data));
      }),
      { numRuns: 100 },
    );
  });

  // A valid scenario with one value somewhere replaced by something a user might write instead.
  const junk = fc.oneof(
    fc.constantFrom(null, '', '2.5', '-1', '0', '1e400', '-0%', '999999999999%', 'NaN', 'inflation', '__proto__', 'constructor', '2026/27', '2025', '15', '16'),
    fc.string({ maxLength: 6 }),
    fc.array(fc.constantFrom('1%', '2', 'x'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('2026/27', '2099/00', 'normal', 'a', '__proto__'), fc.constantFrom('1%', '2', ['1%', '2%'])),
    fc.constant({ normal: ['2%', '1'] }),
    fc.constant({ triangular: ['3%', '2%'] }),
  );

  function leafPaths(v: unknown, path: (string | number)[] = []): (string | number)[][] {
    if (v === null || typeof v !== 'object') return [path];
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    return [path, ...entries.flatMap(([k, x]) => leafPaths(x, [...path, k]))];
  }

  function replaced(data: unknown, path: (string | number)[], value: unknown): unknown {
    if (path.length === 0) return value;
    const copy = (Array.isArray(data) ? [...data] : { ...(data as object) }) as Record<string | number, unknown>;
    const [head, ...rest] = path as [string | number, ...(string | number)[]];
    copy[head] = replaced(copy[head], rest, value);
    return copy;
  }

  test('no mutated scenario throws: it runs, or parseScenario returns problems', () => {
    fc.assert(
      fc.property(scenarioArb, fc.nat(), junk, (data, pick, value) => {
        const paths = leafPaths(data).filter((p) => p.length > 0);
        const path = paths[pick % paths.length]!;
        const mutated = replaced(data, path, value);
        const parsed = parseScenario(mutated);
        if (parsed.ok) runScenario(parsed.spec);
        else {
          expect(parsed.problems.length).toBeGreaterThan(0);
          for (const p of parsed.problems) expect(p.message).toMatch(/\S/);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
