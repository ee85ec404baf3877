/**
 * The bundle loads what it loads on first use with its own require() (src/io/bundle.d.ts), so that
 * node:module, and with it parts of Node's ES module loader, stays out of every start: reading the
 * default scenario, a plan of one's own (js-yaml), a file the quick parser declines (yaml) and
 * writing a file (node:crypto, by way of an atomic write).
 */
import { writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BIN, REPO, tempDir } from '../cli/helpers.js';

/** The Node modules a command loaded, from process.moduleLoadList at its exit. */
function modulesLoaded(dir: string, args: string[]): string[] {
  const probe = join(dir, 'probe.cjs');
  writeFileSync(probe, "process.on('exit', () => require('node:fs').writeSync(2, '\\n' + JSON.stringify(process.moduleLoadList)));\n");
  const r = spawnSync(process.execPath, ['--require', probe, BIN, ...args], { cwd: dir, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stderr.trim().split('\n').at(-1)!) as string[];
}

describe('the bundle', () => {
  test('never loads node:module, whatever a run reads or writes', () => {
    const dir = tempDir('icbsim-bundle-require-');
    writeFileSync(join(dir, 'own.yaml'), 'extends: icbsim:default.yaml\nname: Own plan\n');
    // An anchor and an alias: the quick parser declines the file and yaml reads it.
    writeFileSync(join(dir, 'declined.yaml'), 'extends: icbsim:default.yaml\nname: &n Declined\ndescription: *n\n');
    const runs = [['run'], ['run', 'own.yaml'], ['run', 'declined.yaml'], ['run', 'own.yaml', '--out', 'own.csv'], ['check', join(REPO, 'scenarios', 'default.yaml')]];
    for (const args of runs) {
      const loaded = modulesLoaded(dir, args);
      expect(loaded, args.join(' ')).toContain('NativeModule fs');
      expect(loaded, args.join(' ')).not.toContain('NativeModule module');
    }
    expect(modulesLoaded(dir, ['run', 'own.yaml', '--out', 'own.csv'])).toContain('NativeModule crypto');
  });
});
