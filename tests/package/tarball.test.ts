/**
 * The package as a user gets it: `npm pack`'s tarball installed into an empty folder, with no source
 * tree beside it, runs `npx icbsim` run, init, check and report. Dependencies come from npm's cache
 * (filled by the clean install before the tests) or the registry.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../cli/helpers.js';

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
});
