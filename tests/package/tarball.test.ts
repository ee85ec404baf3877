/**
 * The package as a user gets it: `npm pack`'s tarball installed into an empty folder, with no source
 * tree beside it, holds what the build made and runs `npx icbsim` run, init, check and report.
 * Dependencies come from npm's cache (filled by the clean install before the tests) or the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PackageTrees } from '../../src/io/package-trees.js';
import { REPO, tempDir } from '../cli/helpers.js';
import { readWorkbook } from '../xlsx/read-workbook.js';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const NPX = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const home = tempDir('icbsim-tarball-');
const app = join(home, 'app');
let tarball = '';

function npx(args: string[]) {
  const r = spawnSync(NPX, ['--no-install', 'icbsim', ...args], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 60_000 });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const out = execFileSync(NPM, ['pack', '--pack-destination', home, '--silent'], { cwd: REPO, encoding: 'utf8' });
  tarball = join(home, out.trim().split('\n').at(-1)!);
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'tarball-check', private: true }));
  execFileSync(NPM, ['install', tarball, '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', '--silent'], { cwd: app, encoding: 'utf8', timeout: 240_000 });
}, 300_000);

describe('the npm pack tarball, installed into an empty folder', () => {
  it('holds the built program and shipped files, not the source tree', () => {
    const pkg = join(app, 'node_modules', 'icbsim');
    const top = readdirSync(pkg).sort();
    expect(top).toEqual(expect.arrayContaining(['bin', 'dist', 'package.json', 'scenarios', 'schema']));
    expect(top).not.toContain('src');
    expect(top).not.toContain('tests');
    expect(existsSync(join(pkg, 'scenarios', 'national', 'planning-2025-26.yaml'))).toBe(true);
  });

  it("holds the bundle with a code cache V8 takes, and every shipped scenario file's prepared tree", () => {
    const pkg = join(app, 'node_modules', 'icbsim');
    // bin/bundle.cjs passes the cache on only if it names this bundle's build; V8 then takes it or
    // says it rejected it (cachedDataRejected is undefined when no cache is given).
    const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('./bin/bundle.cjs').loadBundle().script.cachedDataRejected))"], {
      cwd: pkg,
      encoding: 'utf8',
    });
    expect(r.stdout, r.stderr).toBe('false');
    // The batch workers' table (src/io/package-trees.ts), which uses a tree only for a file whose
    // text is exactly the text it was made from: one for every YAML file installed, with its text.
    const scenarios = join(pkg, 'scenarios');
    const files = readdirSync(scenarios, { recursive: true, withFileTypes: true })
      .filter((d) => d.isFile() && /\.ya?ml$/i.test(d.name))
      .map((d) => relative(scenarios, join(d.parentPath, d.name)).split(sep).join('/'))
      .sort();
    expect(files).toContain('national/planning-2025-26.yaml');
    const table = createRequire(import.meta.url)(join(pkg, 'dist', 'package-trees.cjs')) as PackageTrees;
    expect(Object.keys(table).sort()).toEqual(files);
    for (const rel of files) expect(table[rel]!()[0], rel).toBe(readFileSync(join(scenarios, ...rel.split('/')), 'utf8'));
  });

  it('runs the default scenario', () => {
    const r = npx(['run', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).scenario).toBe('Example ICB - balanced plan');
  });

  it('init writes a plan that extends the package, and check and report take it', () => {
    const init = npx(['init', '--icb', 'QUE', 'cp.yaml']);
    expect(init.code, init.stderr).toBe(0);
    expect(readFileSync(join(app, 'cp.yaml'), 'utf8')).toMatch(/^extends: "icbsim:national\/planning-2025-26\.yaml"$/m);
    const check = npx(['check', 'cp.yaml']);
    // 0 or 1: the plan's own rules may pass or fail; anything else is a broken install.
    expect([0, 1], check.stderr).toContain(check.code);
    const report = npx(['report', 'cp.yaml', '--out', 'cp.html']);
    expect(report.code, report.stderr).toBe(0);
    expect(readFileSync(join(app, 'cp.html'), 'utf8')).toContain('<svg');
  });

  it("writes a workbook: exceljs's streaming writer, loaded by its path inside exceljs, is found in the install", async () => {
    const r = npx(['run', '--out', 'plan.xlsx']);
    expect(r.code, r.stderr).toBe(0);
    const wb = await readWorkbook(readFileSync(join(app, 'plan.xlsx')));
    expect(wb.worksheets.map((ws) => ws.name).slice(0, 3)).toEqual(['Results', 'Inputs', 'Checks']);
  });
});
