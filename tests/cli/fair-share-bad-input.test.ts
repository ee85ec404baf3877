/**
 * Issue 10's bad input for fair shares and one-off money, tried from the command line as a new
 * user would write it: each gives one located message and exit 2, and nothing on stdout.
 */
import { describe, expect, it } from 'vitest';
import { STACK_FRAME, icbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();

/** Lines 1 to 4 of every scenario below; its allocation follows from line 5. */
const HEAD = 'base_year: 2025/26\nyears: 3\nlines: {acute: {category: acute, spend: 60}, community: {category: community, spend: 30}}\nallocation:\n  recurrent: 100\n  growth: 2%\n';

const cases: [name: string, text: string, error: RegExp][] = [
  [
    'pace without cap',
    `${HEAD}  fair_share: {distance_from_target: 3%, pace: 20%}\n`,
    // Line 7, the fair_share map's `{` in column 15.
    /pace-without-cap\.yaml:7:\d+: error: missing key `cap` .*`pace` needs it$/,
  ],
  [
    'pace and convergence together',
    `${HEAD}  fair_share:\n    distance_from_target: 3%\n    pace: 20%\n    cap: 0.5%\n    convergence: -0.5%\n`,
    /pace-and-convergence-together\.yaml:9:5: error: give either `pace` and `cap` or `convergence`, not both/,
  ],
  [
    'a stream name that is a year',
    `${HEAD}  non_recurrent:\n    deficit_support: {2026/27: 5}\n    2027/28: {amounts: {2027/28: 3}, ring_fenced: community}\n`,
    /a-stream-name-that-is-a-year\.yaml:9:5: error: `2027\/28` is a year, not a stream name/,
  ],
  [
    'a ring-fenced line that does not exist',
    `${HEAD}  non_recurrent:\n    virtual_wards: {amounts: {2026/27: 5}, ring_fenced: comunity}\n`,
    /a-ring-fenced-line-that-does-not-exist\.yaml:8:57: error: no line named `comunity`: did you mean `community`\?/,
  ],
  [
    'a savings year outside the plan',
    'base_year: 2025/26\nyears: 3\nallocation: {recurrent: 100, growth: 2%}\nlines:\n  acute:\n    category: acute\n    spend: 60\n    non_recurrent_savings: {2026/27: 2, 2030/31: 1}\n',
    /a-savings-year-outside-the-plan\.yaml:8:41: error: 2030\/31 is outside the period 2025\/26 to 2028\/29$/,
  ],
  [
    'a distance from target of -100%',
    `${HEAD}  fair_share: {distance_from_target: -100%, convergence: 1%}\n`,
    /a-distance-from-target-of--100%\.yaml:7:38: error: the distance from target must be more than -100%/,
  ],
  [
    'a distance from target below -100%',
    `${HEAD}  fair_share: {distance_from_target: -150%, pace: 10%, cap: 1%}\n`,
    /a-distance-from-target-below--100%\.yaml:7:38: error: the distance from target must be more than -100%.*got -150%/,
  ],
];

describe('fair-share and one-off money mistakes', () => {
  for (const [name, text, error] of cases) {
    it(`${name}: one located message, exit 2`, async () => {
      const path = writeScenario(dir, `${name.replaceAll(' ', '-')}.yaml`, text);
      const r = await icbsim(['run', path]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).not.toMatch(STACK_FRAME);
      const errors = r.stderr.split('\n').filter((l) => /\berror:/.test(l));
      expect(errors, r.stderr).toHaveLength(1);
      expect(errors[0]).toMatch(error);
    });
  }
});
