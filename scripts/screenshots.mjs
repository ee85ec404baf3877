#!/usr/bin/env node
/**
 * The README's pictures, taken from the real pages of the shipped default scenario in Debian's
 * headless Chromium (the browser the tests use, driven by playwright-core): `npm run screenshots`
 * (after `npm run build`) rewrites
 *   docs/report-screenshot.png   the top of the board report (`icbsim report`),
 *   docs/bridge-screenshot.png   the report's ICB surplus bridge (waterfall), base year to final year,
 *   docs/whatif-screenshot.png   the what-if page (`report --interactive`) with allocation growth
 *                                lowered and acute demand raised, at its bridge, redrawn for them.
 * A window of 1200 × 800 (900 wide for the bridge alone) at one zoom, so the pictures stay small and alike.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = '/usr/bin/chromium';
const SCENARIO = join('scenarios', 'default.yaml');
const VIEWPORT = { width: 1200, height: 800 };
const ONE_COLUMN = { width: 900, height: 800 };

if (!existsSync(CHROMIUM)) {
  console.error(`screenshots: ${CHROMIUM} is missing (apt-get install chromium)`);
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'icbsim-shots-'));
/** An HTML page written by the built CLI, as a user would get it. */
function page(name, ...args) {
  const out = join(dir, name);
  execFileSync(process.execPath, [join(REPO, 'bin', 'icbsim'), 'report', SCENARIO, ...args, '--out', out], { cwd: REPO, stdio: ['ignore', 'ignore', 'inherit'] });
  return `file://${out}`;
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars'] });
try {
  const tab = await browser.newPage({ viewport: VIEWPORT });
  const shot = async (name, target) => {
    const path = join(REPO, 'docs', name);
    await target.screenshot({ path });
    console.log(`screenshots: wrote docs/${name}`);
  };

  await tab.goto(page('report.html'), { waitUntil: 'load' });
  await shot('report-screenshot.png', tab);
  // The chart under its heading (its data table is folded away under it), one chart to a row as a
  // narrower window lays them out, so its labels read at the README's width.
  await tab.setViewportSize(ONE_COLUMN);
  await shot('bridge-screenshot.png', tab.locator('figure', { has: tab.locator('svg#s1-bridge-icb') }));
  await tab.setViewportSize(VIEWPORT);

  await tab.goto(page('plan.html', '--interactive'), { waitUntil: 'load' });
  await tab.waitForFunction(() => document.body.dataset.runs === '1');
  for (const [input, value] of [['allocation.growth', '2.6'], ['lines.acute.demand', '3.4']]) {
    const runs = Number(await tab.evaluate(() => document.body.dataset.runs));
    await tab.fill(`input[name="${input}"]`, value);
    await tab.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
  }
  // The inputs (a sticky column) with the two changed ones named at their top; beside them, the
  // ICB surplus bridge the change redrew.
  await tab.evaluate(() => {
    document.activeElement?.blur();
    document.querySelector('#w-bridge-icb')?.closest('figure')?.scrollIntoView({ block: 'start' });
    const aside = document.querySelector('.whatif > aside');
    if (aside) aside.scrollTop = 0;
  });
  await shot('whatif-screenshot.png', tab);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
