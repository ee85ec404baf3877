/** MODEL.md step 5, `divert_growth`: a share of each year's allocation growth goes to chosen lines. */
import * as z from 'zod/mini';
import { Dec } from '../decimal.js';
import { rateSpecText, rateText } from '../rate-text.js';
import { between, ruledRate } from '../rate-rules.js';
import { LineName, RateText } from '../schema-values.js';
import { described, strictObject } from '../zod.js';
import { definePolicy, PolicyName } from './policy.js';

export const divertGrowth = definePolicy({
  schema: described(
    strictObject({
      type: described(z.literal('divert_growth'), 'The policy: divert_growth'),
      name: PolicyName,
      share: described(ruledRate(between(0, 1, 'the share of growth diverted')), 'Share of each year\'s allocation growth diverted'),
      to: described(z.record(LineName, RateText), 'Target lines and their weights, which sum to 100%'),
    }),
    'Send a share of each year\'s allocation growth to chosen lines, on top of their need',
  ),

  validate(p, at, v) {
    let total = new Dec(0);
    for (const [name, weight] of Object.entries(p.to)) {
      // A target's name is its key in `to:`; its value is only the weight.
      v.lineRef(name, at('to', name), 'key');
      total = total.plus(weight);
    }
    if (Object.keys(p.to).length === 0) v.fail(at('to'), 'a diversion needs at least one target line');
    else if (!total.equals(1)) v.fail(at('to'), `the weights must sum to 100%, they sum to ${total.times(100).toFixed()}%`);
  },

  plan(p, b) {
    b.diversions.push({
      share: b.sample(p.share, 0),
      targets: Object.entries(p.to).map(([name, w]) => ({ line: b.index(name), weight: b.arith.of(w) })),
    });
  },

  lines: (p) => Object.keys(p.to),

  describe: (p, line) =>
    `${rateSpecText(p.share)} of each year's allocation growth diverted to ${Object.entries(p.to)
      .map(([l, w]) => `${line(l)} (${rateText(w)})`)
      .join(', ')}.`,
});
