import { describe, it, expect } from 'vitest';
import { didYouMean, diagnosticFromLoc, formatDiagnostic } from '../../src/io/diagnostics.js';

const src = new Map([
  ['scenarios/x.yaml', 'lines:\n  - name: acute\n    grwoth: 2.5%\n'],
  ['tabs.yaml', 'a:\t"b c"\r\nnext: 1\r\n'],
]);

describe('formatDiagnostic', () => {
  it('prints the location, the source line and carets under the token', () => {
    const d = diagnosticFromLoc(
      { file: 'scenarios/x.yaml', line: 3, col: 5 },
      'unknown key `grwoth`: did you mean `growth`?',
      'keys are case-sensitive',
    );
    expect(formatDiagnostic(d, src, { color: false })).toBe(
      [
        'scenarios/x.yaml:3:5: error: unknown key `grwoth`: did you mean `growth`?',
        '  3 |     grwoth: 2.5%',
        '    |     ^^^^^^',
        '  hint: keys are case-sensitive',
      ].join('\n'),
    );
  });

  it('pads the gutter to the width of the line number', () => {
    const text = Array.from({ length: 11 }, (_, i) => `k${i}: v`).join('\n');
    const out = formatDiagnostic({ file: 'f', line: 11, col: 6, message: 'm' }, new Map([['f', text]]), {
      color: false,
    });
    expect(out).toBe('f:11:6: error: m\n  11 | k10: v\n     |      ^');
  });

  it('prints file-only diagnostics and skips frames it cannot show', () => {
    expect(formatDiagnostic({ file: 'a.yaml', message: 'file not found', hint: 'did you mean `b.yaml`?' }, src, { color: false }))
      .toBe('a.yaml: error: file not found\n  hint: did you mean `b.yaml`?');
    expect(formatDiagnostic({ file: 'unknown.yaml', line: 2, col: 1, message: 'm' }, src, { color: false }))
      .toBe('unknown.yaml:2:1: error: m');
    expect(formatDiagnostic({ file: 'scenarios/x.yaml', line: 99, col: 1, message: 'm' }, src, { color: false }))
      .toBe('scenarios/x.yaml:99:1: error: m');
    expect(formatDiagnostic({ file: 'scenarios/x.yaml', line: 2, message: 'm' }, src, { color: false }))
      .toBe('scenarios/x.yaml:2: error: m\n  2 |   - name: acute');
  });

  it('puts one caret at a colon, past the end of a line, and keeps tabs aligned', () => {
    expect(formatDiagnostic({ file: 'scenarios/x.yaml', line: 3, col: 11, message: 'm' }, src, { color: false }))
      .toBe('scenarios/x.yaml:3:11: error: m\n  3 |     grwoth: 2.5%\n    |           ^');
    expect(formatDiagnostic({ file: 'scenarios/x.yaml', line: 3, col: 17, message: 'm' }, src, { color: false }))
      .toBe('scenarios/x.yaml:3:17: error: m\n  3 |     grwoth: 2.5%\n    |                 ^');
    expect(formatDiagnostic({ file: 'tabs.yaml', line: 1, col: 4, message: 'm' }, src, { color: false }))
      .toBe('tabs.yaml:1:4: error: m\n  1 | a:\t"b c"\n    |   \t^^^^^');
  });

  it('underlines a value inside a flow map or list without its punctuation, and a quoted value whole', () => {
    const flow = new Map([['f.yaml', '  - {type: flat_cash, line: acut, uplift: 0%}\nto: {comunity: 100%}}\nx: [*d,*d]\nn: "a, b" # c\n']]);
    const caretLine = (line: number, col: number) =>
      formatDiagnostic({ file: 'f.yaml', line, col, message: 'm' }, flow, { color: false }).split('\n')[2];
    // `acut` starts in column 29 and is four characters long: not `acut,`.
    expect(caretLine(1, 29)).toBe('    |                             ^^^^');
    // `100%` (column 16), not `100%}}`.
    expect(caretLine(2, 16)).toBe('    |                ^^^^');
    // One alias (column 5), not the whole list.
    expect(caretLine(3, 5)).toBe('    |     ^^');
    // A quoted string (column 4) keeps its comma and space: `"a, b"` is six characters.
    expect(caretLine(4, 4)).toBe('    |    ^^^^^^');
    // At the `{` of a map: one caret.
    expect(caretLine(2, 5)).toBe('    |     ^');
  });

  it('shows the right line when problems alternate between files (each file is split into lines once)', () => {
    const two = new Map([
      ['a.yaml', 'a1: 1\na2: 2\n'],
      ['b.yaml', 'b1: 1\nb2: 2\n'],
    ]);
    const shown = (file: string, line: number) => formatDiagnostic({ file, line, col: 1, message: 'm' }, two, { color: false }).split('\n')[1];
    expect([shown('a.yaml', 2), shown('b.yaml', 1), shown('a.yaml', 1), shown('b.yaml', 2)]).toEqual([
      '  2 | a2: 2',
      '  1 | b1: 1',
      '  1 | a1: 1',
      '  2 | b2: 2',
    ]);
  });

  it('underlines a block value whole, commas and brackets included', () => {
    const block = new Map([['b.yaml', 'recurrent: 2,000\nname: a, b} c\n']]);
    const caretLine = (line: number, col: number) =>
      formatDiagnostic({ file: 'b.yaml', line, col, message: 'm' }, block, { color: false }).split('\n')[2];
    // `2,000` (column 12) is one value outside a flow map: five carets.
    expect(caretLine(1, 12)).toBe('    |            ^^^^^');
    expect(caretLine(2, 7)).toBe('    |       ^^');
    expect(caretLine(2, 10)).toBe('    |          ^^');
  });

  it('colours the location, the error label and the carets when asked', () => {
    const out = formatDiagnostic({ file: 'scenarios/x.yaml', line: 3, col: 5, message: 'm', hint: 'h' }, src, {
      color: true,
    });
    expect(out).toBe(
      '\x1b[1mscenarios/x.yaml:3:5:\x1b[22m \x1b[1m\x1b[31merror:\x1b[39m\x1b[22m m\n' +
        '  3 |     grwoth: 2.5%\n' +
        '    |     \x1b[31m^^^^^^\x1b[39m\n' +
        '  \x1b[1mhint:\x1b[22m h',
    );
    expect(formatDiagnostic({ file: 'a', message: 'm' }, src, { color: false })).not.toContain('\x1b');
  });
});

