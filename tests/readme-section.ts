/** The README, and one of its `<!-- section: NAME -->` parts, for the tests that keep it true. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const README = readFileSync(path.resolve(import.meta.dirname, '..', 'README.md'), 'utf8');

/**
 * The text from a section's marker to the next heading that `endAt` matches: by default the next
 * `##` or `###`, so a command's section stops at the next command.
 */
export function readmeSection(name: string, endAt: RegExp = /\n#{2,3} /): string {
  const start = README.indexOf(`<!-- section: ${name} -->`);
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const rest = README.slice(start);
  const end = rest.search(endAt);
  return end < 0 ? rest : rest.slice(0, end);
}
