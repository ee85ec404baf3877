/**
 * MODEL.md step 5, divert_growth: D_t = s × max(ΔR_t, 0), split by weight in pennies by largest
 * remainder (ties to the line listed first); each part is added to the target's K and S, recurrently.
 */
import { describe, expect, test } from 'vitest';
import { minimal, run } from './helpers.js';

describe('divert_growth', () => {
  const base = {
    allocation: { recurrent: '1000', growth: '1%' },
    lines: {
      a: { category: 'acute', spend: '500' },
      b: { category: 'community', spend: '100', inflation: '10%' },
      c: { category: 'prevention', spend: '50' },
    },
    policies: [{ type: 'divert_growth', share: '50%', to: { b: '60%', c: '40%' } }],
  };

  test('diverts a share of allocation growth, split by weight', () => {
    const r = run(minimal(base));
    // ΔR1 = 1010 − 1000 = 10; D1 = 50% × 10 = 5 → b 3, c 2
    // b: 100 × 1.1 + 3 = 113; c: 50 + 2 = 52
    expect([r.m(1, 'spend.b'), r.m(1, 'need.b'), r.m(1, 'spend.c'), r.m(1, 'need.c')]).toEqual(['113', '113', '52', '52']);
    // The diverted money is funded, not a gap.
    expect([r.m(1, 'gap.b'), r.m(1, 'gap.c')]).toEqual(['0', '0']);
    expect(r.result.projection.diverted[0]!.map(String)).toEqual(['0', '5', '5.05']);
  });

  test('the addition is recurrent and grows with the line from the next year', () => {
    const r = run(minimal(base));
    // R2 = 1010 × 1.01 = 1020.1; ΔR2 = 10.1; D2 = 5.05 → b 3.03, c 2.02
    // b: 113 × 1.1 + 3.03 = 124.3 + 3.03 = 127.33 (year 1's 3 has grown to 3.3)
    // c: 52 + 2.02 = 54.02
    expect([r.m(2, 'spend.b'), r.m(2, 'spend.c')]).toEqual(['127.33', '54.02']);
  });

  test('diverted money is spent: the surplus falls by D', () => {
    const r = run(minimal(base));
    // P1 = 1010 − (500 + 113 + 52) = 345; without diversion it would be 1010 − 660 = 350
    expect(r.m(1, 'icb_surplus')).toBe('345');
    expect(r.m(1, 'spend')).toBe('665');
  });

  test('nothing is diverted when growth is negative, or zero', () => {
    const r = run(minimal({ ...base, allocation: { recurrent: '1000', growth: ['-1%', '0%'] } }));
    // ΔR1 = −10, ΔR2 = 0: D = 0 both years; b = 110, 121 from inflation alone; c = 50
    expect([r.m(1, 'spend.b'), r.m(2, 'spend.b'), r.m(1, 'spend.c'), r.m(2, 'spend.c')]).toEqual(['110', '121', '50', '50']);
  });

  test('two diversions each take their own share of the same growth', () => {
    const r = run(
      minimal({
        ...base,
        policies: [
          { type: 'divert_growth', share: '30%', to: { b: '100%' } },
          { type: 'divert_growth', share: '20%', to: { c: '100%' } },
        ],
      }),
    );
    // ΔR1 = 10: b gets 3, c gets 2 (b = 110 + 3 = 113, c = 52)
    expect([r.m(1, 'spend.b'), r.m(1, 'spend.c')]).toEqual(['113', '52']);
  });

  describe('the split is exact to the penny (units £: a penny is 0.01)', () => {
    // R0 = £100, growth 10%: ΔR1 = £10
    const split = (share: string, to: Record<string, string>) => {
      const lines: Record<string, unknown> = {};
      for (const name of Object.keys(to)) lines[name] = { category: 'community', spend: '0' };
      const r = run({
        base_year: '2025/26',
        years: '1',
        units: '£',
        allocation: { recurrent: '100', growth: '10%' },
        lines,
        policies: [{ type: 'divert_growth', share, to }],
      });
      return Object.keys(to).map((name) => r.m(1, `spend.${name}`));
    };

    test('largest remainders get the pennies left over, where rounding each part would lose one', () => {
      // D = 1% × 10 = 0.10; raw 0.045, 0.045, 0.01. Rounding each half-even gives 0.04 + 0.04 + 0.01 = 0.09.
      // Floors 0.04, 0.04, 0.01 (0.09); one penny left; remainders 0.005, 0.005, 0: the tie goes to x, listed first.
      expect(split('1%', { x: '45%', y: '45%', z: '10%' })).toEqual(['0.05', '0.04', '0.01']);
    });

    test('a tie goes to the line listed first, not the first in alphabetical order', () => {
      // D = 0.5% × 10 = 0.05; raw 0.025 each; floors 0.02 + 0.02; one penny left, tied: zeta is listed first
      expect(split('0.5%', { zeta: '50%', alpha: '50%' })).toEqual(['0.03', '0.02']);
    });

    test('several pennies left over go one each, largest remainder first, ties in listed order', () => {
      // D = 0.3% × 10 = 0.03; raw 0.006 × 5; floors all 0; three pennies for the first three listed
      expect(split('0.3%', { e: '20%', d: '20%', c: '20%', b: '20%', a: '20%' })).toEqual(['0.01', '0.01', '0.01', '0', '0']);
    });

    test('the largest remainder wins over an earlier line', () => {
      // D = 1% × 10 = 0.10; raw 0.03333, 0.03333, 0.03334; floors 0.03 × 3; the penny goes to the largest, r
      expect(split('1%', { p: '33.33%', q: '33.33%', r: '33.34%' })).toEqual(['0.03', '0.03', '0.04']);
    });

    test('D itself is rounded half-even to the penny before the split', () => {
      // D = 0.25% × 10 = 0.025 → 0.02 (half-even; half-up would give 0.03)
      expect(split('0.25%', { only: '100%' })).toEqual(['0.02']);
      // D = 0.35% × 10 = 0.035 → 0.04 (3 is odd, so the half goes up)
      expect(split('0.35%', { only: '100%' })).toEqual(['0.04']);
    });
  });
});
