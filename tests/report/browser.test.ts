/**
 * The report opened in a real browser (Debian's headless Chromium, driven by playwright-core): every
 * chart renders with a non-zero size, nothing is fetched from the network, nothing logs an error.
 * The README's pictures of the report are `npm run screenshots` (scripts/screenshots.mjs).
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { haveChromium, useBrowser, watchPage, type Watched } from './chromium.js';
import { FIXTURES, REPO, icbsim, tempDir } from './helpers.js';

const hasChromium = haveChromium('tests/report/browser.test.ts');

interface Opened extends Watched {
  page: Page;
}

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  const browser = useBrowser();
  const dir = tempDir();

  async function open(args: string[], width = 1200): Promise<Opened> {
    const file = join(dir, `report-${Math.random().toString(36).slice(2)}.html`);
    const r = await icbsim(['report', ...args, '--out', file]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser().newPage({ viewport: { width, height: 900 } });
    const { errors, requests } = watchPage(page, (url) => url.startsWith('file://'));
    await page.goto(`file://${file}`, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  async function chartBoxes(page: Page): Promise<{ id: string; width: number; height: number; shapes: number; label: string }[]> {
    return page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => {
        const box = svg.getBoundingClientRect();
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        const label = ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' | ');
        // Drawn marks with an area: bars, points, bands.
        const shapes = [...svg.querySelectorAll('rect, circle, path')].filter((el) => {
          const b = (el as SVGGraphicsElement).getBBox();
          return b.width > 0 && b.height > 0;
        }).length;
        return { id: svg.id, width: box.width, height: box.height, shapes, label };
      }),
    );
  }

  it('renders every chart of the shipped default scenario, with no errors and no network', async () => {
    const { page, errors, requests } = await open([join(REPO, 'scenarios', 'default.yaml')]);
    const charts = await chartBoxes(page);
    expect(charts.map((c) => c.id)).toEqual(['s1-surplus', 's1-system', 's1-care', 's1-spend', 's1-gap', 's1-bridge-icb', 's1-bridge-system']);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(200);
      expect(c.height, c.id).toBeGreaterThan(100);
      expect(c.shapes, c.id).toBeGreaterThan(3);
      // Labelled by a non-empty title and description.
      expect(c.label, c.id).toMatch(/^.{10,} \| .{20,}$/);
    }
    expect(await page.getAttribute('svg.chart', 'role')).toBe('img');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const shot = join(dir, 'report.png');
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1200, height: 900 } });
    const png = readFileSync(shot);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    await page.close();
  }, 60_000);

  it('renders the side-by-side charts and fan charts of a multi-file report with --draws', async () => {
    const { page, errors, requests } = await open([join(FIXTURES, 'tiny.yaml'), join(FIXTURES, 'uncertain.yaml'), '--draws', '200']);
    const charts = await chartBoxes(page);
    // 10 headline metrics side by side (each differs between the two), then 4 charts, a fan chart
    // and two bridges per scenario (tiny.yaml and uncertain.yaml both have an acute line, so both
    // get the gap chart).
    expect(charts).toHaveLength(10 + 7 + 7);
    for (const c of charts) {
      expect(c.width, c.id).toBeGreaterThan(200);
      expect(c.height, c.id).toBeGreaterThan(100);
    }
    // The uncertain scenario's band is a visible area.
    const band = await page.$eval('#s2-fan .band path', (p) => ({ height: (p as SVGGraphicsElement).getBBox().height }));
    expect(band.height).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('draws the system by organisation and each provider side by side, with every segment and marker visible', async () => {
    const { page, errors, requests } = await open([join(REPO, 'scenarios', 'default.yaml'), join(REPO, 'scenarios', 'cp-blueprint.yaml')]);
    const charts = await chartBoxes(page);
    const ids = charts.map((c) => c.id);
    expect(ids).toContain('cmp-provider-northshire');
    expect(ids).toContain('s1-system');
    expect(ids).toContain('s2-system');
    for (const c of charts.filter((x) => x.id.includes('provider') || x.id.endsWith('-system'))) {
      expect(c.width, c.id).toBeGreaterThan(200);
      expect(c.height, c.id).toBeGreaterThan(100);
    }
    // cp-blueprint: six years of the ICB, two trusts and the unheld gap, less the segments that are zero
    // (the care trust in 2025/26, the unheld gap in 2025/26), each drawn with an area; six system markers on top.
    const drawn = await page.$eval('#s2-system', (svg) => ({
      segments: [...svg.querySelectorAll('.stacked rect')].filter((r) => (r as SVGGraphicsElement).getBBox().height > 0).length,
      markers: [...svg.querySelectorAll('.total circle')].filter((c) => (c as SVGGraphicsElement).getBBox().width > 0).length,
    }));
    expect(drawn).toEqual({ segments: 6 * 4 - 2, markers: 6 });
    expect(await page.textContent('#s2 .cards .card:last-child .who')).toBe('Northshire Hospitals NHS FT (illustrative)');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 60_000);

  it('keeps charts whole and the data tables in print', async () => {
    const { page } = await open([join(FIXTURES, 'tiny.yaml')]);
    await page.emulateMedia({ media: 'print' });
    const hiddenTables = await page.$$eval('details table', (ts) => ts.filter((t) => t.getBoundingClientRect().height === 0).length);
    expect(hiddenTables).toBe(0);
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    await page.close();
  }, 60_000);

  it('aligns every column heading with its cells (text left, figures right), in every table', async () => {
    const { page } = await open([join(REPO, 'scenarios', 'default.yaml'), join(REPO, 'scenarios', 'left-shift.yaml')]);
    const mismatches = await page.$$eval('table.data', (tables) =>
      tables.flatMap((t, k) => {
        const heads = [...t.querySelectorAll('thead th')];
        const row = [...t.querySelectorAll('tbody tr')].find((r) => r.children.length === heads.length);
        if (!row) return [];
        return heads.flatMap((h, i) => {
          const cell = row.children[i]!;
          const a = getComputedStyle(h).textAlign;
          const b = getComputedStyle(cell).textAlign;
          return a === b ? [] : [`table ${k} (${t.querySelector('caption')?.textContent ?? ''}) column "${h.textContent}": heading ${a}, cells ${b}`];
        });
      }),
    );
    expect(mismatches).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a phone screen: charts shrink to the width instead of overflowing', async () => {
    const { page } = await open([join(FIXTURES, 'tiny.yaml')], 390);
    const widths = await page.$$eval('svg.chart', (s) => s.map((x) => x.getBoundingClientRect().right));
    for (const right of widths) expect(right).toBeLessThanOrEqual(390);
    await page.close();
  }, 60_000);
});
