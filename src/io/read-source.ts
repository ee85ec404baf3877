import { isUtf8 } from 'node:buffer';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { didYouMean } from './diagnostics.js';

const MAX_BYTES = 5 * 1024 * 1024;
/**
 * The yaml package takes tens of seconds and gigabytes on a file of a million tiny values (a 2 MB
 * flow list), long before icbsim sees a node. Lines and commas bound the number of values, and a
 * real scenario has a few hundred of them.
 */
const MAX_SEPARATORS = 50_000;

type Result = { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] };

export function readSourceFile(path: string): Result {
  const fail = (message: string, hint?: string): Result => {
    const d: Diagnostic = { file: path, message };
    if (hint !== undefined) d.hint = hint;
    return { ok: false, diagnostics: [d] };
  };

  let bytes: Buffer;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      return fail('this is a folder, not a scenario file', 'give the path of a .yaml file inside it');
    }
    // A FIFO or device such as /dev/zero could block or never end.
    if (!st.isFile()) return fail('this is not a regular file');
    if (st.size > MAX_BYTES) {
      return fail(`the file is too large (${(st.size / 1024 / 1024).toFixed(1)} MB; the limit is 5 MB)`);
    }
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('file not found', suggestSibling(path));
    if (code === 'EACCES' || code === 'EPERM') return fail('permission denied: cannot read this file');
    return fail(`cannot read the file: ${(err as Error).message}`);
  }
  // The stat-time check can race with a growing file.
  if (bytes.length > MAX_BYTES) return fail('the file is too large (the limit is 5 MB)');

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail('the file is UTF-16 text', 'save it as UTF-8');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    // Point at the first NUL byte, as every other problem points at its place.
    const before = bytes.subarray(0, nul);
    const lineStart = before.lastIndexOf(0x0a) + 1;
    return {
      ok: false,
      diagnostics: [
        {
          file: path,
          line: before.filter((b) => b === 0x0a).length + 1,
          col: nul - lineStart + 1,
          message: 'this looks like a binary file (it contains a NUL byte), not YAML text',
        },
      ],
    };
  }
  // Checked, then decoded, rather than by a TextDecoder that throws on a bad byte: the same
  // answer, at a third of the time a decoder takes to set up and run on a small file.
  if (!isUtf8(bytes)) {
    return fail(
      `the file is not valid UTF-8 text (first bad byte on line ${firstBadLine(bytes)})`,
      'save it as UTF-8; other encodings such as Latin-1 or Windows-1252 are not supported',
    );
  }
  const decoded = bytes.toString('utf8');
  const text = decoded.startsWith('\uFEFF') ? decoded.slice(1) : decoded;
  const crowded = tooManyValues(text);
  if (crowded !== undefined) {
    return {
      ok: false,
      diagnostics: [
        {
          file: path,
          ...crowded,
          message: `by this point the file holds more than ${MAX_SEPARATORS.toLocaleString('en-GB')} lines and list or map entries: far more than any scenario, so it is not read`,
        },
      ],
    };
  }
  return { ok: true, text };
}

/** Where the count of newlines and commas passes the limit, if it does. */
function tooManyValues(text: string): { line: number; col: number } | undefined {
  // Each separator is one character, so a file no longer than the limit cannot pass it: no need for
  // the loop over every character, which is slow at start-up, before the JIT has compiled it.
  if (text.length <= MAX_SEPARATORS) return undefined;
  let count = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && c !== 0x2c) continue;
    if (++count > MAX_SEPARATORS) return { line, col: i - lineStart + 1 };
    if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return undefined;
}

function suggestSibling(path: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(path)).filter((n) => /\.ya?ml$/i.test(n));
  } catch {
    return undefined;
  }
  // `extends: base` for base.yaml: the extension left off is the likeliest slip of all.
  const withExtension = names.find((n) => n === `${basename(path)}.yaml` || n === `${basename(path)}.yml`);
  const guess = withExtension ?? didYouMean(basename(path), names);
  return guess === undefined ? undefined : `did you mean \`${join(dirname(path), guess)}\`?`;
}

// A newline byte never occurs inside a multi-byte UTF-8 sequence, so each line can be checked on
// its own, by the same check that refused the file.
function firstBadLine(bytes: Buffer): number {
  let start = 0;
  for (let line = 1; ; line++) {
    const nl = bytes.indexOf(0x0a, start);
    const end = nl === -1 ? bytes.length : nl;
    if (nl === -1 || !isUtf8(bytes.subarray(start, end))) return line;
    start = nl + 1;
  }
}
