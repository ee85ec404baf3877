/**
 * The bundle's string-width (scripts/ascii-string-width.cjs, used by cli-table3 and cli-progress in
 * dist/bundle) answers what string-width does for every text: its short cut for printable ASCII
 * must never change a table's layout.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
type Width = (text: unknown) => number;
const asciiStringWidth = require('../../scripts/ascii-string-width.cjs') as Width;
// The package cli-table3 and cli-progress depend on, from the same place the bundle finds it.
const stringWidth = require(require.resolve('string-width', { paths: [require.resolve('cli-table3')] })) as Width;

describe("the bundle's string-width", () => {
  test('gives each printable ASCII character, and nothing, the width string-width gives', () => {
    for (let c = 0x20; c <= 0x7e; c++) expect(asciiStringWidth(String.fromCharCode(c))).toBe(stringWidth(String.fromCharCode(c)));
    expect(asciiStringWidth('')).toBe(0);
    expect(asciiStringWidth('  Mental health (MHIS)   -12.5')).toBe(30);
  });

  test('gives the en dash, the ellipsis and £, which it also counts by length, the width string-width gives', () => {
    for (const text of ['–', '…', '£', '£m', 'Acute…', '      –', '(money in £m) – 2.80%']) expect(asciiStringWidth(text)).toBe(stringWidth(text));
    expect(asciiStringWidth('  – £12.0')).toBe(9);
  });

  test('agrees with string-width on any text: ASCII, colour codes, £, wide characters, emoji, controls', () => {
    const pieces = fc.constantFrom('a', ' ', '9', '£', '–', '…', '\x1b[1m', '\x1b[22m', '\x1b[31m', '中', 'é', 'e\u0301', '👍', '👨‍👩‍👧', '\t', '\n', '\u200b', '\ufe0f', '#\ufe0f\u20e3');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.array(pieces).map((p) => p.join(''))), (text) => {
        expect(asciiStringWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
  });

  test('hands anything but a string to string-width', () => {
    for (const v of [undefined, null, 42]) expect(asciiStringWidth(v)).toBe(stringWidth(v));
  });
});
