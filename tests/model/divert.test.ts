/**
 * MODEL.md step 5, divert_growth. The figures are golden cases (tests/cases/divert-*.yaml); this
 * checks what no metric shows: the amount D_t the engine diverted each year.
 */
import { expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

test('the engine records D_t = s × max(ΔR_t, 0) for each year', () => {
  const r = run(
    minimal({
      allocation: { recurrent: '1000', growth: '1%' },
      lines: {
        a: { category: 'acute', spend: '500' },
        b: { category: 'community', spend: '100', inflation: '10%' },
        c: { category: 'prevention', spend: '50' },
      },
      policies: [{ type: 'divert_growth', share: '50%', to: { b: '60%', c: '40%' } }],
    }),
  );
  // base year 0; ΔR1 = 1010 − 1000 = 10 → D1 = 5; ΔR2 = 1020.1 − 1010 = 10.1 → D2 = 5.05
  expect(r.result.projection.diverted[0]!.map(String)).toEqual(['0', '5', '5.05']);
});