describe('diagnosticFromLoc', () => {
  it('copies the location and leaves out a missing hint', () => {
    expect(diagnosticFromLoc({ file: 'a', line: 1, col: 2 }, 'm')).toEqual({ file: 'a', line: 1, col: 2, message: 'm' });
    expect('hint' in diagnosticFromLoc({ file: 'a', line: 1, col: 2 }, 'm')).toBe(false);
  });
});

describe('didYouMean', () => {
  const keys = ['growth', 'base_year', 'years', 'allocation', 'lines', 'name'];

  it('suggests close matches, including transpositions', () => {
    expect(didYouMean('grwoth', keys)).toBe('growth');
    expect(didYouMean('grwth', keys)).toBe('growth');
    expect(didYouMean('base_yaer', keys)).toBe('base_year');
    expect(didYouMean('allocaton', keys)).toBe('allocation');
    expect(didYouMean('line', keys)).toBe('lines');
  });

  it('suggests case-only differences, even for long words', () => {
    expect(didYouMean('BASE_YEAR', keys)).toBe('base_year');
    expect(didYouMean('Lines', keys)).toBe('lines');
  });

  it('suggests nothing for distant words or an exact match', () => {
    expect(didYouMean('budget', keys)).toBeUndefined();
    expect(didYouMean('xy', keys)).toBeUndefined();
    expect(didYouMean('growth', keys)).toBeUndefined();
    expect(didYouMean('anything', [])).toBeUndefined();
  });

  it('uses the length threshold max(1, floor(len/3))', () => {
    // "nmae" is a transposition of "name": distance 1, limit 1.
    expect(didYouMean('nmae', keys)).toBe('name');
    // "naaxe" is distance 2 from "name"; limit for 5 letters is 1.
    expect(didYouMean('naaxe', keys)).toBeUndefined();
    // 6 letters: limit 2.
    expect(didYouMean('gowtth', keys)).toBe('growth');
  });

  it('prefers the closest candidate, then the first listed', () => {
    expect(didYouMean('yearz', keys)).toBe('years');
    expect(didYouMean('ab', ['ac', 'ad'])).toBe('ac');
  });
});
