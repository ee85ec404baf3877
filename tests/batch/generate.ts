/** A folder of generated scenarios with varied numbers, for the batch tests. */
import { writeScenario } from '../cli/helpers.js';

export function scenarioText(i: number): string {
  return `
    name: Generated ${i}
    base_year: 2025/26
    years: ${1 + (i % 6)}
    allocation:
      recurrent: ${1000 + ((i * 37) % 900)}.${i % 100}
      growth: ${(i % 5) + 1}.${i % 10}%
      non_recurrent: {2025/26: ${i % 13}}
    assumptions:
      inflation: ${2 + (i % 3)}.5%
      demand: ${(i % 4) / 2}%
      efficiency: 1.${i % 9}%
      efficiency_delivery: ${60 + (i % 40)}%
    lines:
      acute: {category: acute, spend: ${500 + (i % 200)}.25}
      community: {category: community, spend: ${150 + (i % 77)}}
      mental_health: {category: mental_health, spend: ${100 + (i % 31)}.5}
      running: {category: running, spend: ${20 + (i % 11)}}
    policies:
      - {type: flat_cash, line: acute, uplift: ${i % 3}%}
      - {type: divert_growth, share: ${10 * (i % 6)}%, to: {community: 70%, mental_health: 30%}}
      - {type: running_cost_cut, line: running, cut: ${i % 50}%, by: 2026/27}
  `;
}

/** Writes `count` scenarios as dir/s0001.yaml ...; returns their paths in order. */
export function generate(dir: string, count: number): string[] {
  return Array.from({ length: count }, (_, k) => writeScenario(dir, `s${String(k + 1).padStart(4, '0')}.yaml`, scenarioText(k + 1)));
}
