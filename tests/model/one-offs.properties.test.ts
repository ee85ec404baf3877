/**
 * Invariants of MODEL.md "Fair shares" and "Non-recurrent streams" over generated scenarios: the
 * scenarios of arbitraries.ts, given a fair-share rule, named streams (some ring-fenced) and
 * one-off savings.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Dec, decString } from '../../src/model/decimal.js';
import type { RunResult } from '../../src/model/run.js';
import { pct, scenarioArb, scenarioWithOneOffsArb as withOneOffs } from './arbitraries.js';
import { runValid, type Data } from './helpers.js';

const RUNS = 100;

const get = (r: RunResult, t: number, key: string): Dec => {
  const v = r.years[t]!.metrics[key];
  if (v === undefined) throw new Error(`missing metric ${key} in year ${t}`);
  return v;
};

describe('one-off items and convergence keep the accounts whole', () => {
  test('underlying surplus = allocation − recurrent spend, and income − spend = ICB surplus, exactly', () => {
    fc.assert(
      fc.property(withOneOffs, (data) => {
        const r = runValid(data);
        const p = r.projection;
        r.years.forEach((_, t) => {
          // Recurrent spend is the reported spend without ring-fenced money and with the savings put back.
          const recurrentSpend = get(r, t, 'spend').minus(p.ringFenced[t]!).plus(p.savings[t]!);
          expect(decString(get(r, t, 'underlying_surplus'))).toBe(decString(get(r, t, 'allocation').minus(recurrentSpend)));
          expect(decString(get(r, t, 'income').minus(get(r, t, 'spend')))).toBe(decString(get(r, t, 'icb_surplus')));
          // Each line's one-off parts add up to the totals.
          const sumOf = (f: (i: number) => Dec) => p.lines.reduce((s, _l, i) => s.plus(f(i)), new Dec(0));
          expect(decString(sumOf((i) => p.lines[i]!.ringFenced[t]!))).toBe(decString(p.ringFenced[t]!));
          expect(decString(sumOf((i) => p.lines[i]!.savings[t]!))).toBe(decString(p.savings[t]!));
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('a ring-fenced stream changes the ICB and underlying surplus by nothing, in its year or after', () => {
    fc.assert(
      fc.property(withOneOffs, (data) => {
        const nr = (data.allocation as Data).non_recurrent as Data | undefined;
        const fenced = Object.entries(nr ?? {}).filter(([, s]) => (s as Data).ring_fenced !== undefined);
        fc.pre(fenced.length > 0);
        const rest = Object.fromEntries(Object.entries(nr!).filter(([, s]) => (s as Data).ring_fenced === undefined));
        const allocation: Data = { ...(data.allocation as Data) };
        if (Object.keys(rest).length > 0) allocation.non_recurrent = rest;
        else delete allocation.non_recurrent;
        const withIt = runValid(data);
        const without = runValid({ ...data, allocation });
        withIt.years.forEach((_, t) => {
          for (const metric of ['icb_surplus', 'underlying_surplus', 'allocation']) {
            expect(decString(get(withIt, t, metric)), `${metric} in year ${t}`).toBe(decString(get(without, t, metric)));
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('with pace 0% the allocation is the plain run\'s in every year', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer({ min: -5000, max: 5000 }), fc.integer({ min: 0, max: 500 }), (data, d, cap) => {
        fc.pre(!new Dec(String((data.allocation as Data).recurrent)).isZero());
        const allocation = { ...(data.allocation as Data), fair_share: { distance_from_target: pct(d), pace: '0%', cap: pct(cap) } };
        const paced = runValid({ ...data, allocation });
        const plain = runValid(data);
        plain.years.forEach((_, t) => {
          for (const metric of ['allocation', 'income', 'icb_surplus', 'underlying_surplus']) {
            expect(decString(get(paced, t, metric))).toBe(decString(get(plain, t, metric)));
          }
          if (t >= 1) expect(decString(get(paced, t, 'allocation_growth'))).toBe(decString(get(plain, t, 'allocation_growth')));
        });
      }),
      { numRuns: RUNS },
    );
  });

  test('convergence never moves growth by more than the cap, and always towards the target', () => {
    fc.assert(
      fc.property(withOneOffs, (data) => {
        const fs = (data.allocation as Data).fair_share as Data | undefined;
        fc.pre(fs !== undefined && fs.pace !== undefined);
        const r = runValid(data);
        const p = r.projection;
        const cap = new Dec(String(fs!.cap).slice(0, -1)).dividedBy(100);
        for (let t = 1; t < r.years.length; t++) {
          const c = p.convergence[t]!;
          expect(c.abs().lte(cap)).toBe(true);
          // Above target (d > 0) never gets more than base growth, below never less.
          const d = p.fairShare!.distance[t - 1]!;
          expect(c.times(d).lte(0)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
