/** The README's worked example of organisations: its figures are what the model computes. */
import { describe, expect, test } from 'vitest';
import { decString, type Dec } from '../../src/model/decimal.js';
import { parseScenario, runScenario } from '../../src/model/run.js';
import { parseYamlTree } from '../../src/io/load-yaml.js';
import { toPlain } from '../../src/io/source-tree.js';
import { readmeSection } from '../readme-section.js';

const text = readmeSection('organisations', /\n#{2,3} /);

function example() {
  const block = /```yaml\n([\s\S]*?)```/.exec(text)?.[1];
  expect(block, 'a yaml block in the organisations section').toBeDefined();
  const tree = parseYamlTree(block!, 'README.md');
  if (!tree.ok) throw new Error('the worked example does not parse');
  const parsed = parseScenario(toPlain(tree.tree));
  if (!parsed.ok) throw new Error(`the worked example does not validate: ${JSON.stringify(parsed.problems)}`);
  return runScenario(parsed.spec, 'readme');
}

/** The table's rows as [income, costs, surplus], the README's minus sign read as '-'. */
function tableRows(): string[][] {
  return text
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| 2026/27') && !l.startsWith('|---'))
    .map((l) => l.split('|').slice(2, 5).map((c) => c.replace(/\*/g, '').replace('−', '-').trim()));
}

describe('README: organisations, the worked example', () => {
  const r = example();
  const p = r.projection.providers.providers[0]!;
  const t = 1;
  const net = (a: Dec, b: Dec) => decString(a.minus(b));

  test('its table is Northshire\'s contracts, other income and costs, and totals in 2026/27', () => {
    const [acute, community] = p.contracts;
    expect(tableRows()).toEqual([
      [decString(acute!.income[t]!), decString(acute!.cost[t]!), net(acute!.income[t]!, acute!.cost[t]!)],
      [decString(community!.income[t]!), decString(community!.cost[t]!), net(community!.income[t]!, community!.cost[t]!)],
      [decString(p.otherIncome[t]!), decString(p.otherCosts[t]!), net(p.otherIncome[t]!, p.otherCosts[t]!)],
      [decString(p.income[t]!), decString(p.costs[t]!), decString(p.surplus[t]!)],
    ]);
    // and they are the figures the prose works out: 620, 638.6; 30.9; 86.7, 100.007; 737.6, 769.507, −31.907
    expect(tableRows()[3]).toEqual(['737.6', '769.507', '-31.907']);
  });

  test('the gap, the ICB surplus, the unheld gap and the system surplus the prose quotes', () => {
    const m = r.years[t]!.metrics;
    expect(decString(m['gap.acute']!)).toBe('30');
    expect(decString(m.icb_surplus!)).toBe('30');
    expect(text).toContain('£30m − £18.6m = £11.4m');
    expect(decString(r.projection.providers.unheldGap[t]!)).toBe('11.4');
    expect(text).toContain('−£13.307m');
    expect(decString(r.projection.systemSurplus[t]!)).toBe('-13.307');
  });
});
