/** A code frame is cut to the terminal's width around the column, however long the line. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnIcbsim, tempDir, writeScenario } from './helpers.js';

const dir = tempDir();
const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `l${from + i}: {category: acute, spend: 1}`).join(', ');
// One line of about 200,000 characters, the mistake (`acut`) in its middle.
const long = writeScenario(
  dir,
  'long.yaml',
  `base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, growth: 2%}\nlines: {${lines(2800)}, zz: {category: acut, spend: 1}, ${lines(2800, 2800)}}\n`,
);

it('the long line is about 200,000 characters', () => {
  expect(readFileSync(long, 'utf8').split('\n')[3]!.length).toBeGreaterThan(190_000);
});

function frame(stderr: string) {
  const [message, source, carets, ...rest] = stderr.trimEnd().split('\n');
  return { message: message!, source: source!, carets: carets!, rest };
}

describe('code frames of a long line', () => {
  it('fit COLUMNS, with the mistake and its carets in view and each cut marked', () => {
    const r = spawnIcbsim(['validate', long], { env: { COLUMNS: '80' } });
    expect(r.code).toBe(2);
    const f = frame(r.stderr);
    expect([...f.source].length).toBeLessThanOrEqual(80);
    expect([...f.carets].length).toBeLessThanOrEqual(80);
    expect(f.source).toMatch(/^ {2}4 \| ….*zz: \{category: acut, spend: 1\}.*…$/);
    // The carets sit under `acut`, exactly.
    const at = f.carets.indexOf('^');
    expect(f.source.slice(at, at + 4)).toBe('acut');
    expect(f.carets.slice(at)).toBe('^^^^');
    // The message keeps the whole location and is not cut.
    expect(f.message).toMatch(/long\.yaml:4:\d{5,6}: error: .*got `acut`: did you mean `acute`\?$/);
  });

  it('into a pipe without COLUMNS, fit 120 columns', () => {
    const f = frame(spawnIcbsim(['run', long]).stderr);
    expect([...f.source].length).toBeLessThanOrEqual(120);
    expect(f.source).toContain('acut');
  });

  it('a short line is shown whole, as before', () => {
    const short = writeScenario(dir, 'short.yaml', 'base_year: 2025/26\nyears: 2\nallocation: {recurrent: 100, growth: 2%}\nlines: {a: {category: acut, spend: 1}}\n');
    expect(frame(spawnIcbsim(['run', short], { env: { COLUMNS: '80' } }).stderr).source).toBe('  4 | lines: {a: {category: acut, spend: 1}}');
  });
});
