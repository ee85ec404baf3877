/** batch's --metric names, checked against the metric table before any scenario is read. */
import { describe, expect, it } from 'vitest';
import { metricNameProblem } from '../../src/model/metrics.js';

describe('metricNameProblem', () => {
  it('takes a single metric, a family member (any member: scenarios differ), a whole family', () => {
    for (const ok of ['icb_surplus', 'unheld_gap', 'non_recurrent', 'non_recurrent.deficit_support', 'gap.acute', 'provider_surplus.northshire', 'provider_surplus.*']) {
      expect(metricNameProblem(ok), ok).toBeUndefined();
    }
  });

  it('refuses anything else, suggesting the near name with its member kept', () => {
    expect(metricNameProblem('provider_surplu.northshire')).toMatch(/^unknown metric `provider_surplu\.northshire`: did you mean `provider_surplus\.northshire`\?/);
    expect(metricNameProblem('icb_surplas')).toMatch(/did you mean `icb_surplus`\?/);
    for (const bad of ['spend.', '.acute', 'acute', 'surplus.northshire.x.y.z.w']) expect(metricNameProblem(bad), bad).toMatch(/^unknown metric/);
    // The message lists every family, from the table.
    expect(metricNameProblem('xyz')).toContain('provider_underlying_surplus.*');
  });
});
