import fc from 'fast-check';
import { describe, it, expect, beforeEach } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSourceFile } from '../../src/io/read-source.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icbsim-read-'));
});

function failure(path: string) {
  const r = readSourceFile(path);
  if (r.ok) throw new Error('expected failure');
  expect(r.diagnostics).toHaveLength(1);
  return r.diagnostics[0]!;
}

describe('readSourceFile', () => {
  it('reads UTF-8 text and strips a byte-order mark', () => {
    writeFileSync(join(dir, 'a.yaml'), 'name: café\n');
    expect(readSourceFile(join(dir, 'a.yaml'))).toEqual({ ok: true, text: 'name: café\n' });
    writeFileSync(join(dir, 'bom.yaml'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a: 1\n')]));
    expect(readSourceFile(join(dir, 'bom.yaml'))).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('reports a missing file with a suggestion from sibling YAML files', () => {
    writeFileSync(join(dir, 'baseline.yaml'), 'a: 1\n');
    writeFileSync(join(dir, 'other.yml'), 'a: 1\n');
    writeFileSync(join(dir, 'baseline.txt'), 'a: 1\n');
    const path = join(dir, 'basline.yaml');
    expect(failure(path)).toEqual({
      file: path,
      message: 'file not found',
      hint: `did you mean \`${join(dir, 'baseline.yaml')}\`?`,
    });
    expect(failure(join(dir, 'zzz.yaml'))).toEqual({ file: join(dir, 'zzz.yaml'), message: 'file not found' });
    // The extension left off: `baseline` is too far from `baseline.yaml` for a spelling guess.
    expect(failure(join(dir, 'baseline')).hint).toBe(`did you mean \`${join(dir, 'baseline.yaml')}\`?`);
    expect(failure(join(dir, 'other')).hint).toBe(`did you mean \`${join(dir, 'other.yml')}\`?`);
    expect(failure(join(dir, 'no-such-dir', 'a.yaml')).message).toBe('file not found');
  });

  it('reports a directory', () => {
    mkdirSync(join(dir, 'sub.yaml'));
    expect(failure(join(dir, 'sub.yaml')).message).toBe('this is a folder, not a scenario file');
  });

  it.runIf(process.platform !== 'win32')('refuses devices such as /dev/zero', () => {
    expect(failure('/dev/zero').message).toBe('this is not a regular file');
  });

  it('reports a file over 5 MB', () => {
    const path = join(dir, 'big.yaml');
    writeFileSync(path, Buffer.alloc(5 * 1024 * 1024 + 1, 0x20));
    expect(failure(path).message).toBe('the file is too large (5.0 MB; the limit is 5 MB)');
    writeFileSync(path, Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(readSourceFile(path).ok).toBe(true);
  });

  it('refuses a file of more than 50,000 lines and commas, at the place it passes the limit', () => {
    const path = join(dir, 'crowded.yaml');
    // Separator 1 is line 1's newline; on line 2, `x: [` is 4 characters and the k-th comma sits at
    // column 4 + 2k. Separator 50,001 is comma 50,000: column 4 + 100,000 = 100,004.
    writeFileSync(path, 'a: 1\nx: [' + '1,'.repeat(60_000) + '1]\n');
    expect(failure(path)).toEqual({
      file: path,
      line: 2,
      col: 100_004,
      message: 'by this point the file holds more than 50,000 lines and list or map entries: far more than any scenario, so it is not read',
    });
    // Exactly 50,000 separators: two newlines and 49,998 commas. Allowed.
    writeFileSync(path, 'a: 1\nx: [' + '1,'.repeat(49_998) + '1]\n');
    expect(readSourceFile(path).ok).toBe(true);
  });

  it('reports binary files', () => {
    const path = join(dir, 'bin.yaml');
    writeFileSync(path, Buffer.from([0x61, 0x3a, 0x20, 0x00, 0x01, 0x0a]));
    // `a: ` then NUL: line 1, column 4.
    expect(failure(path)).toEqual({
      file: path,
      line: 1,
      col: 4,
      message: 'this looks like a binary file (it contains a NUL byte), not YAML text',
    });
    // The first NUL is on line 3 after two characters.
    writeFileSync(path, Buffer.from('a: 1\nb: 2\nxy\u0000z\n'));
    expect(failure(path)).toMatchObject({ line: 3, col: 3 });
  });

  it('reports invalid UTF-8 with the line of the first bad byte', () => {
    const path = join(dir, 'latin1.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from('a: 1\nb: caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(failure(path)).toEqual({
      file: path,
      message: 'the file is not valid UTF-8 text (first bad byte on line 2)',
      hint: 'save it as UTF-8; other encodings such as Latin-1 or Windows-1252 are not supported',
    });
  });

  it('reads any bytes as a strict UTF-8 decoder does: its text, or refused where it throws', () => {
    // Overlong forms, surrogates (ED A0..BF), code points past U+10FFFF, truncated and stray
    // continuation bytes among valid ones of every length, and a byte-order mark.
    const unit = fc.oneof(
      fc.constantFrom([0x61], [0x0a], [0xc2, 0xa3], [0xe2, 0x80, 0x94], [0xf0, 0x9f, 0x91, 0x8d], [0xef, 0xbb, 0xbf]),
      fc.constantFrom([0xc0, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x80], [0x80], [0xff], [0xf8, 0x88, 0x80, 0x80, 0x80]),
      fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 1, maxLength: 4 }),
    );
    const path = join(dir, 'bytes.yaml');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (units) => {
        const bytes = Buffer.from(units.flat());
        fc.pre(!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff));
        writeFileSync(path, bytes);
        let expected: string | undefined;
        try {
          expected = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
        } catch {
          expected = undefined;
        }
        const r = readSourceFile(path);
        if (expected === undefined) expect(r.ok ? r.text : r.diagnostics[0]!.message).toMatch(/^the file is not valid UTF-8 text/);
        else expect(r).toEqual({ ok: true, text: expected.startsWith('\uFEFF') ? expected.slice(1) : expected });
      }),
      { numRuns: 300 },
    );
  });

  it('recognises UTF-16', () => {
    const path = join(dir, 'utf16.yaml');
    writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a: 1\n', 'utf16le')]));
    expect(failure(path)).toMatchObject({ message: 'the file is UTF-16 text', hint: 'save it as UTF-8' });
  });
});
