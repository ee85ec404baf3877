/** Debian's headless Chromium for the browser tests, driven by playwright-core: found, launched and watched the same way by each. */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Whether Chromium is here; if not, says so for `testFile`, whose tests then skip. */
export function haveChromium(testFile: string): boolean {
  const there = existsSync(CHROMIUM);
  if (!there) console.warn(`${testFile}: skipped: ${CHROMIUM} is missing (.ci/run installs Debian's chromium package)`);
  return there;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** One browser for the tests of a describe block: launched before them, closed after. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

export interface Watched {
  /** Console errors and warnings, and uncaught exceptions. */
  errors: string[];
  /** Every request for anything `own` does not accept (the page's own file, say). */
  requests: string[];
}

export function watchPage(page: Page, own: (url: string) => boolean): Watched {
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (req) => {
    if (!own(req.url())) requests.push(req.url());
  });
  return { errors, requests };
}
