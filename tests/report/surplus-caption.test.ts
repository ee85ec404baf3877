import { describe, expect, it } from 'vitest';
import { surplusFigure } from '../../src/render/html/charts.js';
import { minimal, run } from '../model/helpers.js';

// The caption must say what the system bar is made of: with providers, MODEL.md's system surplus is
// the ICB's plus each provider's less the unheld gap; without, the ICB's less the provider gaps.
describe('the surplus chart caption', () => {
  it('names the providers when the scenario models them', () => {
    const r = run(minimal({ providers: { p: { contracts: { a: '50%' } } } })).result;
    expect(surplusFigure(r, 'x').caption).toContain("each modelled provider's surplus");
  });
  it('keeps the provider-gap wording without providers', () => {
    const r = run(minimal()).result;
    expect(surplusFigure(r, 'x').caption).toContain('less the provider gaps');
    expect(surplusFigure(r, 'x').caption).not.toContain('modelled provider');
  });
});
