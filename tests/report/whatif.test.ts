/** `icbsim report FILE --interactive`: the page the command writes, read as text (the browser test runs it). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import { IDS, type WhatIfPayload } from '../../src/render/html/whatif.js';
import { FIXTURES, REPO, icbsim, tempDir } from './helpers.js';

const DEFAULT = join(REPO, 'scenarios', 'default.yaml');

function payloadOf(html: string): WhatIfPayload {
  const m = new RegExp(`<script type="application/json" id="${IDS.payload}">(.*?)</script>`).exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]!) as WhatIfPayload;
}

describe('report --interactive', () => {
  const dir = tempDir();

  it('carries the merged scenario and, for a file that extends another, no file text to edit', async () => {
    const r = await icbsim(['report', DEFAULT, '--interactive']);
    expect(r.code, r.stderr).toBe(0);
    const payload = payloadOf(r.stdout);
    const loaded = loadTree(DEFAULT);
    expect(loaded.ok && payload.data).toEqual(loaded.ok && loaded.loaded.data);
    expect(payload.source).toBeUndefined();
    expect(payload.name).toBe('default');
  });

  it('carries the file text of a file that stands alone, so the download is that file edited', async () => {
    const tiny = join(FIXTURES, 'tiny.yaml');
    const r = await icbsim(['report', tiny, '--interactive']);
    expect(r.code, r.stderr).toBe(0);
    expect(payloadOf(r.stdout).source).toBe(readFileSync(tiny, 'utf8'));
  });

  it('is one file that loads nothing, with the engine inlined, the same bytes every time', async () => {
    const a = join(dir, 'a.html');
    const b = join(dir, 'b.html');
    for (const out of [a, b]) expect((await icbsim(['report', DEFAULT, '--interactive', '--out', out])).code).toBe(0);
    const html = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(html);
    expect(html).toContain(`content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=/i);
    // The bundle is inlined, not referred to, and cannot close its own script element early.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html.indexOf('</script>', html.indexOf('<script>'))).toBe(html.lastIndexOf('</script>'));
    // The figures are drawn before any script runs (a mail preview shows them).
    expect(html).toContain('id="w-surplus"');
  });

  it('refuses several files and --draws, exit 2, saying why', async () => {
    const two = await icbsim(['report', DEFAULT, join(FIXTURES, 'tiny.yaml'), '--interactive']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('--interactive makes a page for one scenario file, got 2');
    const draws = await icbsim(['report', DEFAULT, '--interactive', '--draws', '100']);
    expect(draws.code).toBe(2);
    expect(draws.stderr).toContain('--draws and --seed do not apply to --interactive');
  });

  it('points at a bad file as every command does', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, grwoth: 2%}\nlines: {a: {category: acute, spend: 1}}\n');
    const r = await icbsim(['report', bad, '--interactive']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:3:\d+/);
    expect(r.stderr).toContain('grwoth');
  });
});
