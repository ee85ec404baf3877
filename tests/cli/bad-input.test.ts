/**
 * Mistakes a new user makes, each tried as they would make it. Every one gets exactly one clear
 * message (naming file:line:col where there is a place to point at), exit 2, nothing on stdout,
 * and never a stack trace.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STACK_FRAME, TINY, dedent, icbsim, spawnIcbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();

/** Lines 1 and 2 of every scenario below. */
const HEAD = 'base_year: 2025/26\nyears: 2\n';

interface Case {
  name: string;
  args: () => string[];
  /** The one error line must match this (it starts with the location, where there is one). */
  error: RegExp;
}

const file = (name: string, text: string | Uint8Array) => writeScenario(dir, name, text);

const cases: Case[] = [
  {
    name: 'a typo in a key',
    args: () => [
      'run',
      file('typo.yaml', `${HEAD}allocation:\n  recurrent: 100\n  grwoth: 2%\nlines: {acute: {category: acute, spend: 60}}\n`),
    ],
    // Line 5 is `grwoth`; the key starts in column 3. The missing `growth` is not reported twice.
    error: /typo\.yaml:5:3: error: unknown key `grwoth`: did you mean `growth`\?$/,
  },
  {
    name: 'a bare number for a rate',
    args: () => [
      'run',
      file('bare-rate.yaml', `${HEAD}allocation: {recurrent: 100, growth: 2.5}\nlines: {acute: {category: acute, spend: 60}}\n`),
    ],
    error: /bare-rate\.yaml:3:38: error: .*`2\.5%`/,
  },
  {
    name: 'a policy naming a line that does not exist',
    args: () => [
      'run',
      file(
        'no-line.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\npolicies:\n  - {type: flat_cash, line: acuet, uplift: 0%}\n`,
      ),
    ],
    error: /no-line\.yaml:6:29: error: no line named `acuet`: did you mean `acute`\?/,
  },
  {
    name: 'a policy without its line',
    args: () => [
      'run',
      file(
        'policy-no-line.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\npolicies:\n  - {type: flat_cash, uplift: 0%}\n`,
      ),
    ],
    error: /policy-no-line\.yaml:6:5: error: missing key `line`/,
  },
  {
    name: 'an extends cycle',
    args: () => {
      file('cycle-a.yaml', 'extends: cycle-b.yaml\nname: A\n');
      file('cycle-b.yaml', 'extends: cycle-a.yaml\nname: B\n');
      return ['run', join(dir, 'cycle-a.yaml')];
    },
    error: /cycle-b\.yaml:1:10: error: extends cycle: .*cycle-a\.yaml → .*cycle-b\.yaml → .*cycle-a\.yaml/,
  },
  {
    name: 'an empty file',
    args: () => ['run', file('empty.yaml', '')],
    error: /empty\.yaml:1:1: error: the file is empty/,
  },
  {
    name: 'a binary file',
    args: () => ['run', file('binary.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]))],
    // The PNG signature 89 50 4e 47 0d 0a 1a 0a holds two newlines: the NUL after it starts line 3.
    error: /binary\.yaml:3:1: error: .*binary/,
  },
  {
    name: 'a YAML alias bomb',
    args: () => {
      const levels = ['a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let i = 1; i < 9; i++) {
        const prev = String.fromCharCode(96 + i);
        const me = String.fromCharCode(97 + i);
        levels.push(`${me}: &${me} [${Array(9).fill(`*${prev}`).join(', ')}]`);
      }
      return ['run', file('bomb.yaml', levels.join('\n') + '\n')];
    },
    error: /bomb\.yaml:\d+:\d+: error: .*alias/,
  },
  {
    name: 'a `__proto__` key at the top',
    args: () => ['run', file('proto-top.yaml', `${HEAD}__proto__: {polluted: true}\nallocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /proto-top\.yaml:3:1: error: `__proto__` cannot be used as a name/,
  },
  {
    name: 'a line called `__proto__` (it must not silently vanish)',
    args: () => ['run', file('proto-line.yaml', `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines:\n  __proto__: {category: acute, spend: 60}\n`)],
    error: /proto-line\.yaml:5:3: error: `__proto__` cannot be used as a name/,
  },
  {
    name: 'a year called `__proto__` in non-recurrent funding',
    args: () => [
      'run',
      file(
        'proto-year.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%, non_recurrent: {2026/27: 5, __proto__: 9}}\nlines: {acute: {category: acute, spend: 60}}\n`,
      ),
    ],
    error: /proto-year\.yaml:3:70: error: `__proto__` cannot be used as a name/,
  },
  {
    name: 'a typo in a nested key',
    args: () => [
      'run',
      file('typo-nested.yaml', `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines:\n  acute: {categroy: acute, spend: 60}\n`),
    ],
    // `  acute: {` is ten characters: the key starts in column 11. The missing `category` is not reported too.
    error: /typo-nested\.yaml:5:11: error: unknown key `categroy`: did you mean `category`\?$/,
  },
  {
    name: 'a fraction for a rate',
    args: () => ['run', file('fraction.yaml', `${HEAD}allocation: {recurrent: 100, growth: 0.025}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /fraction\.yaml:3:38: error: rates are written with a per cent sign: write `2\.5%` \(if 0\.025 is a fraction\) or `0\.025%`$/,
  },
  {
    name: 'a file that extends itself',
    args: () => ['run', file('self.yaml', 'extends: self.yaml\nname: Me\n')],
    error: /self\.yaml:1:10: error: extends cycle: .*self\.yaml → .*self\.yaml$/,
  },
  {
    name: 'a base file that does not exist',
    args: () => ['run', file('orphan.yaml', 'extends: no-such-base.yaml\n')],
    error: /orphan\.yaml:1:10: error: cannot load base file `.*no-such-base\.yaml`: file not found \(extends chain: .*orphan\.yaml → .*no-such-base\.yaml\)$/,
  },
  {
    name: 'a file of only comments',
    args: () => ['run', file('comments.yaml', '# my plan\n\n# to be written\n')],
    error: /comments\.yaml:1:1: error: the file holds only comments/,
  },
  {
    name: 'a duplicate key',
    args: () => ['run', file('dup.yaml', `${HEAD}years: 3\nallocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /dup\.yaml:3:1: error: duplicate key `years`/,
  },
  {
    name: 'a tab-indented file',
    args: () => ['run', file('tab.yaml', `${HEAD}allocation:\n\trecurrent: 100\n\tgrowth: 2%\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /tab\.yaml:4:1: error: a tab is used for indentation: YAML indents with spaces only/,
  },
  {
    name: 'a Windows (CRLF) file with a typo: lines and columns are still right',
    args: () => [
      'run',
      file('crlf.yaml', `${HEAD}allocation: {recurrent: 100, grwoth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`.replace(/\n/g, '\r\n')),
    ],
    // `allocation: {recurrent: 100, ` is 29 characters.
    error: /crlf\.yaml:3:30: error: unknown key `grwoth`: did you mean `growth`\?$/,
  },
  {
    name: 'a file with a UTF-8 byte-order mark and a typo: the mark does not shift the column',
    args: () => ['run', file('bom.yaml', `\uFEFF${HEAD}allocaton: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /bom\.yaml:3:1: error: unknown key `allocaton`: did you mean `allocation`\?$/,
  },
  {
    name: 'a huge number',
    args: () => ['run', file('huge.yaml', `${HEAD}allocation: {recurrent: 1e400, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /huge\.yaml:3:25: error: `1e400` is too large for an amount of money/,
  },
  {
    name: 'a negative spend',
    args: () => ['run', file('negative.yaml', `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: -60}}\n`)],
    // `lines: {acute: {category: acute, spend: ` is 40 characters.
    error: /negative\.yaml:4:41: error: expected an amount of money of zero or more$/,
  },
  {
    name: 'years: 0',
    args: () => ['run', file('years0.yaml', `base_year: 2025/26\nyears: 0\nallocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /years0\.yaml:2:8: error: years is a whole number of projection years from 1 to 15, got `0`$/,
  },
  {
    name: 'years: 50',
    args: () => ['run', file('years50.yaml', `base_year: 2025/26\nyears: 50\nallocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /years50\.yaml:2:8: error: years is a whole number of projection years from 1 to 15, got `50`$/,
  },
  {
    name: 'diversion weights summing to 99.99%',
    args: () => [
      'run',
      file(
        'weights.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}, community: {category: community, spend: 30}}\npolicies:\n  - {type: divert_growth, share: 50%, to: {acute: 59.99%, community: 40%}}\n`,
      ),
    ],
    // `  - {type: divert_growth, share: 50%, to: ` is 42 characters: the map starts in column 43.
    error: /weights\.yaml:6:43: error: the weights must sum to 100%, they sum to 99\.99%$/,
  },
  {
    name: 'growth diverted into a flat-cash line',
    args: () => [
      'run',
      file(
        'divert-flat.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}, community: {category: community, spend: 30}}\npolicies:\n  - {type: flat_cash, line: acute}\n  - {type: divert_growth, share: 50%, to: {acute: 100%}}\n`,
      ),
    ],
    error: /divert-flat\.yaml:7:44: error: line `acute` is held to flat cash: growth cannot be diverted into it$/,
  },
  {
    name: 'growth diverted into a line that does not exist',
    args: () => [
      'run',
      file(
        'divert-none.yaml',
        `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}, community: {category: community, spend: 30}}\npolicies:\n  - {type: divert_growth, share: 50%, to: {comunity: 100%}}\n`,
      ),
    ],
    // At the name (column 44), not at its weight.
    error: /divert-none\.yaml:6:44: error: no line named `comunity`: did you mean `community`\?/,
  },
  {
    name: 'a list where money is expected',
    args: () => ['run', file('list-money.yaml', `${HEAD}allocation: {recurrent: [100], growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /list-money\.yaml:3:25: error: expected an amount of money .*, got a list$/,
  },
  {
    name: 'a line called `constructor` next to one called `__proto__` deep inside a line',
    args: () => [
      'run',
      file('proto-deep.yaml', `${HEAD}allocation: {recurrent: 100, growth: 2%}\nlines:\n  constructor: {category: acute, spend: 60, __proto__: {x: 1}}\n`),
    ],
    // `  constructor: {category: acute, spend: 60, ` is 44 characters; `constructor` itself is a fine name.
    error: /proto-deep\.yaml:5:45: error: `__proto__` cannot be used as a name/,
  },
  {
    name: 'a `constructor` key at the top',
    args: () => ['run', file('constructor.yaml', `${HEAD}constructor: 1\nallocation: {recurrent: 100, growth: 2%}\nlines: {acute: {category: acute, spend: 60}}\n`)],
    error: /constructor\.yaml:3:1: error: unknown key `constructor`/,
  },
  {
    name: 'a missing file',
    args: () => ['run', join(dir, 'no-such-scenario.yaml')],
    error: /no-such-scenario\.yaml: error: file not found/,
  },
  {
    name: 'a folder instead of a file',
    args: () => {
      mkdirSync(join(dir, 'a-folder'), { recursive: true });
      return ['run', join(dir, 'a-folder')];
    },
    error: /a-folder: error: this is a folder/,
  },
  {
    name: 'an unknown --format',
    args: () => ['run', file('ok.yaml', TINY), '--format', 'excel'],
    error: /^error: option .*--format.* argument 'excel' is invalid\. Allowed choices are table, json, csv, md, xlsx\.$/,
  },
  {
    name: 'an unknown command',
    args: () => ['rnu'],
    error: /^error: unknown command 'rnu'/,
  },
];

function expectOneClearError(r: { code: number; stdout: string; stderr: string }, error: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(STACK_FRAME);
  expect(r.stderr).not.toMatch(/internal error/);
  const errors = r.stderr.split('\n').filter((l) => /\berror:/.test(l));
  expect(errors, r.stderr).toHaveLength(1);
  expect(errors[0]).toMatch(error);
}

describe('bad input, as a new user would try it', () => {
  for (const c of cases) {
    it(`${c.name}: one clear message, exit 2`, async () => {
      expectOneClearError(await icbsim(c.args()), c.error);
    });
  }

  it('the alias bomb is refused quickly, not expanded', async () => {
    const start = performance.now();
    await icbsim(cases.find((c) => c.name === 'a YAML alias bomb')!.args());
    // A generous bound: expanding 9^9 values would take minutes and gigabytes.
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('a __proto__ key pollutes nothing', async () => {
    await icbsim(cases.find((c) => c.name === 'a `__proto__` key at the top')!.args());
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('a rules file with `__proto__` or `constructor` at any depth is refused at the key, and pollutes nothing', async () => {
    const plan = file('rules-plan.yaml', TINY);
    const rules = [
      // [rules file text, the location and message expected]
      ['__proto__: {polluted: true}\nchecks: [{name: B, metric: icb_surplus, min: 0, each_year: true}]\n', /:1:1: error: unknown key `__proto__`/],
      ['checks:\n  - {name: B, metric: icb_surplus, min: 0, each_year: true, __proto__: {polluted: true}}\n', /:2:61: error: unknown key `__proto__`/],
      ['checks:\n  - {name: B, metric: icb_surplus, min: {__proto__: 1}, each_year: true}\n', /:2:41: error: expected a limit: money .*, got a map/],
      ['checks:\n  - {name: B, metric: icb_surplus, min: 0, each_year: true, constructor: 1}\n', /:2:61: error: unknown key `constructor`/],
    ] as const;
    for (const [i, [text, error]] of rules.entries()) {
      const r = await icbsim(['check', plan, '--rules', file(`proto-rules-${i}.yaml`, text)]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(error);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('validate reports the same single message for each', async () => {
    for (const c of cases.filter((x) => x.args()[0] === 'run' && !x.args().includes('--format'))) {
      const args = c.args();
      const r = await icbsim(['validate', args[1]!]);
      expect(r.code, c.name).toBe(2);
      expect(r.stdout, c.name).toBe('');
      expect(r.stderr.split('\n').filter((l) => /\berror:/.test(l)), c.name).toHaveLength(1);
    }
  });
});

describe('bad input through the built binary', () => {
  for (const name of ['a binary file', 'a YAML alias bomb', 'a missing file', 'an unknown command', 'an unknown --format']) {
    it(`${name}: exit 2, one message, no stack trace`, () => {
      const c = cases.find((x) => x.name === name)!;
      expectOneClearError(spawnIcbsim(c.args()), c.error);
    });
  }
});

describe('mangled scenario files', () => {
  // Edits a user's slip could make: characters deleted, YAML punctuation typed in, lines swapped.
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 6 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.constantFrom(':', ' ', '-', '%', '{', '}', '[', ']', '&a', '*a', '!!binary', '\n', '\t', '"', "'", '#', '0', '-5', '1e999', '__proto__: 1'),
    }),
  );

  it('every mangled file either runs (exit 0) or is refused with located messages (exit 2), never a crash', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
        let text = dedent(TINY);
        for (const e of edits) {
          const at = e.at % (text.length + 1);
          text = e.kind === 'delete' ? text.slice(0, at) + text.slice(at + e.len) : text.slice(0, at) + e.text + text.slice(at);
        }
        const path = writeScenario(dir, `mangled-${n++}.yaml`, text);
        const r = await icbsim(['run', path, '--format', 'json']);
        expect([0, 2], r.stderr).toContain(r.code);
        expect(r.stderr).not.toMatch(/internal error/);
        expect(r.stderr).not.toMatch(STACK_FRAME);
        if (r.code === 0) expect(JSON.parse(r.stdout)).toHaveProperty('years');
        else {
          expect(r.stdout).toBe('');
          expect(r.stderr).toMatch(/mangled-\d+\.yaml(:\d+:\d+)?: error: /);
        }
      }),
      { numRuns: 200 },
    );
  });
});
