/**
 * The bundle's cli-table3 (patched by scripts/cli-table3-patches.cjs as scripts/build-cli.mjs bundles
 * it) draws every table exactly as cli-table3 as published does: random tables with gaps, row and
 * column spans, colour codes, line breaks, wide characters, wrapping, fixed widths, truncation,
 * per-cell options and debug messages, drawn by both, must give the same text (or the same error).
 * And every patch still finds the text it replaces in the installed cli-table3.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const require = createRequire(import.meta.url);
interface Patch {
  file: string;
  why: string;
  from: string;
  to: string;
}
const { PATCHES, PATCHED_FILES, patchSource, cliTable3Patches } = require('../../scripts/cli-table3-patches.cjs') as {
  PATCHES: Patch[];
  PATCHED_FILES: string[];
  patchSource: (file: string, source: string) => string;
  cliTable3Patches: Plugin;
};
const SRC = join(dirname(require.resolve('cli-table3/package.json')), 'src');

interface TableInstance {
  push(...rows: unknown[]): number;
  toString(): string;
  messages?: string[];
}
type TableClass = { new (options?: unknown): TableInstance; reset(): void };

const dir = mkdtempSync(join(tmpdir(), 'icbsim-cli-table3-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** cli-table3 bundled on its own, with or without the patches, loaded as a module of its own. */
async function bundled(name: string, plugins: Plugin[]): Promise<TableClass> {
  const out = await build({ entryPoints: [require.resolve('cli-table3')], bundle: true, format: 'cjs', platform: 'node', write: false, plugins, logLevel: 'silent' });
  const file = join(dir, `${name}.cjs`);
  writeFileSync(file, out.outputFiles[0]!.text);
  return require(file) as TableClass;
}

let Published: TableClass;
let Patched: TableClass;
beforeAll(async () => {
  Published = await bundled('published', []);
  Patched = await bundled('patched', [cliTable3Patches]);
});

