/**
 * fast-check generators of scenarios that satisfy MODEL.md's validity rules, as plain data with every
 * number as its text (the way the YAML loader hands them over).
 */
import fc from 'fast-check';
import { CATEGORIES } from '../../src/model/schema.js';
import { PENNY_PLACES, type Units } from '../../src/model/units.js';
import { yearLabels } from '../../src/model/years.js';
import { Dec } from '../../src/model/decimal.js';

/** `n` scaled down by 10^places as exact decimal text: (12345, 2) → "123.45". */
export function scaled(n: bigint, places: number): string {
  const neg = n < 0n;
  const digits = (neg ? -n : n).toString().padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return (neg ? '-' : '') + text;
}

const rateIn = (lo: number, hi: number) =>
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: lo * 100, max: hi * 100 })).map(([extra, n]) => {
    // Up to 4 decimal places of a per cent: n is in hundredths of a per cent, times 10^extra.
    return `${scaled(BigInt(n) * 10n ** BigInt(extra), 2 + extra)}%`;
  });

const distribution = (lo: number, hi: number) =>
  fc.oneof(
    { weight: 6, arbitrary: rateIn(lo, hi) },
    { weight: 1, arbitrary: fc.tuple(rateIn(lo, hi), rateIn(0, 2)).map(([m, sd]) => ({ normal: [m, sd] })) },
    {
      weight: 1,
      arbitrary: fc
        .uniqueArray(fc.integer({ min: lo * 100, max: hi * 100 }), { minLength: 3, maxLength: 3 })
        .map((xs) => ({ triangular: [...xs].sort((a, b) => a - b).map((x) => `${scaled(BigInt(x), 2)}%`) })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: lo * 100, max: hi * 100 }), fc.integer({ min: lo * 100, max: hi * 100 }))
        .map(([a, b]) => ({ uniform: [Math.min(a, b), Math.max(a, b)].map((x) => `${scaled(BigInt(x), 2)}%`), per: 'year' })),
    },
  );

/** One rate, a list with one per projection year, or a year map. */
const series = (labels: string[], lo: number, hi: number) => {
  const years = labels.slice(1);
  return fc.oneof(
    { weight: 3, arbitrary: distribution(lo, hi) },
    { weight: 1, arbitrary: fc.array(distribution(lo, hi), { minLength: years.length, maxLength: years.length }) },
    {
      weight: 1,
      arbitrary: fc
        .array(distribution(lo, hi), { minLength: years.length, maxLength: years.length })
        .map((rates) => Object.fromEntries(years.map((y, k) => [y, rates[k]]))),
    },
  );
};

const money = (places: number, maxPounds: number) =>
  fc.bigInt({ min: 0n, max: BigInt(maxPounds) * 10n ** BigInt(places) }).map((n) => scaled(n, places));

/** Weights in hundredths of a per cent that sum to exactly 100%. */
const weights = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: count - 1, maxLength: count - 1 }).map((cuts) => {
    const points = [0, ...[...cuts].sort((a, b) => a - b), 10_000];
    return points.slice(1).map((p, k) => p - points[k]!);
  });

const lineName = fc.stringMatching(/^[a-z][a-z0-9_]{0,9}$/);

