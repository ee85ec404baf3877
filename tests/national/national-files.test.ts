/** The national assumption fragments: every figure sourced or marked illustrative, and each usable. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { runScenario } from '../../src/model/run.js';
import { tempDir, writeScenario } from '../cli/helpers.js';
import { NATIONAL } from './helpers.js';

const files = readdirSync(NATIONAL).filter((f) => f.endsWith('.yaml'));

/**
 * Each `%` figure is `published` (with its source), `illustrative`, `derived from` published
 * figures (which it names), or set `by construction` (a modelling choice such as no demand growth
 * on a fixed contribution, not a figure to look up).
 * The comment that vouches for a line is its own, or the block of comment lines nearest above it.
 */
function provenance(lines: string[], i: number): string {
  const own = /#(.*)$/.exec(lines[i] as string)?.[1] ?? '';
  let j = i - 1;
  while (j >= 0 && !/^\s*#/.test(lines[j] as string)) j--;
  const block: string[] = [];
  while (j >= 0 && /^\s*#/.test(lines[j] as string)) block.unshift(lines[j--] as string);
  return `${own}\n${block.join('\n')}`;
}

describe('the national assumption files', () => {
  it('exist for 2024/25 and 2025/26 bases', () => {
    expect(files.sort()).toEqual(['planning-2024-25.yaml', 'planning-2025-26.yaml']);
  });

  it.each(files)('%s: every rate is marked published or illustrative, and every published one names a year', (f) => {
    const lines = readFileSync(join(NATIONAL, f), 'utf8').split('\n');
    let rates = 0;
    lines.forEach((line, i) => {
      const code = line.replace(/#.*$/, '');
      if (!/\d%/.test(code)) return;
      rates++;
      const why = provenance(lines, i);
      expect(why, `${f}:${i + 1}: ${line.trim()}`).toMatch(/published|illustrative|by construction|derived from/i);
      // A source is introduced by `published:`; it must name at least the year it is from. A
      // derived figure must say what published figures it is derived from.
      if (/\bpublished:/i.test(why)) expect(why, `${f}:${i + 1}`).toMatch(/20\d\d/);
      if (/derived from/i.test(why)) expect(why, `${f}:${i + 1}`).toMatch(/published: .*20\d\d/s);
    });
    expect(rates).toBeGreaterThan(8);
  });

  it('planning-2024-25 projects 2025/26 on the published figures, by hand', () => {
    const dir = tempDir();
    const file = writeScenario(
      dir,
      'icb.yaml',
      `
      extends: ${JSON.stringify(join(NATIONAL, 'planning-2024-25.yaml'))}
      allocation: {recurrent: 1000}
      lines:
        acute: {category: acute, spend: 100}
        mental_health: {category: mental_health, spend: 100}
        social_care: {category: social_care, spend: 100}
        running: {category: running, spend: 20}
      `,
    );
    const loaded = loadScenario(file);
    if (!loaded.ok) throw new Error(loaded.diagnostics.map((d) => d.message).join('\n'));
    const y = runScenario(loaded.scenario.spec).years[1]!;
    expect(y.year).toBe('2025/26');
    // Allocation: 1000 × 1.044 (published core growth) = 1044.
    expect(y.metrics.allocation!.toFixed()).toBe('1044');
    // Acute: 100 × 1.0483 (cost uplift after the pay award) × 1.025 (demand) × 0.98 (2% efficiency)
    // = 100 × 1.05301735 = 105.301735.
    expect(y.metrics['spend.acute']!.toFixed()).toBe('105.301735');
    // Running costs fully halved by 2025/26: 20 × 1.05301735 × 0.5 = 10.5301735.
    expect(y.metrics['spend.running']!.toFixed()).toBe('10.5301735');
    // Better Care Fund line grows by its own rate only: 100 × 1.044 = 104.4.
    expect(y.metrics['spend.social_care']!.toFixed()).toBe('104.4');
  });
});