describe("the bundle's patches to cli-table3", () => {
  test('each still finds, exactly once, the text it replaces in the installed cli-table3', () => {
    for (const file of PATCHED_FILES) {
      const source = readFileSync(join(SRC, file), 'utf8');
      const patched = patchSource(file, source);
      for (const p of PATCHES.filter((q) => q.file === file)) {
        expect(source.split(p.from), p.why).toHaveLength(2);
        expect(patched).toContain(p.to);
      }
    }
    expect(() => patchSource('cell.js', 'module.exports = {};')).toThrow(/no longer has the text/);
  });

  test('the patched bundle really is patched (so the comparison below compares something)', async () => {
    const out = await build({ entryPoints: [require.resolve('cli-table3')], bundle: true, format: 'cjs', platform: 'node', write: false, plugins: [cliTable3Patches], logLevel: 'silent' });
    expect(out.outputFiles[0]!.text).toContain('everyRowFull');
  });

  const piece = fc.constantFrom('a', 'word', ' ', '  ', '12.5', '-3', '–', '£', '…', 'é', 'e\u0301', '中文', '👍', '\n', '\x1b[31m', '\x1b[39m', '\x1b[1m', '\x1b[22m', '\x1b[2m', '\x1b[0m', '\x1b[44m', 'Non-recurrent funding');
  const text = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
  const span = fc.constantFrom(undefined, 1, 1, 1, 2, 3);
  const cell = fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 1, arbitrary: fc.constantFrom(0, 42, -1.5, true, null, undefined) },
    {
      weight: 3,
      arbitrary: fc.record(
        {
          content: text,
          colSpan: span,
          rowSpan: span,
          hAlign: fc.constantFrom('left', 'center', 'right'),
          vAlign: fc.constantFrom('top', 'center', 'bottom'),
          truncate: fc.constantFrom('…', '>'),
          chars: fc.record({ left: fc.constantFrom('|', '║'), 'top-mid': fc.constant('+'), midMid: fc.constant('#') }, { requiredKeys: [] }),
          style: fc.record({ 'padding-left': fc.integer({ min: 0, max: 2 }), paddingRight: fc.integer({ min: 0, max: 2 }), head: fc.constant([]) }, { requiredKeys: [] }),
        },
        { requiredKeys: ['content'] },
      ),
    },
  );
  const rows = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 6 });
  const options = fc.record(
    {
      head: fc.array(text, { maxLength: 5 }),
      colAligns: fc.array(fc.constantFrom('left', 'center', 'right'), { maxLength: 5 }),
      rowAligns: fc.array(fc.constantFrom('top', 'center', 'bottom'), { maxLength: 5 }),
      // Wider than the padding: a column narrower than its padding makes cli-table3's wrapping loop forever.
      colWidths: fc.array(fc.option(fc.integer({ min: 5, max: 16 })), { maxLength: 5 }),
      rowHeights: fc.array(fc.option(fc.integer({ min: 1, max: 3 })), { maxLength: 4 }),
      wordWrap: fc.boolean(),
      wrapOnWordBoundary: fc.boolean(),
      truncate: fc.constantFrom('…', '~', ''),
      chars: fc.record({ top: fc.constant('='), 'top-left': fc.constant('╔'), middle: fc.constant(' '), right: fc.constant('') }, { requiredKeys: [] }),
      style: fc.record(
        {
          'padding-left': fc.integer({ min: 0, max: 2 }),
          'padding-right': fc.integer({ min: 0, max: 2 }),
          head: fc.constantFrom([], ['red'], ['bold', 'cyan']),
          border: fc.constantFrom([], ['grey']),
          compact: fc.boolean(),
        },
        { requiredKeys: [] },
      ),
      debug: fc.constantFrom(1, 2, 3, true),
    },
    { requiredKeys: [] },
  );

  /** What a table built from `rows` and `opts` draws with `Table`, or the error it throws; and its debug messages. */
  function draw(Table: TableClass, opts: object, body: unknown[][]): { text?: string; error?: string; messages?: string[] } {
    Table.reset();
    try {
      const table = new Table(structuredClone(opts));
      table.push(...structuredClone(body));
      return { text: table.toString(), messages: table.messages };
    } catch (err) {
      return { error: String(err) };
    }
  }

  /**
   * A table's cells span columns or rows, not both: where a row span and a column span overlap,
   * cli-table3 as published loops forever drawing the blank lines beside them.
   */
  const spanning = (mode: 'columns' | 'rows', body: unknown[][]) =>
    body.map((r) => r.map((c) => (c !== null && typeof c === 'object' ? { ...c, ...(mode === 'columns' ? { rowSpan: 1 } : { colSpan: 1 }) } : c)));

  test('draw random tables exactly as cli-table3 as published does', () => {
    fc.assert(
      fc.property(options, rows, fc.constantFrom('columns' as const, 'rows' as const), (opts, cells, mode) => {
        const body = spanning(mode, cells);
        expect(draw(Patched, opts, body)).toEqual(draw(Published, opts, body));
      }),
      { numRuns: 1500 },
    );
  });

  test('draw the tables icbsim draws (compact, no colour styles, spanning sub-headers, colour in cells) alike', () => {
    const style = { head: [], border: [], compact: true };
    const head = fc.array(text, { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(head, fc.array(fc.oneof(fc.array(text, { maxLength: 6 }), text.map((t) => [{ content: t, colSpan: 99 }])), { maxLength: 12 }), (h, body) => {
        const width = h.length;
        const full = body.map((r) => (r.length === 1 && typeof r[0] === 'object' ? [{ content: (r[0] as { content: string }).content, colSpan: width }] : [...r, ...h].slice(0, width)));
        const opts = { head: h, colAligns: ['left', ...h.slice(1).map(() => 'right')], style };
        const published = draw(Published, opts, full);
        expect(published.error).toBeUndefined();
        expect(draw(Patched, opts, full)).toEqual(published);
      }),
      { numRuns: 500 },
    );
  });
});
