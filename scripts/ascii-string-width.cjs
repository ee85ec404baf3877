'use strict';
/**
 * string-width as cli-table3 and cli-progress get it inside the bundle (scripts/build-cli.mjs).
 * Text of printable ASCII alone is exactly as wide as it is long, which string-width also finds,
 * but only after stripping ANSI codes and matching its emoji pattern, a very large regular
 * expression whose first use compiles it: about 8 ms of every `icbsim run`. The en dash a table
 * shows for a year with no figure, cli-table3's truncation mark `…` (measured at every draw) and £
 * are one column wide too, so text of those and printable ASCII takes the short cut as well
 * (without them every `icbsim run` still paid for the pattern). Other text (colour codes, wide or
 * combining characters, emoji) goes to string-width itself.
 * tests/package/ascii-string-width.test.ts holds the two to the same answers.
 */
const stringWidth = require('string-width');

const ONE_COLUMN_EACH = /^[\x20-\x7e\u00a3\u2013\u2026]*$/;

function asciiStringWidth(text) {
  return typeof text === 'string' && ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text);
}

module.exports = asciiStringWidth;
module.exports.default = asciiStringWidth;
