import { describe, expect, it } from 'vitest';
import { Dec } from '../../src/model/decimal.js';
import { decodeSpec, encodeSpec } from '../../src/mc/transfer.js';
import { allScenarioFiles, load } from './helpers.js';

describe('a validated scenario sent to a worker thread', () => {
  it.each(allScenarioFiles())('%s arrives equal, with exact decimals', (file) => {
    const { spec } = load(file);
    // structuredClone is what postMessage does to the encoded form.
    const back = decodeSpec(structuredClone(encodeSpec(spec)));
    expect(back).toEqual(spec);
    expect(back.allocation.recurrent).toBeInstanceOf(Dec);
    expect(back.allocation.recurrent.equals(spec.allocation.recurrent)).toBe(true);
  });

  it('keeps a shared object shared (draws sample a distribution once by its identity)', () => {
    const shared = { kind: 'normal', mean: new Dec('0.025'), sd: new Dec('0.000000000000000000001'), per: 'draw' };
    const spec = { a: shared, b: [shared] } as unknown as Parameters<typeof encodeSpec>[0];
    const back = decodeSpec(structuredClone(encodeSpec(spec))) as unknown as { a: object; b: object[] };
    expect(back.b[0]).toBe(back.a);
    expect((back.a as typeof shared).sd.equals(shared.sd)).toBe(true);
  });
});
