/**
 * The what-if page in a real browser (Debian's headless Chromium, driven by playwright-core), opened
 * from file:// as a board member opens an attachment: a control moved by the keyboard recomputes the
 * figures, and they are `icbsim run`'s figures of the scenario the page downloads, byte for byte.
 * The README's picture of the page is `npm run screenshots` (scripts/screenshots.mjs).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import type { Plain } from '../../src/model/input-path.js';
import { scenarioInputs } from '../../src/model/inputs.js';
import { haveChromium, useBrowser, watchPage, type Watched } from './chromium.js';
import { REPO, icbsim, tempDir } from './helpers.js';

const hasChromium = haveChromium('tests/report/whatif-browser.test.ts');
const DEFAULT = join(REPO, 'scenarios', 'default.yaml');

describe.skipIf(!hasChromium)('the what-if page in headless Chromium', () => {
  const browser = useBrowser();
  const dir = tempDir();

  interface Opened extends Watched {
    page: Page;
  }

  async function open(file = DEFAULT, width = 1400): Promise<Opened> {
    const html = join(dir, `plan-${Math.random().toString(36).slice(2)}.html`);
    const r = await icbsim(['report', file, '--interactive', '--out', html]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser().newPage({ viewport: { width, height: 1000 }, acceptDownloads: true });
    const { errors, requests } = watchPage(page, (url) => url.startsWith(`file://${html}`) || url.startsWith('blob:'));
    await page.goto(`file://${html}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.body.dataset.runs === '1');
    return { page, errors, requests };
  }

  /** The control for an input path (its typed box), and its slider if it is a rate. */
  async function controlFor(page: Page, path: string): Promise<{ box: string; slider: string }> {
    const id = await page.getAttribute(`input[name="${path}"]`, 'id');
    expect(id, path).not.toBeNull();
    return { box: `#${id}`, slider: `#${id}-slider` };
  }

  /** Waits for the page's next recomputation after `act`. */
  async function recomputed(page: Page, act: () => Promise<void>): Promise<void> {
    const runs = Number(await page.evaluate(() => document.body.dataset.runs));
    await act();
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  }

  async function downloaded(page: Page, button: string, name: string): Promise<string> {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    const to = join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
    await d.saveAs(to);
    return to;
  }

  it('recomputes on a keyboard move of a slider and a typed amount: the figures are icbsim run of the downloaded scenario', async () => {
    const { page, errors, requests } = await open();
    const demand = await controlFor(page, 'lines.acute.demand');
    const spend = await controlFor(page, 'lines.prevention.spend');
    // Three steps right on the acute demand slider (2.8% → 3.1%), then a typed prevention budget.
    await page.focus(demand.slider);
    for (let i = 0; i < 3; i++) await recomputed(page, () => page.keyboard.press('ArrowRight'));
    expect(await page.inputValue(demand.box)).toBe('3.1');
    await recomputed(page, () => page.fill(spend.box, '23.45'));

    // The page says what differs from the file.
    const changed = await page.textContent('#w-changed');
    expect(changed).toContain('2 inputs differ from the file');
    expect(changed).toContain('lines.acute.demand');
    expect(changed).toContain('lines.prevention.spend');
    expect(await page.getAttribute(`${demand.box}`, 'aria-invalid')).toBeNull();

    const yaml = await downloaded(page, '#w-download', 'plan.yaml');
    const json = readFileSync(await downloaded(page, '#w-figures', 'plan.json'), 'utf8');
    const text = readFileSync(yaml, 'utf8');
    expect(text).toMatch(/demand: 3\.1%/);
    expect(text).toMatch(/spend: 23\.45/);
    const run = await icbsim(['run', yaml, '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    // Every figure of every year, to the penny and beyond: the same bytes as the CLI prints.
    expect(json).toBe(run.stdout);
    // And not the file's own figures: the change moved them.
    const original = await icbsim(['run', DEFAULT, '--format', 'json']);
    expect(json).not.toBe(original.stdout);

    // The key figure on screen is the CLI's final-year surplus, rounded for reading.
    const figures = JSON.parse(run.stdout) as { years: { year: string; metrics: Record<string, string> }[] };
    const last = figures.years.at(-1)!;
    const surplus = Number(last.metrics.icb_surplus).toFixed(1);
    const card = await page.textContent('.cards .card:first-child .value');
    expect(card).toBe(`${surplus.startsWith('-') ? '-' : ''}£${surplus.replace('-', '')}m`);
    // The system by organisation is redrawn too: the acute trust's final-year segment is the CLI's figure.
    const trust = Number(last.metrics['provider_surplus.northshire']).toFixed(1);
    const segments = await page.$$eval('#w-system .stacked rect title', (ts) => ts.map((t) => t.textContent));
    expect(segments).toContain(`${last.year}, Northshire Hospitals NHS FT (illustrative): ${trust}`);

    // Reset: the file's values and figures again.
    await recomputed(page, () => page.click('#w-reset'));
    expect(await page.textContent('#w-changed')).toContain("Every input has the file's value");
    expect(readFileSync(await downloaded(page, '#w-figures', 'reset.json'), 'utf8')).toBe(original.stdout);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);

    const shot = await page.screenshot({ clip: { x: 0, y: 0, width: 1400, height: 1000 } });
    expect(shot.subarray(1, 4).toString()).toBe('PNG');
    await page.close();
  }, 90_000);

  it('asks nothing of the network and logs no error, through checks that fail and an input that is not valid', async () => {
    const { page, errors, requests } = await open();
    const growth = await controlFor(page, 'allocation.growth');
    // 2.5% growth leaves the ICB in deficit: the breakeven rule fails, in red, named as `check` names it.
    await recomputed(page, () => page.fill(growth.box, '2.5'));
    const failed = await page.$$eval('table.checks tr', (rows) =>
      rows.filter((r) => r.querySelector('td.bad')).map((r) => ({ name: r.querySelector('th')?.textContent, color: getComputedStyle(r.querySelector('td.bad')!).color })),
    );
    expect(failed.map((f) => f.name)).toEqual(['Breakeven every year']);
    expect(failed[0]!.color).toBe('rgb(179, 38, 30)');
    const check = await icbsim(['check', DEFAULT]);
    expect(check.stdout + check.stderr).toContain('Breakeven every year');

    // A share of 150% is not valid: the page says which input and why, and keeps the last figures.
    const share = await controlFor(page, 'policies.shift_activity.share');
    await page.fill(share.box, '150');
    await page.waitForSelector('#w-problem:not([hidden])');
    expect(await page.textContent('#w-problem')).toMatch(/policies\.shift_activity\.share.*100%/);
    expect(await page.getAttribute(share.box, 'aria-invalid')).toBe('true');
    expect(await page.isDisabled('#w-download')).toBe(true);
    await recomputed(page, () => page.fill(share.box, '0.5'));
    expect(await page.isHidden('#w-problem')).toBe(true);

    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 90_000);

  it('labels every control and gives every chart a text alternative', async () => {
    const { page } = await open();
    const unlabelled = await page.$$eval('input, button', (els) =>
      els
        .filter((el) => {
          const named = el.getAttribute('aria-label') || (el as HTMLInputElement).labels?.length || (el.tagName === 'BUTTON' && el.textContent?.trim());
          return !named;
        })
        .map((el) => el.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    // One typed box for every input the model lists, and a slider beside each rate.
    const loaded = loadTree(DEFAULT);
    if (!loaded.ok) throw new Error('default.yaml does not load');
    const inputs = scenarioInputs(loaded.loaded.data as Plain);
    expect(await page.$$eval('input[type=number]', (s) => s.map((x) => (x as HTMLInputElement).name))).toEqual(inputs.map((i) => i.path));
    expect(await page.$$eval('input[type=range]', (s) => s.length)).toBe(inputs.filter((i) => i.kind === 'rate').length);
    const charts = await page.$$eval('svg.chart', (svgs) =>
      svgs.map((svg) => ({ role: svg.getAttribute('role'), label: (svg.getAttribute('aria-labelledby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' | ') })),
    );
    expect(charts.length).toBeGreaterThanOrEqual(6);
    // The bridges of the ICB and the system surplus, redrawn like every other chart.
    expect(await page.$$eval('svg.chart', (s) => s.map((x) => x.id).filter((id) => id.includes('bridge')))).toEqual(['w-bridge-icb', 'w-bridge-system']);
    for (const c of charts) {
      expect(c.role).toBe('img');
      expect(c.label).toMatch(/^.{10,} \| .{20,}$/);
    }
    // Tab reaches the first control straight after the three buttons.
    await page.focus('#w-reset');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('allocation.recurrent');
    await page.close();
  }, 90_000);
});
