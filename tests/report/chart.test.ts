/** The hand-written chart primitives: tick arithmetic and the geometry a reader relies on. */
import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderChart, type ChartSpec } from '../../src/render/svg/chart.js';
import { esc } from '../../src/render/svg/escape.js';
import { extent, linearScale, niceTicks } from '../../src/render/svg/scale.js';

describe('niceTicks', () => {
  it('gives round steps that cover the data', () => {
    // 0..47 in about 5 steps: a raw step of 9.4 rounds up to 10.
    expect(niceTicks(0, 47, 5)).toEqual([0, 10, 20, 30, 40, 50]);
    // -53.3..12: raw step 13.06 → 20 (the next of 1, 2, 2.5, 5, 10 × 10).
    expect(niceTicks(-53.3, 12, 5)).toEqual([-60, -40, -20, 0, 20]);
    // Shares: 29.5%..30.48% in per cent, raw step 0.196 → 0.2.
    expect(niceTicks(29.5, 30.48, 5)).toEqual([29.4, 29.6, 29.8, 30, 30.2, 30.4, 30.6]);
  });

  it('opens a flat range around its value, and an all-zero one upwards from zero', () => {
    // 30 ± max(1, 3): 27..33 in steps of 1 (raw step 6/5 = 1.2 → 2).
    expect(niceTicks(30, 30, 5)).toEqual([26, 28, 30, 32, 34]);
    // A gap that is zero every year: 0..1, no negative ticks for a figure that never went below zero.
    expect(niceTicks(0, 0, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('covers any range with evenly spaced, 1-2-2.5-5 stepped ticks (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        fc.double({ min: -1e9, max: 1e9, noNaN: true }),
        (a, b) => {
          const lo = Math.min(a, b);
          const hi = Math.max(a, b);
          const t = niceTicks(lo, hi, 5);
          expect(t.length).toBeGreaterThanOrEqual(2);
          expect(t.length).toBeLessThanOrEqual(13);
          expect(t[0]!).toBeLessThanOrEqual(lo);
          expect(t[t.length - 1]!).toBeGreaterThanOrEqual(hi);
          const step = t[1]! - t[0]!;
          const mantissa = step / 10 ** Math.floor(Math.log10(step));
          expect([1, 2, 2.5, 5, 10].some((m) => Math.abs(m - mantissa) < 1e-4)).toBe(true);
          for (let i = 1; i < t.length; i++) expect(Math.abs(t[i]! - t[i - 1]! - step)).toBeLessThan(step * 1e-4);
        },
      ),
    );
  });
});

describe('scale helpers', () => {
  it('maps a domain onto pixels, flipping for a y axis', () => {
    const y = linearScale([0, 50], [300, 100]);
    expect(y(0)).toBe(300);
    expect(y(50)).toBe(100);
    expect(y(25)).toBe(200);
  });
  it('always includes zero for bars', () => {
    expect(extent([5, 8, null])).toEqual([0, 8]);
    expect(extent([-3, null, 4], [])).toEqual([-3, 4]);
  });
  it('escapes markup in names', () => {
    expect(esc(`A&B <"x"> 'y'`)).toBe('A&amp;B &lt;&quot;x&quot;&gt; &#39;y&#39;');
  });
});

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', preserveOrder: false, isArray: (n) => ['rect', 'circle', 'text', 'line', 'g', 'path'].includes(n) });

function spec(over: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'c1',
    title: 'Surplus <by> year',
    desc: 'What it shows',
    kind: 'bars',
    categories: ['2025/26', '2026/27', '2027/28'],
    series: [
      { name: 'ICB', values: [10, -20, null], texts: ['10.0', '-20.0', '–'], color: '#00f' },
      { name: 'System', values: [10, -30, 5], texts: ['10.0', '-30.0', '5.0'], color: '#f80' },
    ],
    xLabel: 'Financial year',
    yLabel: 'Surplus, £m',
    tick: (v, d) => v.toFixed(d),
    ...over,
  };
}

function rects(svg: string): { x: number; y: number; width: number; height: number; fill: string; title: string }[] {
  const doc = parser.parse(svg) as { svg: { g: { rect?: Record<string, unknown>[] }[] } };
  return doc.svg.g
    .flatMap((g) => g.rect ?? [])
    .map((r) => ({ x: Number(r.x), y: Number(r.y), width: Number(r.width), height: Number(r.height), fill: String(r.fill), title: String(r.title ?? '') }))
    .filter((r) => r.title !== '');
}