/** A valid scenario. */
export const scenarioArb = fc
  .record({
    units: fc.constantFrom<Units>('£', '£k', '£m'),
    years: fc.integer({ min: 1, max: 6 }),
    names: fc.uniqueArray(lineName, { minLength: 1, maxLength: 6 }),
  })
  .chain(({ units, years, names }) => {
    const labels = yearLabels('2025/26', years);
    const places = PENNY_PLACES[units];
    const scale = units === '£' ? 100_000_000 : units === '£k' ? 100_000 : 100;
    const line = fc.record(
      {
        category: fc.constantFrom(...CATEGORIES),
        spend: money(places, scale),
        inflation: series(labels, -2, 8),
        demand: series(labels, -2, 6),
        efficiency: series(labels, 0, 5),
        efficiency_delivery: series(labels, 0, 100),
      },
      { requiredKeys: ['category', 'spend'] },
    );
    return fc
      .record({
        lines: fc.tuple(...names.map(() => line)),
        recurrent: money(places, scale * 3),
        growth: series(labels, -3, 8),
        nonRecurrent: fc.dictionary(fc.constantFrom(...labels), fc.bigInt({ min: -(10n ** BigInt(places + 4)), max: 10n ** BigInt(places + 6) }).map((n) => scaled(n, places)), { maxKeys: 3 }),
        assumptions: fc.record(
          { inflation: series(labels, -1, 6), demand: series(labels, 0, 5), efficiency: series(labels, 0, 4), efficiency_delivery: series(labels, 50, 100) },
          { requiredKeys: [] },
        ),
        careShift: fc.option(fc.uniqueArray(fc.constantFrom(...CATEGORIES), { maxLength: 4 }), { nil: undefined }),
        // Which lines take which roles; resolved into valid policies below.
        cutIndex: fc.option(fc.integer({ min: 0, max: names.length - 1 }), { nil: undefined }),
        cut: fc.record({ cut: distribution(0, 100), by: fc.constantFrom(...labels.slice(1)) }),
        flatMask: fc.array(fc.boolean(), { minLength: names.length, maxLength: names.length }),
        uplifts: fc.array(fc.oneof(fc.constant('inflation' as const), series(labels, -2, 5), fc.constant(undefined)), {
          minLength: names.length,
          maxLength: names.length,
        }),
        shifts: fc.array(
          fc.record({
            from: fc.integer({ min: 0, max: names.length - 1 }),
            to: fc.integer({ min: 0, max: names.length - 1 }),
            share: series(labels, 0, 20),
            cost_ratio: distribution(0, 150),
            lag: fc.integer({ min: 0, max: 3 }),
          }),
          { maxLength: 3 },
        ),
        diversions: fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 4 }), weights(4)), { maxLength: 2 }),
      })
      .map((g) => {
        const cutName = g.cutIndex === undefined ? undefined : names[g.cutIndex];
        const policies: Record<string, unknown>[] = [];
        if (cutName !== undefined) policies.push({ type: 'running_cost_cut', line: cutName, ...g.cut });
        const flat = names.filter((n, i) => g.flatMask[i] && n !== cutName);
        for (const n of flat) {
          const uplift = g.uplifts[names.indexOf(n)];
          policies.push(uplift === undefined ? { type: 'flat_cash', line: n } : { type: 'flat_cash', line: n, uplift });
        }
        for (const s of g.shifts) {
          const from = names[s.from]!;
          const to = names[s.to]!;
          if (from === to || from === cutName || to === cutName) continue;
          policies.push({ type: 'shift_activity', from, to, share: s.share, cost_ratio: s.cost_ratio, lag: String(s.lag) });
        }
        const targetsAllowed = names.filter((n) => n !== cutName && !flat.includes(n));
        for (const [share, count, w] of g.diversions) {
          const targets = targetsAllowed.slice(0, count);
          if (targets.length === 0) continue;
          // Fold the weights of targets there is no line for into the last one: they still sum to 100%.
          const ws = w.slice(0, targets.length);
          ws[ws.length - 1]! += w.slice(targets.length).reduce((a, b) => a + b, 0);
          const to = Object.fromEntries(targets.map((t, k) => [t, `${scaled(BigInt(ws[k]!), 2)}%`]));
          policies.push({ type: 'divert_growth', share: `${share}%`, to });
        }
        const data: Record<string, unknown> = {
          base_year: '2025/26',
          years: String(years),
          units,
          allocation: { recurrent: g.recurrent, growth: g.growth, non_recurrent: g.nonRecurrent },
          assumptions: g.assumptions,
          lines: Object.fromEntries(names.map((n, i) => [n, g.lines[i]])),
          policies,
        };
        if (g.careShift) data.care_shift = { categories: g.careShift };
        return data;
      });
  });

export const pct = (hundredths: number) => `${scaled(BigInt(hundredths), 2)}%`;
const smallMoney = (places: number) => fc.bigInt({ min: 0n, max: 10n ** BigInt(places + 3) }).map((n) => scaled(n, places));

type Data = Record<string, unknown>;

/** A generated scenario with a fair-share rule, named streams and one-off savings. */
export const scenarioWithOneOffsArb = scenarioArb.chain((data) => {
  const labels = yearLabels('2025/26', Number(data.years));
  const places = PENNY_PLACES[data.units as Units];
  const names = Object.keys(data.lines as Data);
  const amounts = fc.dictionary(fc.constantFrom(...labels), smallMoney(places), { maxKeys: labels.length });
  const rule = fc.oneof(
    fc.record({ pace: fc.integer({ min: 0, max: 10_000 }).map(pct), cap: fc.integer({ min: 0, max: 300 }).map(pct) }),
    fc.record({ convergence: fc.integer({ min: -200, max: 200 }).map(pct) }),
  );
  return fc
    .record({
      fairShare: fc.option(fc.record({ distance_from_target: fc.integer({ min: -3000, max: 3000 }).map(pct), rule }), { nil: undefined }),
      streams: fc.array(fc.record({ amounts, ringFenced: fc.option(fc.constantFrom(...names), { nil: undefined }) }), { maxLength: 3 }),
      savings: fc.array(fc.option(amounts, { nil: undefined }), { minLength: names.length, maxLength: names.length }),
    })
    .map(({ fairShare, streams, savings }) => {
      const allocation = { ...(data.allocation as Data) };
      // A fair-share target needs an allocation to be a share of (validation refuses R_0 = 0).
      if (fairShare && !new Dec(String(allocation.recurrent)).isZero()) allocation.fair_share = { distance_from_target: fairShare.distance_from_target, ...fairShare.rule };
      if (streams.length > 0) {
        allocation.non_recurrent = Object.fromEntries(
          streams.map((s, k) => [`stream_${k}`, s.ringFenced === undefined ? s.amounts : { amounts: s.amounts, ring_fenced: s.ringFenced }]),
        );
      }
      const lines = Object.fromEntries(
        names.map((n, i) => {
          const line = { ...((data.lines as Data)[n] as Data) };
          if (savings[i] !== undefined) line.non_recurrent_savings = savings[i];
          return [n, line];
        }),
      );
      return { ...data, allocation, lines } as Data;
    });
});
