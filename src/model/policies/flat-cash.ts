/** MODEL.md step 4, `flat_cash`: a line's spend grows only by its uplift; need above it is the provider gap. */
import * as z from 'zod/mini';
import { Dec } from '../decimal.js';
import { aboveMinusAll, checkSeries } from '../rate-rules.js';
import { seriesText } from '../rate-text.js';
import { LineName, RateSeries } from '../schema-values.js';
import { described, strictObject, transformed } from '../zod.js';
import { definePolicy, PolicyName } from './policy.js';

export const flatCash = definePolicy({
  schema: described(
    strictObject({
      type: described(z.literal('flat_cash'), 'The policy: flat_cash'),
      name: PolicyName,
      line: described(LineName, 'The line held to the uplift'),
      uplift: described(
        z._default(
          transformed(z.union([z.literal('inflation'), RateSeries]), (u, ctx) => {
            if (u !== 'inflation') checkSeries(u, [aboveMinusAll('an uplift', 'the line would be funded nothing or less')], ctx);
            return u;
          }),
          { kind: 'one', rate: { kind: 'fixed', value: new Dec(0) } } as never,
        ),
        'The uplift the line gets each year: a rate (default 0%, flat cash) or `inflation` (flat real)',
      ),
    }),
    'Hold a line (usually acute contracts) to an uplift; what need exceeds it is the provider gap',
  ),

  onePerLine: 'line',

  validate(p, at, v) {
    v.lineRef(p.line, at('line'));
    if (p.uplift !== 'inflation') v.checkSeries(p.uplift, at('uplift'));
  },

  plan(p, b) {
    const line = b.lines[b.index(p.line)]!;
    // `inflation` shares the line's own series: explain tells flat real by that identity.
    line.uplift = p.uplift === 'inflation' ? line.inflation : b.perYear(p.uplift, b.arith.zero);
  },

  lines: (p) => [p.line],

  describe: (p, line) =>
    `${line(p.line)} held to ${p.uplift === 'inflation' ? 'its inflation rate (flat real)' : `an uplift of ${seriesText(p.uplift)} a year`}; need above that is the provider gap.`,
});
