/** MODEL.md step 3, `shift_activity`: need moves from one line to another, the saving after a lag. */
import { z } from 'zod';
import { rateSpecText, seriesText } from '../rate-text.js';
import { LineName, numberInput, Rate, RateSeries } from '../schema-values.js';
import { seriesRates } from '../validator.js';
import { definePolicy, PolicyName } from './policy.js';

export const shiftActivity = definePolicy({
  schema: z
    .strictObject({
      type: z.literal('shift_activity').describe('The policy: shift_activity'),
      name: PolicyName,
      from: LineName.describe('The line activity moves out of (e.g. acute)'),
      to: LineName.describe('The line activity moves into (e.g. community)'),
      share: RateSeries.describe("Share of the source line's need moved each year"),
      cost_ratio: Rate.describe('Cost of the moved activity in its new setting, relative to the old (e.g. 70%)'),
      lag: numberInput('a whole number of years (0 or more)')
        .default('0')
        .transform((v, ctx) => {
          const text = String(v);
          if (!/^\d+$/.test(text)) {
            ctx.addIssue({ code: 'custom', message: `lag is a whole number of years (0 or more), got \`${text}\`` });
            return z.NEVER;
          }
          return Number(text);
        })
        .describe('Whole years before the source line\'s need falls (the double-running period)'),
    })
    .describe('The left shift: move activity from one line to another, paying for it before it saves'),

  validate(p, at, v) {
    v.lineRef(p.from, at('from'));
    v.lineRef(p.to, at('to'));
    if (p.from === p.to) v.fail(at('to'), 'a shift needs two different lines');
    v.checkSeries(p.share, at('share'));
    // A negative share or cost ratio would run the shift backwards at a price no one meant.
    for (const [rate, path] of seriesRates(p.share, at('share'))) v.between(rate, 0, 1, path, 'the share of activity shifted');
    v.between(p.cost_ratio, 0, 10, at('cost_ratio'), 'a cost ratio');
  },

  plan(p, b) {
    b.shifts.push({
      from: b.index(p.from),
      to: b.index(p.to),
      share: b.perYear(p.share, b.arith.zero),
      costRatio: b.sample(p.cost_ratio, 0),
      lag: p.lag,
    });
  },

  lines: (p) => [p.from, p.to],

  describe: (p, line) =>
    `${seriesText(p.share)} of ${line(p.from)} need moved to ${line(p.to)} each year at ${rateSpecText(p.cost_ratio)} of the cost; ${line(p.from)} need falls ${p.lag === 0 ? 'in the same year' : `${p.lag} year${p.lag === 1 ? '' : 's'} later`}.`,
});
