/** The README's pictures are files in docs/, each a PNG that `npm run screenshots` retakes, and small. */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const SCRIPT = readFileSync(path.join(ROOT, 'scripts', 'screenshots.mjs'), 'utf8');
const pictures = [...README.matchAll(/!\[([^\]]*)\]\(([^)]+)\)/g)].map((m) => ({ alt: m[1]!, file: m[2]! }));

describe("the README's pictures", () => {
  it('shows the report, the bridge and the what-if page', () => {
    expect(pictures.map((p) => p.file).sort()).toEqual(['docs/bridge-screenshot.png', 'docs/report-screenshot.png', 'docs/whatif-screenshot.png']);
  });

  it.each(pictures)('$file is a PNG under 200 KB, described in words, and retaken by scripts/screenshots.mjs', ({ alt, file }) => {
    const png = readFileSync(path.join(ROOT, file));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(statSync(path.join(ROOT, file)).size).toBeLessThan(200_000);
    expect(alt.length).toBeGreaterThan(30);
    expect(SCRIPT).toContain(`'${path.basename(file)}'`);
  });
});
