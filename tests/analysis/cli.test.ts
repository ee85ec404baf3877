/** The analysis commands and `run --draws` as a user calls them: output, exit codes, bad input. */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { icbsim, REPO, tempDir, TINY, writeScenario } from '../cli/helpers.js';
import { FIXTURE } from '../montecarlo/helpers.js';

const dir = tempDir();
// TINY: income 100 → 110 → 121; acute flat at 60, need 63 → 66.15; community 30 → 31.5 → 33.075.
const tiny = writeScenario(dir, 'tiny.yaml', TINY);

describe('icbsim explain', () => {
  it('shows the acute gap built up from need and flat cash, with run\'s figures', async () => {
    const r = await icbsim(['explain', tiny, 'gap.acute', '--year', '2027/28']);
    expect(r.code).toBe(0);
    // Need 63 × 1.05 = 66.15; flat-cash spend 60; gap 6.15.
    expect(r.stdout).toMatch(/Need in 2026\/27\s+63\b/);
    expect(r.stdout).toMatch(/= Need grown \(to the penny\)\s+66\.15/);
    expect(r.stdout).toMatch(/= Provider gap in 2027\/28\s+6\.15/);
    const json = JSON.parse((await icbsim(['explain', tiny, 'icb_surplus', '--format', 'json'])).stdout);
    // 2027/28: 121 − (60 + 33.075) = 27.925.
    expect(json).toMatchObject({ metric: 'icb_surplus', year: '2027/28', value: '27.925' });
  });

  it('says when a rate is the central value of a distribution', async () => {
    const r = await icbsim(['explain', join(REPO, 'scenarios', 'uncertain.yaml'), 'need.acute', '--year', '2027/28']);
    expect(r.code).toBe(0);
    // uncertain.yaml: inflation normal [2.5%, 0.6%], acute demand triangular [1.8%, 2.8%, 4.5%],
    // delivery uniform [70%, 100%]; efficiency is a plain 2%.
    expect(r.stdout).toMatch(/ inflation \(the mean of its normal distribution\)\s+2\.5%\n/);
    expect(r.stdout).toMatch(/ demand \(the mode of its triangular distribution\)\s+2\.8%\n/);
    expect(r.stdout).toMatch(/ efficiency\s+2%\n/);
    expect(r.stdout).toMatch(/ delivery \(the midpoint of its uniform distribution\)\s+85%\n/);
  });

  it('says when a flat-cash uplift is the line\'s inflation (flat real)', async () => {
    const r = await icbsim(['explain', join(REPO, 'scenarios', 'flat-real-acute.yaml'), 'spend.acute', '--year', '2026/27']);
    expect(r.code).toBe(0);
    // 1,060 × 1.025 = 1,086.5 (acute inflation 2.5%).
    expect(r.stdout).toMatch(/uplift \(flat real: the line's inflation\)\s+2\.5%\n  = Spend in 2026\/27 \(to the penny\)\s+1,086\.5\n/);
  });

  it('rejects an unknown metric with a suggestion, and a year outside the period', async () => {
    const a = await icbsim(['explain', tiny, 'icb_surplas']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/no metric named `icb_surplas`.*did you mean `icb_surplus`/);
    const b = await icbsim(['explain', tiny, 'icb_surplus', '--year', '2031/32']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/runs 2025\/26 to 2027\/28/);
    const c = await icbsim(['explain', tiny, 'growth.acute', '--year', '2025/26']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/no figure in 2025\/26/);
  });
});

describe('icbsim sweep', () => {
  it('tabulates one input and a matrix of two, exactly in JSON', async () => {
    const one = await icbsim(['sweep', tiny, '--set', 'allocation.growth=0%..10%:5%', '--format', 'json']);
    expect(one.code).toBe(0);
    // 2027/28 surplus = 100(1+g)² − 93.075: g = 0 → 6.925; 5% → 17.175; 10% → 27.925.
    expect(JSON.parse(one.stdout).points.map((p: { value: string }) => p.value)).toEqual(['6.925', '17.175', '27.925']);
    const two = await icbsim(['sweep', tiny, '--set', 'allocation.growth=0%..10%:10%', '--set', 'policies.flat_cash.uplift=0%..5%:5%', '--metric', 'gap.acute', '--year', '2026/27']);
    expect(two.code).toBe(0);
    // gap.acute 2026/27 = 63 − 60(1+u): u = 0 → 3; 5% → 0, whatever the growth.
    expect(two.stdout).toMatch(/allocation\.growth \\ policies\.flat_cash\.uplift/);
    expect(two.stdout).toMatch(/│ 0%\s+│\s+3\.0 │\s+0\.0 │/);
  });

  it('rejects a bad range or path with exit 2', async () => {
    const a = await icbsim(['sweep', tiny, '--set', 'allocation.growth=1%..2']);
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/FROM\.\.TO:STEP/);
    const b = await icbsim(['sweep', tiny, '--set', 'policies.divert_growth.share=0%..10%:5%']);
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/no item `divert_growth`/);
    const c = await icbsim(['sweep', tiny, '--set', 'allocation.growth=1..2:1']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/per cent/);
  });

  it('refuses a zero step, too many points, a misspelt path (with a suggestion) and a text input', async () => {
    const cases: [string[], RegExp][] = [
      [['--set', 'allocation.growth=2%..4%:0%'], /the step must be more than zero/],
      [['--set', 'allocation.growth=0%..100%:0.01%'], /more than 1000 values/],
      // 101 × 101 = 10,201 points.
      [['--set', 'allocation.growth=0%..100%:1%', '--set', 'assumptions.inflation=0%..100%:1%'], /the grid has 10201 points; at most 2500/],
      [['--set', 'allocation.growht=2%..4%:1%'], /unknown key `growht`: did you mean `growth`\?/],
      [['--set', 'policies.flat_csh.uplift=0%..1%:1%'], /no item `flat_csh`: did you mean `flat_cash`\?/],
      [['--set', 'name=1..3:1'], /`name` is text \(`Tiny ICB`\), not a rate or an amount/],
      [['--set', 'allocation.growth=1%..2%:1%', '--set', 'allocation.growth=3%..4%:1%'], /names `allocation\.growth` twice/],
      [['--set', 'lines.acute.category=1..3:1'], /`lines\.acute\.category` is text \(`acute`\)/],
    ];
    for (const [args, message] of cases) {
      const r = await icbsim(['sweep', tiny, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      // The misspelt path is refused, not announced as an input the sweep adds.
      expect(r.stderr).not.toMatch(/the sweep adds it/);
      expect(r.stdout).toBe('');
    }
  });

  it('counts down when FROM is above TO, and warns when it adds an input the scenario does not set', async () => {
    const r = await icbsim(['sweep', tiny, '--set', 'lines.acute.inflation=10%..0%:5%', '--metric', 'gap.acute', '--year', '2026/27', '--format', 'csv']);
    expect(r.code).toBe(0);
    // gap.acute 2026/27 = 60 × (1 + i) − 60: 10% → 6, 5% → 3, 0% → 0.
    expect(r.stdout).toBe('lines.acute.inflation,gap.acute 2026/27\n10%,6\n5%,3\n0%,0\n');
    expect(r.stderr).toMatch(/`lines\.acute\.inflation` is not set in the scenario: the sweep adds it/);
  });
});

describe('icbsim solve', () => {
  it('finds the flat-cash uplift that closes the acute gap in 2026/27: 60(1+u) = 63, u = 5%', async () => {
    const r = await icbsim(['solve', tiny, '--vary', 'policies.flat_cash.uplift', '--target', 'gap.acute[2026/27]=0']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/policies\.flat_cash\.uplift = 5% gives gap\.acute 2026\/27 = £0m exactly/);
  });

  it('answers a limit with the boundary value on the right side: gap 63 − 60(1 + u) under 1.5 needs u ≥ 2.51%', async () => {
    const r = await icbsim(['solve', tiny, '--vary', 'policies.flat_cash.uplift', '--target', 'gap.acute[2026/27]<1.5']);
    expect(r.code).toBe(0);
    // 2.51%: 63 − 61.506 = 1.494 (under); 2.5%: 63 − 61.5 = 1.5 exactly (not under).
    expect(r.stdout).toMatch(/policies\.flat_cash\.uplift at least 2\.51% keeps gap\.acute 2026\/27 < £1\.5m\n/);
    expect(r.stdout).toMatch(/= 2\.51% gives £1\.494m: meets it\n.*= 2\.5% gives £1\.5m: does not/);
    const json = JSON.parse((await icbsim(['solve', tiny, '--vary', 'policies.flat_cash.uplift', '--target', 'gap.acute[2026/27]≤1.5', '--format', 'json'])).stdout);
    expect(json).toMatchObject({ relation: '<=', found: true, bound: 'at_least', value: '2.5%', figure: '1.5', next: { value: '2.49%', figure: '1.506' } });
    // No uplift from 0% to 1% gets the gap under 1.5 (at 1%: 63 − 60.6 = 2.4): exit 1.
    const none = await icbsim(['solve', tiny, '--vary', 'policies.flat_cash.uplift', '--target', 'gap.acute[2026/27]<=1.5', '--range', '0%..1%']);
    expect(none.code).toBe(1);
    expect(none.stdout).toMatch(/no value of policies\.flat_cash\.uplift from 0% to 1% keeps gap\.acute 2026\/27 <= £1\.5m\n  at 0%: £3m; at 1%: £2\.4m \(neither meets it\)/);
  });

  it('exits 1 with a clear message when the range cannot reach the target', async () => {
    const r = await icbsim(['solve', tiny, '--vary', 'allocation.growth', '--target', 'icb_surplus=1000', '--range', '0%..20%']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/no value of allocation\.growth from 0% to 20% reaches icb_surplus 2027\/28 = £1,000m/);
  });

  it('answers the board\'s two questions on the default scenario, and each answer reconciles with `run`', async () => {
    const dflt = join(REPO, 'scenarios', 'default.yaml');
    const divert = await icbsim(['solve', dflt, '--vary', 'policies.divert_growth.share', '--target', 'icb_surplus>=0', '--format', 'json']);
    const uplift = await icbsim(['solve', dflt, '--vary', 'policies.flat_cash.uplift', '--target', 'gap.acute[2030/31]<=20', '--format', 'json']);
    for (const [r, metric, written, meets] of [
      [divert, 'icb_surplus', 'share: 5%  ', (v: number) => v >= 0],
      [uplift, 'gap.acute', 'uplift: 2.2%', (v: number) => v <= 20],
    ] as const) {
      expect(r.code).toBe(0);
      const j = JSON.parse(r.stdout);
      expect(j.found).toBe(true);
      // The answer meets the limit and its neighbour does not, in the figures `run` prints for each.
      for (const [value, ok] of [[j.value, true], [j.next.value, false]] as const) {
        const text = readFileSync(dflt, 'utf8').replace(written, `${written.split(':')[0]}: ${value}`);
        expect(text).not.toBe(readFileSync(dflt, 'utf8'));
        const file = writeScenario(dir, `default-${metric}-${value}.yaml`, text.replace('extends: base.yaml', `extends: ${join(REPO, 'scenarios', 'base.yaml')}`));
        const run = JSON.parse((await icbsim(['run', file, '--format', 'json'])).stdout);
        const figure = run.years.find((y: { year: string }) => y.year === '2030/31').metrics[metric];
        expect(figure).toBe(value === j.value ? j.figure : j.next.figure);
        expect(meets(Number(figure))).toBe(ok);
      }
    }
    // The answers as of this commit: 6.38% diverted (surplus £13,458.50) and a 2.85% uplift (gap £19.52m).
    expect([JSON.parse(divert.stdout).value, JSON.parse(uplift.stdout).value]).toEqual(['6.38%', '2.85%']);
  });

  it('says when the input does not move the figure at all', async () => {
    // The base year's surplus is given (100 − 90 = 10): no allocation growth changes it.
    const r = await icbsim(['solve', tiny, '--vary', 'allocation.growth', '--target', 'icb_surplus[2025/26]=0']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/it is £10m at both ends: allocation\.growth may not move icb_surplus in 2025\/26 at all/);
  });

  it('refuses to vary a text input', async () => {
    const r = await icbsim(['solve', tiny, '--vary', 'lines.acute.category', '--target', 'icb_surplus=0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/`lines\.acute\.category` is text \(`acute`\), not a rate or an amount/);
  });

  it('checks the target is written in the metric\'s form', async () => {
    const r = await icbsim(['solve', tiny, '--vary', 'allocation.growth', '--target', 'care_shift_share=30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/per cent sign/);
  });
});

describe('icbsim tornado', () => {
  it('ranks inputs and draws the chart', async () => {
    const r = await icbsim(['tornado', tiny]);
    expect(r.code).toBe(0);
    // allocation growth ±1% moves 2027/28 income by about ±2.1, more than inflation ±1% moves community spend (±0.6).
    const order = [...r.stdout.matchAll(/│\s+\d+ │ (\S+)/g)].map((m) => m[1]);
    expect(order[0]).toBe('allocation.growth');
    expect(r.stdout).toMatch(/base 27\.9/);
    // Growth 9%: 118.81 − 93.075 = 25.735; 11%: 123.21 − 93.075 = 30.135; swing 4.4.
    // Lower growth lowers the surplus (shaded, left); higher raises it (solid, right). Higher
    // inflation lowers it: solid on the left, shaded on the right.
    expect(r.stdout).toMatch(/^allocation\.growth +░+│█+ +4\.4$/m);
    expect(r.stdout).toMatch(/^assumptions\.inflation +█+│░+ /m);
    expect(r.stdout).toMatch(/░ input at its low value +█ input at its high value/);
  });

  it('on any metric and year: the 2026/27 acute gap, 63 − 60(1 + u) with need 60(1 + i)', async () => {
    const r = await icbsim(['tornado', tiny, '--metric', 'gap.acute', '--year', '2026/27', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ metric: 'gap.acute', year: '2026/27', base: '3' });
    // Inflation 4%/6%: 62.4 − 60 = 2.4, 63.6 − 60 = 3.6; uplift −1%/1%: 63 − 59.4 = 3.6, 63 − 60.6 = 2.4;
    // growth moves income, not the gap. Equal swings keep the scenario's order.
    expect(j.inputs.map((x: Record<string, string>) => [x.input, x.at_low, x.at_high, x.swing])).toEqual([
      ['assumptions.inflation', '2.4', '3.6', '1.2'],
      ['policies.flat_cash.uplift', '3.6', '2.4', '1.2'],
      ['allocation.growth', '3', '3', '0'],
    ]);
    const half = JSON.parse((await icbsim(['tornado', tiny, '--metric', 'gap.acute', '--year', '2026/27', '--step', '0.5%', '--format', 'json'])).stdout);
    // ± 0.5 points moves the gap by 0.3 either way: swing 0.6.
    expect(half.inputs[0]).toMatchObject({ low: '4.5%', high: '5.5%', swing: '0.6' });
  });

  it('refuses a step that is not a rate above zero', async () => {
    for (const step of ['0%', '-1%', '1', 'x']) {
      const r = await icbsim(['tornado', tiny, '--step', step]);
      expect(r.code, step).toBe(2);
      expect(r.stderr, step).toMatch(/--step is a rate above 0%/);
    }
  });

  it('with --uncertain-only swings distributions only, and says when there are none', async () => {
    const r = await icbsim(['tornado', FIXTURE, '--uncertain-only', '--format', 'json']);
    expect(r.code).toBe(0);
    const inputs = JSON.parse(r.stdout).inputs as { input: string; uncertain: boolean }[];
    expect(inputs.every((i) => i.uncertain)).toBe(true);
    expect(inputs.map((i) => i.input).sort()).toEqual(['assumptions.demand', 'assumptions.efficiency_delivery', 'assumptions.inflation', 'lines.acute.inflation']);
    const none = await icbsim(['tornado', tiny, '--uncertain-only']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no distributions/);
  });
});

describe('icbsim run --draws', () => {
  it('reports percentiles, deficit risk and check failures; the same seed gives the same output', async () => {
    const a = await icbsim(['run', FIXTURE, '--draws', '400', '--seed', '5', '--workers', '1', '--format', 'json']);
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(j).toMatchObject({ draws: 400, seed: 5 });
    expect(j.years).toHaveLength(6);
    expect(Object.keys(j.years[5].metrics.icb_surplus)).toEqual(['mean', 'p5', 'p50', 'p95']);
    expect(Number(j.years[5].deficit_probability)).toBeGreaterThan(0.9);
    expect(j.checks.map((c: { name: string }) => c.name)).toEqual(['Breakeven', 'MHIS']);
    const b = await icbsim(['run', FIXTURE, '--draws', '400', '--seed', '5', '--workers', '2', '--format', 'json']);
    expect(b.stdout).toBe(a.stdout);
    const c = await icbsim(['run', FIXTURE, '--draws', '400', '--seed', '6', '--workers', '1', '--format', 'json']);
    expect(c.stdout).not.toBe(a.stdout);
  }, 30_000);

  it('prints a table and CSV; no progress bar when stderr is not a terminal', async () => {
    const t = await icbsim(['run', FIXTURE, '--draws', '50', '--workers', '1']);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/50 draws, seed 1/);
    expect(t.stdout).toMatch(/P\(ICB deficit\)/);
    expect(t.stdout).toMatch(/Breakeven: fails in \d+\.\d% of draws/);
    expect(t.stderr).toBe('');
    const csv = await icbsim(['run', FIXTURE, '--draws', '50', '--workers', '1', '--format', 'csv']);
    expect(csv.stdout.split('\n')[0]).toBe('scenario,year,metric,statistic,value');
    expect(csv.stdout).toMatch(/check:Breakeven,failure_probability,/);
  });

  it('shows a progress bar on a terminal, but not with NO_COLOR', async () => {
    const tty = await icbsim(['run', FIXTURE, '--draws', '300', '--workers', '1', '--format', 'json'], { tty: true });
    expect(tty.stderr).toMatch(/draws \[/);
    expect(() => JSON.parse(tty.stdout)).not.toThrow();
    const plain = await icbsim(['run', FIXTURE, '--draws', '300', '--workers', '1', '--format', 'json'], { tty: true, env: { NO_COLOR: '1' } });
    expect(plain.stderr).toBe('');
  });

  it('warns when the scenario has nothing to sample, and every draw is the plain run', async () => {
    const r = await icbsim(['run', tiny, '--draws', '20', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no distributions .*every draw gives the same figures/);
    // TINY's 2027/28 surplus, 27.925 (see above), in every draw.
    expect(JSON.parse(r.stdout).years[2].metrics.icb_surplus).toEqual({ mean: '27.925', p5: '27.925', p50: '27.925', p95: '27.925' });
  });

  it('--out never overwrites the scenario it draws from', async () => {
    const dir = tempDir();
    const file = join(dir, 'plan.yaml');
    const text = readFileSync(tiny, 'utf8');
    writeFileSync(file, text);
    const r = await icbsim(['run', file, '--draws', '10', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refusing to write .*one of the scenario files this run reads/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('rejects bad numbers with exit 2', async () => {
    for (const [flag, value] of [['--draws', '0'], ['--draws', '1e3'], ['--seed', '-1'], ['--workers', '0']] as const) {
      const r = await icbsim(['run', FIXTURE, ...(flag === '--draws' ? [] : ['--draws', '10']), flag, value]);
      expect(r.code, `${flag} ${value}`).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`${flag} is a whole number`));
    }
  });
});
