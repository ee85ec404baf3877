/** The scenario's inputs as the what-if page lists them: found by walking the data, not from a list of keys. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import { getInput, specWith, type Plain } from '../../src/model/input-path.js';
import { rateKey, sameInput, scenarioInputs, withInputs } from '../../src/model/inputs.js';
import { parseScenario } from '../../src/model/run.js';
import { minimal } from './helpers.js';

const REPO = join(import.meta.dirname, '..', '..');

function merged(file: string): Plain {
  const r = loadTree(join(REPO, 'scenarios', file));
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.loaded.data as Plain;
}

describe('scenarioInputs', () => {
  it('lists every number of a small scenario, with its kind, text and place', () => {
    const data = minimal({
      allocation: { recurrent: '100', growth: ['1%', '2.5%'], non_recurrent: { '2025/26': '4' } },
      assumptions: { inflation: { normal: ['3%', '0.5%'] } },
      policies: [{ type: 'shift_activity', name: 'Virtual wards', from: 'a', to: 'a', share: '1%', cost_ratio: '70%', lag: '1' }],
      care_shift: { categories: ['community'], target: '30%' },
      checks: [{ name: 'Breakeven', metric: 'icb_surplus', min: '0', each_year: true }],
    });
    const rows = scenarioInputs(data).map((i) => [i.path, i.kind, i.text, i.group, i.label]);
    expect(rows).toEqual([
      ['allocation.recurrent', 'money', '100', 'Allocation', 'Recurrent'],
      // A list of rates has one per projection year (base 2025/26, 2 years).
      ['allocation.growth.0', 'rate', '1%', 'Allocation', 'Growth, 2026/27'],
      ['allocation.growth.1', 'rate', '2.5%', 'Allocation', 'Growth, 2027/28'],
      ['allocation.non_recurrent.2025/26', 'money', '4', 'Allocation', 'Non recurrent, 2025/26'],
      ['lines.a.spend', 'money', '60', 'Line: a', 'Spend'],
      ['assumptions.inflation.normal.0', 'rate', '3%', 'Assumptions', 'Inflation: normal mean'],
      ['assumptions.inflation.normal.1', 'rate', '0.5%', 'Assumptions', 'Inflation: normal standard deviation'],
      // The policy is named by its type, as sweep and tornado name it; its name and the
      // line names around it are not inputs, its lag is a whole number, not money.
      ['policies.shift_activity.share', 'rate', '1%', 'Policy: Virtual wards (shift activity)', 'Share'],
      ['policies.shift_activity.cost_ratio', 'rate', '70%', 'Policy: Virtual wards (shift activity)', 'Cost ratio'],
      ['policies.shift_activity.lag', 'whole', '1', 'Policy: Virtual wards (shift activity)', 'Lag'],
      ['care_shift.target', 'rate', '30%', 'Care shift', 'Target'],
    ]);
  });

  it('gives paths that sweep reads back to the same value, for every input of every shipped scenario', () => {
    for (const file of ['default.yaml', 'left-shift.yaml', 'uncertain.yaml', 'running-costs-30.yaml']) {
      const data = merged(file);
      const inputs = scenarioInputs(data);
      expect(inputs.length, file).toBeGreaterThan(15);
      for (const input of inputs) {
        expect(getInput(data, input.path), `${file}: ${input.path}`).toBe(input.text);
        expect(getInput(data, input.keys.join('.')), `${file}: ${input.keys.join('.')}`).toBe(input.text);
      }
    }
  });

  it('names each line by its label and each policy by its name', () => {
    const groups = [...new Set(scenarioInputs(merged('default.yaml')).map((i) => i.group))];
    expect(groups).toEqual([
      'Allocation',
      'Assumptions',
      'Line: Acute hospital services',
      'Line: Mental health services',
      'Line: Community services',
      'Line: Primary care (delegated)',
      'Line: Prescribing',
      'Line: Continuing healthcare and BCF',
      'Line: Prevention and inequalities',
      'Line: Other services',
      'Line: ICB running costs',
      'Provider: Northshire Hospitals NHS FT (illustrative)',
      'Provider: Northshire Community and Mental Health NHS Trust (illustrative)',
      // Merged data keeps the base file's sections first: care_shift is in base.yaml too.
      'Care shift',
      'Policy: Acute contract uplift (flat cash)',
      'Policy: Running costs cut (running cost cut)',
      'Policy: Virtual wards and urgent community response (shift activity)',
      'Policy: Community and prevention investment (divert growth)',
    ]);
  });

  it('finds inputs under keys it was never told about', () => {
    // A section the schema does not have yet is still walked: the page shows what the data holds.
    const data = { ...minimal(), providers: { north: { label: 'North FT', other_income: '85', contracts: { a: '62%' } } } };
    expect(scenarioInputs(data).filter((i) => i.path.startsWith('providers')).map((i) => [i.path, i.kind, i.group, i.label])).toEqual([
      ['providers.north.other_income', 'money', 'Provider: North FT', 'Other income'],
      ['providers.north.contracts.a', 'rate', 'Provider: North FT', 'Contracts, A'],
    ]);
  });
});

describe('withInputs', () => {
  it('changes one value in a copy, which validates and runs as the file would', () => {
    const data = merged('default.yaml');
    const demand = scenarioInputs(data).find((i) => i.path === 'lines.acute.demand')!;
    const changed = withInputs(data, [{ keys: demand.keys, text: '3.5%' }]);
    expect(getInput(changed, 'lines.acute.demand')).toBe('3.5%');
    expect(getInput(data, 'lines.acute.demand')).toBe('2.8%');
    const parsed = parseScenario(changed);
    expect(parsed.ok).toBe(true);
    // The same change through sweep's path gives the same scenario.
    expect(parsed.ok && parsed.spec).toEqual(specWith(data, [['lines.acute.demand', '3.5%']]));
  });
});

describe('sameInput and rateKey', () => {
  it('compares by value and finds what a rate is', () => {
    expect(sameInput('2.5%', '2.50%')).toBe(true);
    expect(sameInput('2.5%', '2.5')).toBe(false);
    expect(sameInput('1060', '1060.0')).toBe(true);
    expect(sameInput('1060', '1060.01')).toBe(false);
    expect(rateKey({ keys: ['policies', 0, 'share'] })).toBe('share');
    expect(rateKey({ keys: ['assumptions', 'efficiency_delivery', '2026/27'] })).toBe('efficiency_delivery');
    expect(rateKey({ keys: ['assumptions', 'inflation', 'normal', 0] })).toBe('inflation');
  });
});
