'use strict';
/**
 * string-width as cli-table3 and cli-progress get it inside the bundle (scripts/build-cli.mjs).
 * Text of printable ASCII alone is exactly as wide as it is long, which string-width also finds,
 * but only after stripping ANSI codes and matching its emoji pattern, a very large regular
 * expression whose first use compiles it: about 8 ms of every `icbsim run`. Other text (colour
 * codes, £, wide or combining characters, emoji) goes to string-width itself.
 * tests/package/ascii-string-width.test.ts holds the two to the same answers.
 */
const stringWidth = require('string-width');

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

function asciiStringWidth(text) {
  return typeof text === 'string' && PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text);
}

module.exports = asciiStringWidth;
module.exports.default = asciiStringWidth;
