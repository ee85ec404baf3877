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
