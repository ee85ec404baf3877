import { describe, expect, it } from 'vitest';
import { probabilityText } from '../../src/render/montecarlo.js';

describe('probabilities as a board reads them', () => {
  it('to 0.1 percentage points, half-even', () => {
    expect(probabilityText(0)).toBe('0.0%');
    expect(probabilityText(1)).toBe('100.0%');
    expect(probabilityText(0.3248)).toBe('32.5%');
    // 0.0625 → 6.25% → 6.2% (half-even).
    expect(probabilityText(0.0625)).toBe('6.2%');
  });

  it('never shows a risk that happened in some draws as 0.0%, or one that missed some as 100.0%', () => {
    // 4 draws in 10,000: 0.04%.
    expect(probabilityText(4 / 10000)).toBe('<0.1%');
    expect(probabilityText(1 / 100000)).toBe('<0.1%');
    expect(probabilityText(9996 / 10000)).toBe('>99.9%');
    // 0.05% rounds half-even to 0.0 too: still <0.1%. 0.06% is 0.1%.
    expect(probabilityText(5 / 10000)).toBe('<0.1%');
    expect(probabilityText(6 / 10000)).toBe('0.1%');
  });
});