describe('renderChart', () => {
  it('is well-formed XML labelled by its own title and description', () => {
    const svg = renderChart(spec());
    expect(() => parser.parse(svg)).not.toThrow();
    expect(svg).toMatch(/^<svg class="chart" id="c1" role="img" aria-labelledby="c1-title c1-desc"/);
    expect(svg).toContain('<title id="c1-title">Surplus &lt;by&gt; year</title>');
    expect(svg).toContain('<desc id="c1-desc">What it shows</desc>');
    expect(svg).toContain('>Financial year</text>');
    expect(svg).toContain('>Surplus, £m</text>');
  });

  it('draws one bar per figure, deficits below the zero line, each with its exact figure as a tooltip', () => {
    const svg = renderChart(spec());
    const bars = rects(svg);
    // Five figures (ICB has no 2027/28 figure).
    expect(bars).toHaveLength(5);
    const zeroY = Number(/<line class="zero" x1="\d+" y1="([\d.]+)"/.exec(svg)![1]);
    const icb2 = bars.find((b) => b.title.startsWith('2026/27, ICB'))!;
    const sys1 = bars.find((b) => b.title.startsWith('2025/26, System'))!;
    // A deficit hangs from the zero line; a surplus stands on it.
    expect(icb2.y).toBeCloseTo(zeroY, 0);
    expect(sys1.y + sys1.height).toBeCloseTo(zeroY, 0);
    // -30 is drawn 1.5 times as tall as -20.
    const sys2 = bars.find((b) => b.title.startsWith('2026/27, System'))!;
    expect(sys2.height / icb2.height).toBeCloseTo(1.5, 1);
    expect(icb2.title).toBe('2026/27, ICB: -20.0');
  });

  it('stacks segments so each bar is as tall as its total', () => {
    const svg = renderChart(
      spec({
        kind: 'stacked',
        series: [
          { name: 'acute', values: [60, 60, 60], texts: ['60', '60', '60'], color: '#a00' },
          { name: 'community', values: [30, 31.5, 33.075], texts: ['30', '31.5', '33.1'], color: '#0a0' },
        ],
      }),
    );
    const bars = rects(svg);
    expect(bars).toHaveLength(6);
    const year = (y: string) => bars.filter((b) => b.title.startsWith(y));
    const [a, c] = year('2025/26');
    // The community segment sits on top of acute, and is half its height (30 vs 60).
    expect(c!.y + c!.height).toBeCloseTo(a!.y, 1);
    expect(c!.height / a!.height).toBeCloseTo(0.5, 2);
  });

  it('draws a target as a labelled reference line and a band as a closed shape', () => {
    const svg = renderChart(
      spec({
        kind: 'lines',
        reference: { value: 30, label: 'Target 30.00%' },
        band: { name: '5-95%', lower: [1, 2, 3], upper: [4, 5, 6], color: '#00f' },
      }),
    );
    expect(svg).toContain('class="ref"');
    expect(svg).toContain('>Target 30.00%</text>');
    expect(svg).toMatch(/<g class="band"><path d="M[^"]+Z"/);
    // ICB's missing third figure breaks its line: two points, one segment.
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+L[\d.]+ [\d.]+" fill="none" stroke="#00f"/);
  });

  it('thins year labels when fifteen years would collide', () => {
    const categories = Array.from({ length: 16 }, (_, i) => `${2025 + i}/${String(26 + i).slice(-2)}`);
    const svg = renderChart(spec({ categories, series: [{ name: 'x', values: categories.map((_, i) => i), texts: categories.map(String), color: '#000' }] }));
    const shown = categories.filter((c) => svg.includes(`>${c}</text>`));
    expect(shown.length).toBeLessThan(16);
    expect(shown).toContain('2025/26');
    expect(shown).toContain('2040/41');
  });

  it('never puts two year labels closer than a label is wide, whatever the number of years (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 16 }), (n) => {
        const categories = Array.from({ length: n }, (_, i) => `${2025 + i}/${String(26 + i).slice(-2)}`);
        const svg = renderChart(spec({ categories, series: [{ name: 'x', values: categories.map((_, i) => i), texts: categories.map(String), color: '#000' }] }));
        const xs = categories.flatMap((c) => {
          const m = new RegExp(`<text class="tick" x="([\\d.]+)"[^>]*>${c.replace('/', '\\/')}</text>`).exec(svg);
          return m ? [Number(m[1])] : [];
        });
        // First and last years always show.
        expect(svg).toContain(`>${categories[0]}</text>`);
        expect(svg).toContain(`>${categories[n - 1]}</text>`);
        // "2039/40" is 7 characters of 12px text, about 47px wide: centres at least that far apart.
        for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!, `${n} years`).toBeGreaterThanOrEqual(47);
      }),
    );
  });
});
