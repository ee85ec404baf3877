/** `extends: icbsim:REL`: a base file inside the installed package, found wherever the plan lives. */
import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_SCENARIOS, packageRef } from '../../src/io/package-files.js';
import { icbsim, REPO, tempDir, writeScenario } from '../cli/helpers.js';

describe('icbsim: package references', () => {
  it('resolve inside the package scenarios folder', () => {
    expect(PACKAGE_SCENARIOS.replace(/[/\\]$/, '')).toBe(join(REPO, 'scenarios'));
    expect(packageRef('icbsim:national/planning-2025-26.yaml')).toEqual({ ok: true, abs: join(REPO, 'scenarios', 'national', 'planning-2025-26.yaml') });
    expect(packageRef('national/planning-2025-26.yaml')).toBeUndefined();
    expect(packageRef('icbsim:../package.json')?.ok).toBe(false);
    expect(packageRef('icbsim:')?.ok).toBe(false);
  });

  it('a plan written by init still runs after it is moved to another folder', async () => {
    const dir = tempDir('icbsim-pkgref-');
    const r = await icbsim(['init', '--icb', 'QUE', 'cp.yaml'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const before = await icbsim(['run', 'cp.yaml', '--format', 'json'], { cwd: dir });
    mkdirSync(join(dir, 'moved', 'deeper'), { recursive: true });
    renameSync(join(dir, 'cp.yaml'), join(dir, 'moved', 'deeper', 'cp.yaml'));
    const after = await icbsim(['run', 'moved/deeper/cp.yaml', '--format', 'json'], { cwd: dir });
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toBe(before.stdout);
  });

  it('a missing package file is exit 2 at the extends line, naming where it looked', async () => {
    const dir = tempDir('icbsim-pkgref-bad-');
    writeScenario(dir, 'p.yaml', 'extends: icbsim:national/planning-2099-00.yaml\nname: P\n');
    const r = await icbsim(['validate', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('p.yaml:1:10');
    expect(r.stderr).toContain('cannot load base file `icbsim:national/planning-2099-00.yaml`: the installed icbsim package has no such file');
    expect(r.stderr).toContain(join(REPO, 'scenarios', 'national', 'planning-2099-00.yaml'));
  });

  it('a reference out of the scenarios folder is refused', async () => {
    const dir = tempDir('icbsim-pkgref-out-');
    writeScenario(dir, 'p.yaml', 'extends: icbsim:../package.json\nname: P\n');
    const r = await icbsim(['validate', 'p.yaml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("must name a file inside the icbsim package's scenarios folder");
  });
});
