/**
 * The package's own scenario files come parsed with the build (src/io/package-trees.ts,
 * scripts/package-trees.mjs): a prepared tree must be exactly the tree parsing the file gives, to
 * the line and column of every key and value, and be used only for the file it was made from,
 * unchanged. Run after `npm run build` (`npm test` does it), which writes the table.
 */
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlTree } from '../../src/io/load-yaml.js';
import { PACKAGE_SCENARIOS } from '../../src/io/package-files.js';
import { PACKAGE_TREES_FILE, packageTree, type PackageTrees } from '../../src/io/package-trees.js';
import { icbsim, REPO, spawnIcbsim, tempDir, writeScenario } from '../cli/helpers.js';

const SCENARIOS = join(REPO, 'scenarios');
const files = readdirSync(SCENARIOS, { recursive: true, withFileTypes: true })
  .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
  .map((d) => relative(SCENARIOS, join(d.parentPath, d.name)).split(sep).join('/'))
  .sort();
const abs = (rel: string) => join(SCENARIOS, ...rel.split('/'));
const text = (rel: string) => readFileSync(abs(rel), 'utf8');

describe('the prepared trees of the package files', () => {
  it('are made for every YAML file the package ships', () => {
    expect(PACKAGE_SCENARIOS).toBe(SCENARIOS + sep);
    expect(files).toContain('base.yaml');
    expect(files).toContain('national/planning-2025-26.yaml');
    expect(files.length).toBeGreaterThan(50);
    const table = createRequire(import.meta.url)(PACKAGE_TREES_FILE) as PackageTrees;
    expect(Object.keys(table).sort()).toEqual(files);
  });

  it('are, for every package file and whatever name it is shown under, the tree parsing gives', () => {
    for (const rel of files) {
      for (const shownAs of [`scenarios/${rel}`, abs(rel), rel]) {
        const parsed = parseYamlTree(text(rel), shownAs);
        if (!parsed.ok) throw new Error(`${rel} does not parse`);
        const prepared = packageTree(abs(rel), text(rel), shownAs);
        expect(prepared, rel).toBeDefined();
        expect(prepared, rel).toStrictEqual(parsed.tree);
      }
    }
  });

  it('are used only for the unchanged file: any other text, or the same text elsewhere, is parsed', () => {
    const base = text('base.yaml');
    expect(packageTree(abs('base.yaml'), base, 'base.yaml')).toBeDefined();
    expect(packageTree(abs('base.yaml'), `${base} `, 'base.yaml')).toBeUndefined();
    expect(packageTree(abs('base.yaml'), base.slice(0, -1), 'base.yaml')).toBeUndefined();
    // The same length, one character different: nothing but the whole text decides.
    expect(packageTree(abs('base.yaml'), base.replace('years: 5', 'years: 6'), 'base.yaml')).toBeUndefined();
    expect(packageTree(abs('default.yaml'), base, 'default.yaml')).toBeUndefined();
    expect(packageTree(join(tempDir('icbsim-trees-'), 'base.yaml'), base, 'base.yaml')).toBeUndefined();
    expect(packageTree(abs('no-such-file.yaml'), base, 'no-such-file.yaml')).toBeUndefined();
  });

  it('place a problem in a value a plan inherits from a package file at that file, line and column', async () => {
    // base.yaml's non_recurrent money is for 2025/26 (line 18) and 2026/27 (line 19), both before
    // a plan that starts in 2027/28: each key is reported where base.yaml writes it.
    const dir = tempDir('icbsim-trees-inherited-');
    const plan = writeScenario(dir, 'plan.yaml', 'extends: icbsim:base.yaml\nbase_year: 2027/28\n');
    const expected = [
      'scenarios/base.yaml:18:5: error: 2025/26 is outside the period 2027/28 to 2032/33',
      '  18 |     2025/26: 12            # in-year support (e.g. deficit support) in the base year',
      '     |     ^^^^^^^',
      'scenarios/base.yaml:19:5: error: 2026/27 is outside the period 2027/28 to 2032/33',
      '  19 |     2026/27: 8             # a smaller one-off sum the year after',
      '     |     ^^^^^^^',
    ].join('\n');
    const inProcess = await icbsim(['validate', plan], { cwd: REPO });
    expect(inProcess.code).toBe(2);
    expect(inProcess.stderr).toContain(expected);
    // The built command (whose table is inside the bundle) says the same, byte for byte, and so
    // does a copy of base.yaml outside the package, which is parsed, save for the file's name.
    const built = spawnIcbsim(['validate', plan], { cwd: REPO });
    expect(built.code).toBe(2);
    expect(built.stderr).toBe(inProcess.stderr);
    copyFileSync(abs('base.yaml'), join(dir, 'base.yaml'));
    const copied = writeScenario(dir, 'copied.yaml', 'extends: base.yaml\nbase_year: 2027/28\n');
    const parsed = spawnIcbsim(['validate', 'copied.yaml'], { cwd: dir });
    expect(parsed.code).toBe(2);
    expect(parsed.stderr.replaceAll('copied.yaml', 'plan.yaml')).toBe(built.stderr.replaceAll('scenarios/base.yaml', 'base.yaml').replaceAll(plan, 'plan.yaml'));
  });

  it('are built into the bundle, all but the ICB presets and the CI workflow', () => {
    const inBundle = createRequire(import.meta.url)(join(REPO, 'dist', 'bundle-package-trees.cjs')) as PackageTrees;
    expect(Object.keys(inBundle).sort()).toEqual(files.filter((f) => !f.startsWith('presets/') && !f.startsWith('ci/')));
    expect(Object.keys(inBundle)).toContain('rules/breakeven.yaml');
    const bundle = readFileSync(join(REPO, 'dist', 'bundle', 'icbsim.cjs'), 'latin1');
    expect(bundle).toContain('"national/planning-2025-26.yaml":');
    expect(bundle).not.toContain('"presets/');
  });
});
