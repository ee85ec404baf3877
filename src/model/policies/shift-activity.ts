/** MODEL.md step 3, `shift_activity`: need moves from one line to another, the saving after a lag. */
import * as z from 'zod/mini';
import { rateSpecText, seriesText } from '../rate-text.js';
import { between, ruledRate, ruledSeries } from '../rate-rules.js';
import { LineName, numberInput } from '../schema-values.js';
import { described, strictObject, transformed } from '../zod.js';
import { definePolicy, PolicyName } from './policy.js';

export const shiftActivity = definePolicy({
  schema: described(
    strictObject({
      type: described(z.literal('shift_activity'), 'The policy: shift_activity'),
      name: PolicyName,
      from: described(LineName, 'The line activity moves out of (e.g. acute)'),
      to: described(LineName, 'The line activity moves into (e.g. community)'),
      // A negative share or cost ratio would run the shift backwards at a price no one meant.
      share: described(ruledSeries(between(0, 1, 'the share of activity shifted')), "Share of the source line's need moved each year"),
      cost_ratio: described(ruledRate(between(0, 10, 'a cost ratio')), 'Cost of the moved activity in its new setting, relative to the old (e.g. 70%)'),
      lag: described(
        transformed(z._default(numberInput('a whole number of years (0 or more)'), '0'), (v, ctx) => {
          const text = String(v);
          if (!/^\d+$/.test(text)) {
            ctx.addIssue({ code: 'custom', message: `lag is a whole number of years (0 or more), got \`${text}\`` });
            return z.NEVER;
          }
          return Number(text);
        }),
        'Whole years before the source line\'s need falls (the double-running period)',
      ),
    }),
    'The left shift: move activity from one line to another, paying for it before it saves',
  ),

  validate(p, at, v) {
    v.lineRef(p.from, at('from'));
    v.lineRef(p.to, at('to'));
    if (p.from === p.to) v.fail(at('to'), 'a shift needs two different lines');
    v.checkSeries(p.share, at('share'));
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
