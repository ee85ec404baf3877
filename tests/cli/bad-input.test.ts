/**
 * Mistakes a new user makes. Each one's message, exit code and empty stdout are a case folder under
 * tests/cases/bad-input (run against the built binary by tests/cases/bad-input.test.ts); what a
 * folder cannot say is here: that the alias bomb is refused quickly, that `__proto__` pollutes
 * nothing in the process that read it, and that no mangling of a good file crashes the tool.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { words } from '../cases/command-line.js';
import { REPO, STACK_FRAME, TINY, dedent, icbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
const CASES = join(REPO, 'tests', 'cases', 'bad-input');

/** A case folder's first command line, in-process, with its files named by their full paths. */
async function inProcess(name: string) {
  const folder = join(CASES, name);
  const line = readFileSync(join(folder, 'args'), 'utf8').split('\n')[0]!;
  return icbsim(words(line), { cwd: folder });
}

describe('bad input, in the process that reads it', () => {
  it('the alias bomb is refused quickly, not expanded', async () => {
    const start = performance.now();
    const r = await inProcess('yaml-alias-bomb');
    expect(r.code).toBe(2);
    // A generous bound: expanding 9^9 values would take minutes and gigabytes.
    expect(performance.now() - start).toBeLessThan(10_000);
  });

  it('a __proto__ or constructor key, in a scenario or a rules file, pollutes nothing', async () => {
    const named = readdirSync(CASES).filter((n) => /proto|constructor/.test(n));
    expect(named.length).toBeGreaterThanOrEqual(8);
    for (const name of named) {
      const r = await inProcess(name);
      expect(r.code, name).toBe(2);
      expect(r.stderr).not.toMatch(STACK_FRAME);
    }
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });
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
