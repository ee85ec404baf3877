import { describe, expect, it } from 'vitest';
import { renderJson } from '../../src/render/json.js';
import { metricDefs } from '../../src/model/metrics.js';
import { DEFICIT_K, TINY, TINY_FIGURES, result } from './fixture.js';

describe('JSON output (MODEL.md shape)', () => {
  const text = renderJson(result(TINY));
  const parsed = JSON.parse(text) as { scenario: string; units: string; years: { year: string; metrics: Record<string, string> }[] };

  it('has exactly scenario, units and years, in that order', () => {
    expect(Object.keys(parsed)).toEqual(['scenario', 'units', 'years']);
    expect(parsed.scenario).toBe('Tiny ICB');
    expect(parsed.units).toBe('£m');
    expect(parsed.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28']);
    for (const y of parsed.years) expect(Object.keys(y)).toEqual(['year', 'metrics']);
  });

  it('carries every metric of every year as the hand-computed decimal string', () => {
    parsed.years.forEach((y, t) => {
      expect(y.metrics).toEqual(TINY_FIGURES[t]);
    });
  });

  it("lists metrics in MODEL.md's order, per-line ones included, and the base year without the year-on-year ones", () => {
    const order = metricDefs(result(TINY).spec).map((d) => d.name);
    for (const y of parsed.years) {
      const keys = Object.keys(y.metrics);
      expect(keys).toEqual(order.filter((k) => keys.includes(k)));
    }
    const base = Object.keys(parsed.years[0]!.metrics);
    for (const k of ['allocation_growth', 'cumulative_surplus', 'growth.acute', 'growth.community']) {
      expect(base).not.toContain(k);
      expect(Object.keys(parsed.years[1]!.metrics)).toContain(k);
    }
  });

  it('is 2-space indented with a trailing newline, and values are strings, never floats', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "scenario": "Tiny ICB",\n');
    expect(text).toContain('\n        "spend": "93.075",\n');
    for (const y of parsed.years) for (const v of Object.values(y.metrics)) expect(typeof v).toBe('string');
  });

  it('prints negative money as a plain negative decimal', () => {
    const d = JSON.parse(renderJson(result(DEFICIT_K))) as typeof parsed;
    // 1,234,567 − 1,300,000.5 = −65,433.5
    expect(d.years[0]!.metrics.icb_surplus).toBe('-65433.5');
    expect(d.years[1]!.metrics.cumulative_surplus).toBe('-65433.5');
  });
});
