/**
 * The board report from the command line: hand-computed figures in its tables, the failed check,
 * traceability (SHA-256 of every input file), self-containment, determinism and atomic --out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, REPO, icbsim, tempDir } from './helpers.js';

const TINY = join(FIXTURES, 'tiny.yaml');
const UNCERTAIN = join(FIXTURES, 'uncertain.yaml');

/** The cells of the table row whose header is `label`, within the table captioned `caption`. */
function row(html: string, caption: string, label: string): string[] {
  const table = html.split('<table').find((t) => t.includes(`<caption>${caption}`) || t.includes(`<caption class="sr-only">${caption}`));
  expect(table, `table "${caption}"`).toBeDefined();
  const tr = table!.split('<tr>').find((r) => r.startsWith(`<th scope="row">${label}</th>`));
  expect(tr, `row "${label}" in "${caption}"`).toBeDefined();
  return [...tr!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!);
}

describe('icbsim report', async () => {
  const r = await icbsim(['report', TINY]);
  const html = r.stdout;

  it('writes one HTML page to stdout when it is not a terminal', () => {
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(html.startsWith('<!doctype html><html lang="en-GB">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows the hand-computed figures, year by year', () => {
    // Income: 100, then ×1.1 = 110, then 121. Need grows 5%: acute 60 → 63 → 66.15 but is held at 60;
    // community 30 → 31.5 → 33.075. Spend 90 → 91.5 → 93.075.
    const caption = 'Every figure by year (money in £m; shares and growth in per cent)';
    expect(row(html, caption, 'Income')).toEqual(['100.0', '110.0', '121.0']);
    expect(row(html, caption, 'Spend')).toEqual(['90.0', '91.5', '93.1']);
    // Surplus 10, 18.5, 27.925 (27.9 to one decimal, half-even); provider gap 0, 3, 6.15;
    // system surplus = surplus − gap: 10, 15.5, 21.775 → 21.8.
    expect(row(html, caption, 'ICB surplus/(deficit)')).toEqual(['10.0', '18.5', '27.9']);
    expect(row(html, caption, 'System surplus')).toEqual(['10.0', '15.5', '21.8']);
    // Care closer to home: 30/90 = 33.33%, 31.5/91.5 = 34.43%, 33.075/93.075 = 35.54%.
    expect(row(html, caption, 'Care closer to home')).toEqual(['33.33%', '34.43%', '35.54%']);
    expect(row(html, caption, 'Provider gap')).toEqual(['0.0', '3.0', '6.2']);
  });

  it('draws the four charts, each an accessible image with a data table', () => {
    const svgs = [...html.matchAll(/<svg class="chart" id="([^"]+)" role="img" aria-labelledby="([^"]+)"/g)];
    expect(svgs.map((m) => m[1])).toEqual(['s1-surplus', 's1-care', 's1-spend', 's1-gap']);
    // ... and the two bridges (tests/report/bridge.test.ts), each with its data table.
    for (const [, id, labelledBy] of svgs) {
      expect(labelledBy).toBe(`${id}-title ${id}-desc`);
      expect(html).toMatch(new RegExp(`<title id="${id}-title">[^<]+</title><desc id="${id}-desc">[^<]{20,}</desc>`));
    }
    expect(html.match(/<details><summary>Data table: /g)).toHaveLength(6);
    // The surplus chart's data table carries the same exact figures.
    expect(row(html, 'Surplus or deficit by year: the ICB and the whole system: the figures (Surplus/(deficit), £m)', 'System surplus/(deficit)')).toEqual([
      '10.0',
      '15.5',
      '21.8',
    ]);
    // The gap chart: acute need 63 − 60 = 3, 66.15 − 60 = 6.15.
    expect(html).toContain('<title>2027/28, Acute provider gap: 6.2</title>');
  });

  it("stacks spend by category, each category's figures summed over its lines, named as a board reads them", () => {
    // Tiny: acute 60 → 60 → 60 (flat cash), community 30 → 31.5 → 33.075 (33.1 to one decimal).
    expect(row(html, 'Spend by category: the figures (Spend, £m)', 'Acute')).toEqual(['60.0', '60.0', '60.0']);
    expect(row(html, 'Spend by category: the figures (Spend, £m)', 'Community')).toEqual(['30.0', '31.5', '33.1']);
  });

  it('draws the care-shift target from the scenario', () => {
    expect(html).toContain('>Target 35.00%</text>');
    expect(html).toMatch(/<desc id="s1-care-desc">[^<]*The target is 35.00%\./);
  });

  it('lists the failed check with the year, the figure and the limit', () => {
    expect(html).toContain('1 of 2 checks passed; 1 failed.');
    expect(row(html, 'Checks', 'System surplus of 16')).toEqual([
      '<code>system_surplus</code>',
      'Failed',
      // System surplus 10 (base year) and 15.5 (2026/27) are below 16; 21.775 in 2027/28 is not.
      '<ul><li>2025/26: 10.0, below the minimum of 16.0</li><li>2026/27: 15.5, below the minimum of 16.0</li></ul>',
    ]);
    expect(row(html, 'Checks', 'ICB breakeven')[1]).toBe('Passed');
  });

  it('shows the assumptions: growth, drivers, the policy in words', () => {
    expect(row(html, 'Funding and cost drivers by year', 'Allocation growth')).toEqual(['–', '10%', '10%']);
    expect(row(html, 'Funding and cost drivers by year', 'Inflation (all lines)')).toEqual(['–', '5%', '5%']);
    expect(row(html, 'Funding and cost drivers by year', 'Contract uplift: Acute trust')).toEqual(['–', '0%', '0%']);
    expect(html).toContain('<li>Acute trust held to an uplift of 0% a year; need above that is the provider gap.</li>');
  });

  it('names every input file with its SHA-256 (checked against sha256sum)', () => {
    const sum = spawnSync('sha256sum', [TINY], { encoding: 'utf8' }).stdout.split(' ')[0]!;
    expect(sum).toMatch(/^[0-9a-f]{64}$/);
    expect(html).toContain(`<code>${relative(REPO, TINY)}</code></td><td class="text"><code>${sum}</code>`);
  });

  it('is self-contained: no scripts, no external URLs, no web fonts', () => {
    expect(html).not.toMatch(/<script|<link|@import|@font-face|url\(/i);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(urls.every((u) => u.startsWith('#'))).toBe(true);
    // The SVG namespace is an identifier, not a fetch; nothing else names a host.
    expect(html.replace(/xmlns="http:\/\/www\.w3\.org\/2000\/svg"/g, '')).not.toMatch(/https?:\/\//);
  });

  it('gives the same bytes for the same files', async () => {
    expect((await icbsim(['report', TINY])).stdout).toBe(html);
  });

  it('is small: a single-scenario report is well under 100 KB', () => {
    expect(Buffer.byteLength(html)).toBeLessThan(100_000);
  });
});

describe('icbsim report with several files and --draws', async () => {
  const r = await icbsim(['report', TINY, UNCERTAIN, '--draws', '400', '--seed', '7']);

  it('puts each headline metric side by side, one series per scenario', () => {
    expect(r.code).toBe(0);
    const cmp = [...r.stdout.matchAll(/<svg class="chart" id="(cmp-\d+)"/g)].map((m) => m[1]);
    // Ten headline metrics: allocation, non-recurrent, income, growth, spend, ICB, underlying,
    // cumulative and system surplus, care-shift share.
    expect(cmp).toHaveLength(10);
    expect(r.stdout).toContain('<title>2026/27, Tiny ICB - uncertain demand: 110.0</title>');
    // Years only the longer scenario has are blank, not zero, for the shorter one.
    expect(row(r.stdout, 'Income: the figures (Income, £m)', 'Tiny ICB')).toEqual(['100.0', '110.0', '121.0', '–']);
  });

  it('adds a fan chart of the 5-95% band for each scenario', () => {
    expect(r.stdout).toContain('id="s1-fan"');
    expect(r.stdout).toContain('id="s2-fan"');
    // Tiny has no distributions: its band has no width, and the report says why.
    expect(r.stdout).toContain('No assumption in this scenario is a distribution');
    // The uncertain one has a real band: its 95th percentile is above its 5th in the final year.
    const caption = 'ICB surplus/(deficit): range over 400 draws: the figures (Surplus/(deficit), £m)';
    const table = r.stdout.split('<details>').filter((d) => d.includes(caption))[1]!;
    const cells = (name: string) => [...table.split(`<th scope="row">${name}</th>`)[1]!.split('</tr>')[0]!.matchAll(/<td[^>]*>([^<]*)</g)].map((m) => Number(m[1]!.replace(/,/g, '')));
    const p5 = cells('5th percentile');
    const p95 = cells('95th percentile');
    expect(p95.at(-1)!).toBeGreaterThan(p5.at(-1)!);
    // The base year is given, not drawn: no spread there.
    expect(p95[0]).toBe(p5[0]);
    expect(r.stdout).toContain('(seed 7)');
  });
});

describe('icbsim report: the footer traces every scenario to its files', async () => {
  const files = ['uncertain.yaml', 'left-shift.yaml'].map((f) => join('scenarios', f));
  const r = await icbsim(['report', ...files]);
  const footer = r.stdout.slice(r.stdout.indexOf('<footer>'));

  it('groups the files under each scenario: the scenario file, then each file it extends, with sha256sum\'s digest', () => {
    expect(r.code, r.stderr).toBe(0);
    const sum = (f: string) => spawnSync('sha256sum', [join(REPO, 'scenarios', f)], { encoding: 'utf8' }).stdout.split(' ')[0]!;
    const rows = [...footer.matchAll(/<tr class="section"><th[^>]*>([^<]+)<\/th>|<code>(scenarios\/[^<]+)<\/code><\/td><td class="text"><code>([0-9a-f]{64})<\/code>/g)].map((m) =>
      m[1] ?? `${m[2]} ${m[3]}`,
    );
    // uncertain.yaml extends default.yaml, which extends base.yaml; left-shift.yaml extends base.yaml.
    expect(rows).toEqual([
      'Example ICB - balanced plan under uncertainty',
      `scenarios/uncertain.yaml ${sum('uncertain.yaml')}`,
      `scenarios/default.yaml ${sum('default.yaml')}`,
      `scenarios/base.yaml ${sum('base.yaml')}`,
      'Example ICB - left shift',
      `scenarios/left-shift.yaml ${sum('left-shift.yaml')}`,
      `scenarios/base.yaml ${sum('base.yaml')}`,
    ]);
  });

  it('says how the tables round, rather than claiming every figure is shown to the penny', () => {
    expect(footer).toContain('the tables show money rounded for reading (£m to one decimal place)');
  });
});

describe('icbsim report side by side: shared targets and identical series', async () => {
  // growth.yaml extends default.yaml with more allocation growth: the same 30% care-shift target,
  // different figures.
  const dir = tempDir();
  const growth = join(dir, 'growth.yaml');
  writeFileSync(growth, `extends: ${join(REPO, 'scenarios', 'default.yaml')}\nname: Balanced plan, 3.5% growth\nallocation: {growth: 3.5%}\n`);
  const r = await icbsim(['report', join('scenarios', 'default.yaml'), growth]);
  const chart = (id: string): string => r.stdout.slice(r.stdout.indexOf(`id="${id}"`), r.stdout.indexOf('</figure>', r.stdout.indexOf(`id="${id}"`)));

  it('draws the care-shift target on the side-by-side chart when every scenario has the same one', () => {
    expect(r.code, r.stderr).toBe(0);
    // cmp-9 is the tenth headline metric, the care-shift share.
    expect(chart('cmp-9')).toContain('>Target 30.00%</text>');
    expect(chart('cmp-9')).toContain('The target, shared by every scenario, is 30.00%.');
  });

  it('leaves out a chart whose figures are the same in every scenario, and says so in one line', async () => {
    // default.yaml and left-shift.yaml share base.yaml's allocation (cmp-0), non-recurrent money
    // (cmp-1), income (cmp-2) and growth (cmp-3), but not their spend (cmp-4: 2,291.8 against
    // 2,337.2 in 2030/31).
    const both = await icbsim(['report', join('scenarios', 'default.yaml'), join('scenarios', 'left-shift.yaml')]);
    const drawn = [...both.stdout.matchAll(/<svg class="chart" id="(cmp-\d+)"/g)].map((m) => m[1]);
    expect(drawn).toEqual(['cmp-4', 'cmp-5', 'cmp-6', 'cmp-7', 'cmp-8', 'cmp-9']);
    // ... and so does the community trust (its contracts are funded at need in both): its side-by-side chart is left out too.
    expect(both.stdout).toContain(
      '<p class="note">The same in every scenario, so not drawn: Recurrent allocation, Non-recurrent funding, Income, Allocation growth, ' +
        'Northshire Community and Mental Health NHS Trust (illustrative): surplus/(deficit).</p>',
    );
    // A plan and the same plan under uncertainty have the same plain-run figures: no chart at all.
    const same = await icbsim(['report', join('scenarios', 'default.yaml'), join('scenarios', 'uncertain.yaml')]);
    expect(same.stdout).not.toMatch(/<svg class="chart" id="cmp-/);
  });

  it('draws no target when the scenarios disagree on it', async () => {
    // tiny.yaml aims at 35%; its uncertain sibling sets no target.
    const other = await icbsim(['report', TINY, UNCERTAIN]);
    const i = other.stdout.indexOf('id="cmp-9"');
    expect(other.stdout.slice(i, other.stdout.indexOf('</figure>', i))).not.toContain('Target');
  });
});

describe('icbsim report with every shipped scenario side by side', async () => {
  const files = readdirSync(join(REPO, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
  const r = await icbsim(['report', ...files]);

  it('gives each of the twelve scenarios its own colour in the side-by-side charts', () => {
    expect(r.code, r.stderr).toBe(0);
    expect(files).toHaveLength(12);
    const start = r.stdout.indexOf('id="cmp-0"');
    const legend = r.stdout.slice(r.stdout.indexOf('<g class="legend">', start), r.stdout.indexOf('</g>', start));
    const swatches = [...legend.matchAll(/<rect [^>]*fill="(#[0-9A-Fa-f]{6})"\/><text [^>]*>([^<]+)<\/text>/g)].map((m) => [m[1], m[2]]);
    expect(swatches).toHaveLength(12);
    expect(new Set(swatches.map(([c]) => c)).size).toBe(12);
  });

  it('names the scenarios whose lines coincide, when only some of them do', () => {
    // uncertain.yaml's central values are default.yaml's own; base.yaml funds need in full, as do
    // do-nothing.yaml and sr-settlement.yaml (which changes only the money), so their spend mix agrees.
    const i = r.stdout.indexOf('id="cmp-9"');
    const caption = /<figcaption>([^<]*)<\/figcaption>/.exec(r.stdout.slice(i))![1]!;
    expect(caption).toContain(
      'Example ICB - base, Example ICB - do nothing and Example ICB - Spending Review settlement have the same figures, so their lines lie on top of each other.',
    );
    expect(caption).toContain('Example ICB - balanced plan and Example ICB - balanced plan under uncertainty have the same figures');
    // Bars stand side by side, so equal bars need no note unless every scenario agrees.
    const j = r.stdout.indexOf('id="cmp-5"');
    expect(/<figcaption>([^<]*)<\/figcaption>/.exec(r.stdout.slice(j))![1]).toBe('ICB surplus/(deficit) in each scenario, side by side.');
  });
});

describe('icbsim report --out', () => {
  const dir = tempDir();

  it('writes the file atomically and says where', async () => {
    const out = join(dir, 'board.html');
    const r = await icbsim(['report', TINY, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^icbsim: wrote .*board\.html \(\d+ KB\)\n$/);
    expect(readFileSync(out, 'utf8')).toContain('<title>ICB financial plan: Tiny ICB</title>');
    expect(readdirSync(dir).filter((f) => f.startsWith('.icbsim-tmp'))).toEqual([]);
  });

  it('leaves an existing report untouched when a scenario is bad (exit 2, file:line:col)', async () => {
    const out = join(dir, 'keep.html');
    writeFileSync(out, 'previous report');
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(TINY, 'utf8').replace('growth: 10%', 'growth: 10'));
    const r = await icbsim(['report', TINY, bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
    expect(r.stderr).toContain('10%');
    expect(r.stderr).not.toMatch(/^\s{4}at /m);
    expect(readFileSync(out, 'utf8')).toBe('previous report');
  });

  it('never writes over a scenario file it reads', async () => {
    const plan = join(dir, 'plan.yaml');
    writeFileSync(plan, readFileSync(TINY, 'utf8'));
    const r = await icbsim(['report', plan, '--out', plan]);
    expect(r.code).toBe(2);
    expect(readFileSync(plan, 'utf8')).toBe(readFileSync(TINY, 'utf8'));
  });

  it('refuses to print HTML onto a terminal', async () => {
    const r = await icbsim(['report', TINY], { tty: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--out report.html');
  });

  it('rejects a bad --draws with exit 2', async () => {
    const r = await icbsim(['report', TINY, '--draws', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--draws is a whole number');
  });

  it('reports a folder that does not exist as bad input, writing nothing', async () => {
    const r = await icbsim(['report', TINY, '--out', join(dir, 'missing', 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('its folder does not exist');
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});
