import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, BIN, STACK_FRAME, TINY, icbsim, spawnIcbsim, strayTempFiles, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
const tiny = writeScenario(dir, 'tiny.yaml', TINY);
const bad = writeScenario(
  dir,
  'bad.yaml',
  `
  base_year: 2025/26
  years: 2
  allocation:
    recurrent: 100
    growth: 2.5
  lines:
    acute: {category: acute, spend: 60}
  `,
);
// Income 100 against spend 110: a deficit of 10 every year.
const deficit = writeScenario(
  dir,
  'deficit.yaml',
  `
  name: Deficit ICB
  base_year: 2025/26
  years: 1
  allocation: {recurrent: 100, growth: 0%}
  lines:
    acute: {category: acute, spend: 110}
  `,
);

type Json = { scenario: string; units: string; years: { year: string; metrics: Record<string, string> }[] };

describe('icbsim run --format json', () => {
  it('prints MODEL.md JSON whose figures match the hand computation, key by key', async () => {
    const r = await icbsim(['run', tiny, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout) as Json;
    expect(j.scenario).toBe('Tiny ICB');
    expect(j.units).toBe('£m');
    expect(j.years.map((y) => y.year)).toEqual(['2025/26', '2026/27', '2027/28']);
    const [y0, y1, y2] = j.years.map((y) => y.metrics);
    // Base year: spend 60 + 30 = 90, surplus 100 − 90 = 10, care share 30/90 → 0.3333.
    expect(y0).toMatchObject({ allocation: '100', income: '100', spend: '90', icb_surplus: '10', system_surplus: '10', care_shift_share: '0.3333' });
    expect(y0).not.toHaveProperty('allocation_growth');
    expect(y0).not.toHaveProperty('cumulative_surplus');
    // Year 1: R = 100 × 1.1 = 110; acute flat at 60 while its need is 60 × 1.05 = 63 (gap 3);
    // community 30 × 1.05 = 31.5; spend 91.5; surplus 110 − 91.5 = 18.5; system 18.5 − 3 = 15.5.
    expect(y1).toMatchObject({
      allocation: '110',
      allocation_growth: '0.1',
      spend: '91.5',
      icb_surplus: '18.5',
      cumulative_surplus: '18.5',
      system_surplus: '15.5',
      'need.acute': '63',
      'gap.acute': '3',
      'spend.community': '31.5',
      'growth.community': '0.05',
    });
    // Year 2: R = 121; community 31.5 × 1.05 = 33.075; spend 93.075; surplus 27.925;
    // cumulative 18.5 + 27.925 = 46.425; acute need 63 × 1.05 = 66.15, gap 6.15; system 27.925 − 6.15 = 21.775.
    expect(y2).toMatchObject({
      allocation: '121',
      spend: '93.075',
      icb_surplus: '27.925',
      cumulative_surplus: '46.425',
      system_surplus: '21.775',
      'need.acute': '66.15',
      'gap.acute': '6.15',
      care_shift_share: '0.3554', // 33.075 / 93.075 = 0.35536…
    });
  });

  it('gives byte-identical output run after run', async () => {
    const a = await icbsim(['run', tiny, '--format', 'json']);
    const b = await icbsim(['run', tiny, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });
});

describe('icbsim run, every format', () => {
  it('table by default, with the title and a visibly negative deficit', async () => {
    const r = await icbsim(['run', deficit]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('Deficit ICB (money in £m)');
    expect(r.stdout).toMatch(/│ ICB surplus\/\(deficit\) │ +-10\.0 │ +-10\.0 │/);
  });

  it('csv: long format with exact decimals', async () => {
    const r = await icbsim(['run', tiny, '--format', 'csv']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('scenario,year,metric,value');
    expect(lines).toContain('Tiny ICB,2027/28,spend,93.075');
    expect(lines).toContain('Tiny ICB,2026/27,gap.acute,3');
    expect(lines).toHaveLength(1 + 14 + 18 + 18);
  });

  it('md: a Markdown table, and --lines adds each line', async () => {
    const r = await icbsim(['run', tiny, '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('| Metric | 2025/26 | 2026/27 | 2027/28 |');
    expect(r.stdout).toContain('| Spend | 90.0 | 91.5 | 93.1 |');
    expect(r.stdout).not.toContain('**acute**');
    const withLines = await icbsim(['run', tiny, '--format', 'md', '--lines']);
    expect(withLines.stdout).toContain('| **acute** |');
    expect(withLines.stdout).toContain('| Provider gap | 0.0 | 3.0 | 6.2 |');
  });

  it('--lines adds the per-line rows to the table', async () => {
    const r = await icbsim(['run', tiny, '--lines']);
    expect(r.stdout).toMatch(/│ {3}Provider gap +│ +0\.0 │ +3\.0 │ +6\.2 │/);
    expect((await icbsim(['run', tiny])).stdout).not.toContain('Provider gap');
  });

  it('an unknown --format is a usage error listing the formats', async () => {
    const r = await icbsim(['run', tiny, '--format', 'excel']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('table, json, csv, md, xlsx');
  });

  it('with no FILE runs the shipped default scenario', async () => {
    const r = await icbsim(['run', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as Json;
    expect(j.years.length).toBeGreaterThan(1);
    expect(Number(j.years[0]!.metrics.allocation)).toBeGreaterThan(0);
  });

  it('engine warnings go to stderr, results still to stdout', async () => {
    // Two shifts each move 60% of acute's need, 120% in all: acute's need goes negative.
    const warn = writeScenario(
      dir,
      'warn.yaml',
      `
      base_year: 2025/26
      years: 1
      allocation: {recurrent: 100, growth: 0%}
      lines:
        acute: {category: acute, spend: 60}
        community: {category: community, spend: 30}
      policies:
        - {type: shift_activity, from: acute, to: community, share: 60%, cost_ratio: 100%, lag: 0}
        - {type: shift_activity, from: acute, to: community, share: 60%, cost_ratio: 100%, lag: 0}
      `,
    );
    const r = await icbsim(['run', warn, '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^icbsim: warning: 2026\/27: .*acute.* negative/m);
    expect(JSON.parse(r.stdout)).toHaveProperty('years');
  });

  it('a negative need says what made it negative: shifts, one-off savings, or both (the built binary)', () => {
    const scenario = (community: string, policies = '') =>
      writeScenario(
        dir,
        'negative-need.yaml',
        `
        base_year: 2025/26
        years: 1
        allocation: {recurrent: 100, growth: 0%}
        lines:
          acute: {category: acute, spend: 60}
          community: ${community}
        ${policies}`,
      );
    const warning = (file: string) => {
      const r = spawnIcbsim(['run', file, '--format', 'json']);
      expect(r.code).toBe(0);
      return r.stderr.trim();
    };
    // No shift in the file: 10 of need less a one-off saving of 25 is -15. Before, this blamed shifts.
    expect(warning(scenario('{category: community, spend: 10, non_recurrent_savings: {2026/27: 25}}'))).toBe(
      'icbsim: warning: 2026/27: the need on line `community` is negative: one-off savings take off more than it has',
    );
    // 30 less a shift out of 60% of 30 (18) and a saving of 15 is -3.
    const both = scenario(
      '{category: community, spend: 30, non_recurrent_savings: {2026/27: 15}}',
      'policies: [{type: shift_activity, from: community, to: acute, share: 60%, cost_ratio: 100%}]',
    );
    expect(warning(both)).toBe('icbsim: warning: 2026/27: the need on line `community` is negative: shifts move out and one-off savings take off more than it has');
  });
});

describe('icbsim run, colour', () => {
  it('colours the table on a terminal (so the checks below could fail)', async () => {
    const r = await icbsim(['run', deficit], { tty: true });
    expect(r.stdout).toMatch(ANSI);
    expect(r.stdout).toContain('\x1b[31m-10.0\x1b[39m');
  });

  it('never with NO_COLOR, --no-color, or when not a terminal', async () => {
    expect((await icbsim(['run', deficit], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ANSI);
    expect((await icbsim(['run', deficit, '--no-color'], { tty: true })).stdout).not.toMatch(ANSI);
    expect((await icbsim(['run', deficit, '--lines'])).stdout).not.toMatch(ANSI);
  });

  it('splits a wide table to fit a narrow terminal, but never one going to a pipe or file', async () => {
    const long = writeScenario(dir, 'long.yaml', TINY.replace('years: 2', 'years: 12'));
    const widest = (s: string) => Math.max(...s.replace(/\x1b\[[0-9;]*m/g, '').split('\n').map((l) => [...l].length));
    const narrow = await icbsim(['run', long], { tty: true, columns: 80 });
    expect(widest(narrow.stdout)).toBeLessThanOrEqual(80);
    expect(narrow.stdout).toContain('2037/38');
    const piped = await icbsim(['run', long], { columns: 80 });
    expect(widest(piped.stdout)).toBeGreaterThan(80);
  });

  it('never in a file written with --out, even on a terminal', async () => {
    const out = join(dir, 'coloured.txt');
    await icbsim(['run', deficit, '--out', out], { tty: true });
    expect(readFileSync(out, 'utf8')).not.toMatch(ANSI);
  });
});

describe('icbsim run --out', () => {
  it('writes the whole output to the file and nothing to stdout', async () => {
    const out = join(dir, 'out.json');
    const r = await icbsim(['run', tiny, '--format', 'json', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const direct = await icbsim(['run', tiny, '--format', 'json']);
    expect(readFileSync(out, 'utf8')).toBe(direct.stdout);
    expect(strayTempFiles(dir)).toEqual([]);
  });

  it('replaces an existing file whole', async () => {
    const out = join(dir, 'replace.csv');
    writeFileSync(out, 'x'.repeat(100_000));
    const r = await icbsim(['run', tiny, '--format', 'csv', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe((await icbsim(['run', tiny, '--format', 'csv'])).stdout);
  });

  it('a bad scenario leaves an existing output byte-for-byte unchanged, and no temp file behind', async () => {
    const sub = join(dir, 'atomic');
    const out = writeScenario(sub, 'existing.txt', 'the previous run\n');
    const before = readFileSync(out);
    const r = await icbsim(['run', bad, '--format', 'json', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('bad.yaml:5:11');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(readdirSync(sub)).toEqual(['existing.txt']);
  });

  it('a bad scenario creates no output file', async () => {
    const out = join(dir, 'never.json');
    const r = await icbsim(['run', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(strayTempFiles(dir)).toEqual([]);
  });

  it('takes the format from the --out extension unless --format is given', async () => {
    const csv = join(dir, 'by-ext.CSV');
    expect((await icbsim(['run', tiny, '--out', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toBe((await icbsim(['run', tiny, '--format', 'csv'])).stdout);
    const md = join(dir, 'by-ext.md');
    await icbsim(['run', tiny, '--out', md, '--lines']);
    expect(readFileSync(md, 'utf8')).toBe((await icbsim(['run', tiny, '--format', 'md', '--lines'])).stdout);
    const explicit = join(dir, 'explicit.csv');
    await icbsim(['run', tiny, '--format', 'json', '--out', explicit]);
    expect(JSON.parse(readFileSync(explicit, 'utf8'))).toHaveProperty('scenario', 'Tiny ICB');
    const txt = join(dir, 'plain.txt');
    await icbsim(['run', tiny, '--out', txt]);
    expect(readFileSync(txt, 'utf8').split('\n')[0]).toBe('Tiny ICB (money in £m)');
  });

  it('refuses to overwrite the scenario it reads, or its base file', async () => {
    const sub = join(dir, 'self');
    const base = writeScenario(sub, 'base.yaml', TINY);
    const child = writeScenario(sub, 'child.yaml', 'extends: base.yaml\nname: Child\n');
    for (const target of [child, base]) {
      const before = readFileSync(target);
      const r = await icbsim(['run', child, '--format', 'json', '--out', target]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/refusing to write .*: it is one of the scenario files this run reads/);
      expect(readFileSync(target).equals(before)).toBe(true);
    }
  });

  it('an --out in a missing folder is a clear error, exit 2', async () => {
    const r = await icbsim(['run', tiny, '--out', join(dir, 'no', 'such', 'x.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cannot write .*x\.json.*folder does not exist/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });
});

describe('the built binary', () => {
  it('exit 0 and the same JSON as in-process', async () => {
    const r = spawnIcbsim(['run', tiny, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await icbsim(['run', tiny, '--format', 'json'])).stdout);
  });

  it('every text format prints from the binary exactly what it prints in-process', async () => {
    for (const format of ['table', 'csv', 'md']) {
      const r = spawnIcbsim(['run', tiny, '--format', format, '--lines']);
      expect(r.code, format).toBe(0);
      expect(r.stderr, format).toBe('');
      expect(r.stdout, format).toBe((await icbsim(['run', tiny, '--format', format, '--lines'])).stdout);
    }
  });

  it('a failed run from the shell leaves an existing --out file byte for byte, and no temp file', () => {
    const out = join(dir, 'kept-by-binary.json');
    writeFileSync(out, '{"earlier": "result"}\n');
    const r = spawnIcbsim(['run', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('{"earlier": "result"}\n');
    expect(strayTempFiles(dir)).toEqual([]);
  });

  it('exit 2 on a bad scenario: located message, nothing on stdout, no stack trace', () => {
    const r = spawnIcbsim(['run', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/bad\.yaml:5:11: error: rates are written with a per cent sign: write `2\.5%`/);
    expect(r.stderr).not.toMatch(STACK_FRAME);
  });

  it('colour follows FORCE_COLOR and NO_COLOR wins over it', () => {
    expect(spawnIcbsim(['run', deficit], { env: { FORCE_COLOR: '1' } }).stdout).toMatch(ANSI);
    const r = spawnIcbsim(['run', deficit], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(ANSI);
    expect(r.stdout).toContain('-10.0');
  });

  it('a reader that stops early (`| head -1`) is not a crash', () => {
    // 300 lines × 16 years of CSV is far more than a pipe buffer, so the writer does hit EPIPE.
    const lines = Array.from({ length: 300 }, (_, i) => `  l${i}: {category: acute, spend: 5}`).join('\n');
    const big = writeScenario(dir, 'big.yaml', `base_year: 2025/26\nyears: 15\nallocation: {recurrent: 2000, growth: 3%}\nlines:\n${lines}\n`);
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" run "${big}" --format csv | head -1; echo "exit \${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
    });
    expect(r.stdout).toBe('scenario,year,metric,value\n');
    expect(r.stderr).toBe('exit 0\n');
  });

  it('--out from the shell writes the file atomically', () => {
    const out = join(dir, 'spawned.md');
    const r = spawnIcbsim(['run', tiny, '--format', 'md', '--out', out]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('| Spend | 90.0 | 91.5 | 93.1 |');
  });
});
