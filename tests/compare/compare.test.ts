/** `icbsim compare`: columns per scenario, the chosen year, whole-period rows, baseline deltas, every format. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { icbsim, tempDir, writeScenario } from '../cli/helpers.js';
import { PLAN } from '../check/fixture.js';

const dir = tempDir('icbsim-compare-');
// A: fixture.ts. Allocation 1000 → 1020 → 1040.4; spend 1000 → 1019 → 1038.62;
//    surplus 0 → 1 → 1.78; cumulative 1, 2.78; worst projection year 2026/27 (1).
writeScenario(dir, 'a.yaml', PLAN);
// B: the same plan with 3% allocation growth: 1000 → 1030 → 1060.9; same spend;
//    surplus 11 (1030 − 1019), 22.28 (1060.9 − 1038.62); over the period 33.28; worst 2026/27 (11).
writeScenario(dir, 'b.yaml', 'extends: a.yaml\nname: Growth 3%\nallocation: {growth: 3%}\n');
// K: plan A written in £k: every figure the same once converted to £m.
writeScenario(
  dir,
  'k.yaml',
  'extends: a.yaml\nname: In thousands\nunits: £k\nallocation: {recurrent: 1000000}\nlines:\n  acute: {spend: 600000}\n  community: {spend: 200000}\n  mental_health: {spend: 150000}\n  running: {spend: 50000}\n',
);
// L: one more projection year, so its last year differs from A's.
writeScenario(dir, 'l.yaml', 'extends: a.yaml\nname: Longer\nyears: 3\n');
const opts = { cwd: dir };

describe('compare', () => {
  it('json: the final year by default, and the whole period', async () => {
    const r = await icbsim(['compare', 'a.yaml', 'b.yaml', '--format', 'json'], opts);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.units).toBe('£m');
    expect(json.baseline).toBeNull();
    const [a, b] = json.scenarios;
    expect(a).toMatchObject({ scenario: 'Check ICB', file: 'a.yaml', year: '2027/28' });
    expect(a.metrics).toMatchObject({
      allocation: '1040.4', spend: '1038.62', icb_surplus: '1.78', cumulative_surplus: '2.78', care_shift_share: '0.2123',
      period_surplus: '2.78', worst_surplus: '1', worst_year: '2026/27',
    });
    expect(b.metrics).toMatchObject({ allocation: '1060.9', icb_surplus: '22.28', period_surplus: '33.28', worst_surplus: '11', worst_year: '2026/27' });
    expect(a.deltas).toBeUndefined();
  });
  it('--year picks the year; --baseline adds deltas (B − A in 2026/27: surplus +10, growth +1 point)', async () => {
    const r = await icbsim(['compare', 'b.yaml', '--baseline', 'a.yaml', '--year', '2026/27', '--format', 'json'], opts);
    const json = JSON.parse(r.stdout);
    expect(json.baseline).toMatchObject({ scenario: 'Check ICB', year: '2026/27', metrics: { icb_surplus: '1' } });
    expect(json.scenarios[0].deltas).toMatchObject({
      icb_surplus: '10', allocation_growth: '0.01', spend: '0',
      // Period rows ignore --year: 33.28 − 2.78.
      period_surplus: '30.5', worst_surplus: '10', worst_year: null,
    });
  });
  it('a file named twice, or also given as --baseline (as a glob would), is one column', async () => {
    const r = await icbsim(['compare', 'a.yaml', 'b.yaml', './b.yaml', '--baseline', 'a.yaml', '--format', 'json'], opts);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.baseline.scenario).toBe('Check ICB');
    expect(json.scenarios.map((s: { scenario: string }) => s.scenario)).toEqual(['Growth 3%']);
    // Only the baseline, compared with itself: kept, with zero deltas, rather than an empty table.
    const self = JSON.parse((await icbsim(['compare', 'a.yaml', '--baseline', 'a.yaml', '--format', 'json'], opts)).stdout);
    expect(self.scenarios).toHaveLength(1);
    expect(self.scenarios[0].deltas.icb_surplus).toBe('0');
  });
  it('money in other units is converted exactly to the first column\'s', async () => {
    const r = await icbsim(['compare', 'k.yaml', '--baseline', 'a.yaml', '--format', 'json'], opts);
    const json = JSON.parse(r.stdout);
    expect(json.units).toBe('£m');
    expect(json.scenarios[0].metrics.icb_surplus).toBe('1.78');
    expect(Object.values(json.scenarios[0].deltas).filter((d) => d !== null && d !== '0')).toEqual([]);
  });
  it('--metric picks and orders rows, per-line metrics included', async () => {
    const r = await icbsim(['compare', 'a.yaml', 'b.yaml', '--metric', 'worst_year', '--metric', 'icb_surplus', '--metric', 'spend.acute', '--format', 'csv'], opts);
    expect(r.stdout).toBe(
      ['metric,Check ICB,Growth 3%', 'year,2027/28,2027/28', 'worst_year,2026/27,2026/27', 'icb_surplus,1.78,22.28', 'spend.acute,612.06,612.06', ''].join('\n'),
    );
  });
  it('markdown for a pull-request comment, with delta columns', async () => {
    const r = await icbsim(['compare', 'b.yaml', '--baseline', 'a.yaml', '--metric', 'icb_surplus', '--metric', 'care_shift_share', '--format', 'md'], opts);
    expect(r.stdout).toBe(
      [
        '| £m 2027/28 | Check ICB (baseline) | Growth 3% | Δ |',
        '| --- | ---: | ---: | ---: |',
        '| ICB surplus/(deficit) | 1.8 | 22.3 | +20.5 |',
        '| Care closer to home | 21.23% | 21.23% | 0.00 pp |',
        '',
      ].join('\n'),
    );
  });
  it('columns whose scenarios share a name are told apart by their files', async () => {
    // c.yaml: plan A again under its own name, e.g. a copy being edited.
    writeScenario(dir, 'c.yaml', 'extends: a.yaml\n');
    const md = await icbsim(['compare', 'c.yaml', 'b.yaml', '--baseline', 'a.yaml', '--metric', 'icb_surplus', '--format', 'md'], opts);
    expect(md.stdout.split('\n')[0]).toBe('| £m 2027/28 | Check ICB (a.yaml) (baseline) | Check ICB (c.yaml) | Δ | Growth 3% | Δ |');
    const csv = await icbsim(['compare', 'a.yaml', 'c.yaml', '--metric', 'icb_surplus', '--format', 'csv'], opts);
    expect(csv.stdout.split('\n')[0]).toBe('metric,Check ICB (a.yaml),Check ICB (c.yaml)');
  });
  it('--out: a missing folder is exit 2 with a reason; a scenario or base it reads is never overwritten', async () => {
    const missing = await icbsim(['compare', 'a.yaml', '--format', 'md', '--out', 'nowhere/x.md'], opts);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('icbsim: error: cannot write `nowhere/x.md`: its folder does not exist\n');
    const before = readFileSync(join(dir, 'a.yaml'), 'utf8');
    // b.yaml extends a.yaml.
    const base = await icbsim(['compare', 'b.yaml', '--out', 'a.yaml'], opts);
    expect(base.code).toBe(2);
    expect(base.stderr).toBe('icbsim: error: refusing to write `a.yaml`: it is one of the scenario files this run reads\n');
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(before);
    const ok = await icbsim(['compare', 'b.yaml', '--metric', 'icb_surplus', '--format', 'csv', '--out', 'out.csv'], opts);
    expect(ok.code).toBe(0);
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe('metric,Growth 3%\nyear,2027/28\nicb_surplus,22.28\n');
  });
  it('the table names each column\'s year when the years differ', async () => {
    const r = await icbsim(['compare', 'a.yaml', 'l.yaml', '--metric', 'icb_surplus'], opts);
    expect(r.stdout).toContain('Check ICB (2027/28)');
    expect(r.stdout).toContain('Longer (2028/29)');
    expect(r.stdout).toMatch(/ICB surplus\/\(deficit\) │\s+1\.8 │/);
  });
  it('bad input: unknown metric, a year a scenario lacks, a malformed year, a bad file (exit 2)', async () => {
    const unknown = await icbsim(['compare', 'a.yaml', '--metric', 'icb_surplu'], opts);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown metric `icb_surplu`: did you mean `icb_surplus`?');
    const missing = await icbsim(['compare', 'a.yaml', 'l.yaml', '--year', '2028/29'], opts);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('a.yaml has no year 2028/29: its years run 2025/26 to 2027/28');
    const malformed = await icbsim(['compare', 'a.yaml', '--year', '2028'], opts);
    expect(malformed.stderr).toContain('did you mean `2028/29`?');
    writeScenario(dir, 'bad.yaml', 'name: [\n');
    const bad = await icbsim(['compare', 'a.yaml', 'bad.yaml'], opts);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
  });
});
