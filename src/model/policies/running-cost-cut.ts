/** MODEL.md step 4, `running_cost_cut`: a real cut to a line's uncut path, phased in evenly by a year. */
import * as z from 'zod/mini';
import { rateSpecText } from '../rate-text.js';
import { between, ruledRate } from '../rate-rules.js';
import { LineName, YearKey } from '../schema-values.js';
import { yearStart } from '../years.js';
import { described, strictObject } from '../zod.js';
import { definePolicy, PolicyName } from './policy.js';

export const runningCostCut = definePolicy({
  schema: described(
    strictObject({
      type: described(z.literal('running_cost_cut'), 'The policy: running_cost_cut'),
      name: PolicyName,
      line: described(LineName, 'The running-cost line'),
      cut: described(ruledRate(between(0, 1, 'a cut')), 'The cut, e.g. 30%, reached in full by the year `by`'),
      by: described(YearKey, 'The year by which the full cut is in place; phased in evenly before it'),
    }),
    'Cut a running-cost line by a share of its uncut path, phased in evenly by a year',
  ),

  onePerLine: 'line',

  validate(p, at, v) {
    v.lineRef(p.line, at('line'));
    if (!v.projection.includes(p.by)) v.fail(at('by'), `${p.by} is not a projection year: they run ${v.projection[0]} to ${v.projection.at(-1)}`);
  },

  plan(p, b) {
    b.lines[b.index(p.line)]!.cut = { rate: b.sample(p.cut, 0), byIndex: yearStart(p.by) - yearStart(b.spec.base_year) };
  },

  lines: (p) => [p.line],

  describe: (p, line) => `${line(p.line)} cut by ${rateSpecText(p.cut)} of its uncut path, phased in evenly to ${p.by}.`,
});
