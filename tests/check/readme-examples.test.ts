/**
 * The README's examples for check, compare, diff and batch are what the commands print: every
 * `$ ...` line in those sections is run by a shell (with `icbsim` the built binary) in a folder
 * that sees the shipped scenarios, and its output must match the lines quoted under it. A command
 * marked `(excerpt)` must print each quoted line, in order, among others.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readmeSection } from '../readme-section.js';
import { REPO, tempDir } from '../cli/helpers.js';

const SECTIONS = ['check', 'compare', 'diff', 'batch'];

const section = (name: string): string => readmeSection(name);

interface Example {
  section: string;
  command: string;
  output: string[];
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const name of SECTIONS) {
    for (const block of section(name).matchAll(/```console\n([\s\S]*?)```/g)) {
      let current: Example | undefined;
      let continued = false;
      for (const line of block[1]!.replace(/\n$/, '').split('\n')) {
        if (continued) {
          current!.command += `\n${line}`;
        } else if (line.startsWith('$ ')) {
          current = { section: name, command: line.slice(2), output: [] };
          out.push(current);
        } else {
          current!.output.push(line);
        }
        continued = line.endsWith('\\');
      }
    }
  }
  return out;
}

const dir = tempDir('icbsim-readme-examples-');
symlinkSync(join(REPO, 'scenarios'), join(dir, 'scenarios'));
writeFileSync(join(dir, 'icbsim'), `#!/bin/sh\nexec "${process.execPath}" "${join(REPO, 'bin', 'icbsim')}" "$@"\n`);
chmodSync(join(dir, 'icbsim'), 0o755);

describe('README examples of check, compare, diff and batch', () => {
  const all = examples();
  it('there are examples in every section', () => {
    expect(new Set(all.map((e) => e.section))).toEqual(new Set(SECTIONS));
  });
  let lastCode = 0;
  for (const ex of all) {
    it(`${ex.section}: $ ${ex.command.split('\n')[0]}`, () => {
      if (ex.command === 'echo $?') {
        expect(ex.output).toEqual([String(lastCode)]);
        return;
      }
      const r = spawnSync('bash', ['-c', ex.command], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${dir}:${process.env.PATH}`, NO_COLOR: '1', COLUMNS: '120' },
      });
      lastCode = r.status ?? -1;
      const actual = r.stdout.replace(/\n$/, '').split('\n').map((l) => l.trimEnd());
      const shown = ex.output.map((l) => l.trimEnd());
      if (ex.command.includes('(excerpt)')) {
        let at = 0;
        for (const line of shown.filter((l) => l !== '…')) {
          const found = actual.indexOf(line, at);
          expect(found, `README line not printed (in order): ${line}`).toBeGreaterThanOrEqual(0);
          at = found + 1;
        }
      } else {
        expect(actual).toEqual(shown.length === 0 ? [''] : shown);
      }
    }, 30_000);
  }
});
