/**
 * The bundle's js-yaml (scripts/js-yaml-events.cjs: the event parser alone, js-yaml's unused tags,
 * schemas and dumper left out) reads every text exactly as js-yaml as published does: the same
 * events, the same value for every scalar, or the same error. Every YAML file in the repository and
 * generated texts (plain, quoted, block and flow values, anchors, tags, comments, tabs, broken
 * indentation) are read by both.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import fc from 'fast-check';
import * as published from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REPO } from '../cli/helpers.js';

const require = createRequire(import.meta.url);
const { bundleJsYamlEvents, USED } = require('../../scripts/js-yaml-events.cjs') as {
  bundleJsYamlEvents: (build: typeof esbuild) => Promise<string>;
  USED: string[];
};

const dir = mkdtempSync(join(tmpdir(), 'icbsim-js-yaml-events-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let source: string;
let trimmed: typeof published;
beforeAll(async () => {
  source = await bundleJsYamlEvents(esbuild);
  writeFileSync(join(dir, 'js-yaml-events.cjs'), source);
  trimmed = require(join(dir, 'js-yaml-events.cjs')) as typeof published;
});

/** What a parser makes of a text: its events with each scalar's value, or its error's message. */
function reading(yaml: typeof published, text: string): unknown {
  try {
    return yaml.parseEvents(text, {}).map((e) => (e.type === yaml.EVENT_ID.SCALAR ? { ...e, value: yaml.getScalarValue(text, e) } : e));
  } catch (err) {
    return { error: String((err as Error).message) };
  }
}

function yamlFiles(under: string): string[] {
  return readdirSync(join(REPO, under), { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

describe("the bundle's js-yaml", () => {
  test('is the event parser alone: the five names fast-yaml.ts uses, without the tags, schemas and dumper', () => {
    expect(Object.keys(trimmed).sort()).toEqual([...USED].sort());
    for (const name of USED) expect(trimmed[name as keyof typeof published]).toBeDefined();
    expect(source).toContain('function parseEvents(');
    expect(source).not.toContain('tag:yaml.org,2002:timestamp');
    expect(source).not.toContain('DUMP_SCHEMA');
    expect(source).not.toContain('function dump(');
    expect(source).toContain('js-yaml 5.5.0');
  });

  test('reads every YAML file in the repository as js-yaml as published does', () => {
    const files = [...yamlFiles('scenarios'), ...yamlFiles('tests')];
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      expect(reading(trimmed, text), file).toEqual(reading(published, text));
    }
  });

  test('reads generated texts, good and broken, as js-yaml as published does', () => {
    const piece = fc.constantFrom(
      'a', 'key', ': ', ':', '- ', '-', '? ', '\n', '\n  ', '\n    ', '\r\n', ' ', '\t', '#c', ' # c', '"q"', '"a\\nb"', "'s'", "'it''s'",
      '[', ']', '{', '}', ', ', '&x ', '*x', '!!str ', '!t ', '|\n  x', '>-\n  y\n  z', '12', '2.5%', '0.10', '~', 'null', 'true',
      '---\n', '...\n', '%YAML 1.2\n', '£', '\ufeff', '"', "'", '\\',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        expect(reading(trimmed, text)).toEqual(reading(published, text));
      }),
      { numRuns: 400 },
    );
  });
});
