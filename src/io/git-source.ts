/**
 * `git:REV:path`: a committed version of a scenario, read with `git show`. Files it `extends` are
 * read from the same revision (resolved against the committed file's folder), so the old version
 * is the whole old plan, not the old file on top of today's base.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { InputError } from './input-error.js';
import { loadScenario, type LoadResult } from './load-scenario.js';

export interface GitRef {
  rev: string;
  file: string;
}

export function parseGitRef(arg: string): GitRef | undefined {
  const m = /^git:([^:]+):(.+)$/.exec(arg);
  return m ? { rev: m[1]!, file: m[2]! } : undefined;
}

function git(args: string[], cwd: string, what: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') throw new InputError(`cannot read ${what}: git is not installed or not on the PATH`);
    const said = (e.stderr ?? '').trim().split('\n')[0] ?? '';
    throw new InputError(`cannot read ${what}: ${said.replace(/^fatal: /, '') || e.message}`);
  }
}

/**
 * Copies the file and its `extends` chain out of the revision into a temporary folder laid out
 * like the repository, loads it from there, and names every file `git:REV:path` in messages.
 */
export function loadGitScenario(ref: GitRef, cwd: string): LoadResult & { display: string } {
  const display = `git:${ref.rev}:${ref.file}`;
  const prefix = git(['rev-parse', '--show-prefix'], cwd, display).trim();
  const start = path.posix.normalize(path.posix.join(prefix, ref.file.split(path.sep).join('/')));
  if (start.startsWith('../')) throw new InputError(`cannot read ${display}: the path is outside the repository`);
  const tmp = mkdtempSync(path.join(tmpdir(), 'icbsim-git-'));
  try {
    const seen = new Set<string>();
    let next: string | undefined = start;
    while (next !== undefined && !seen.has(next)) {
      seen.add(next);
      const text = git(['show', `${ref.rev}:${next}`], cwd, seen.size === 1 ? display : `git:${ref.rev}:${next} (extended by ${display})`);
      const target = path.join(tmp, ...next.split('/'));
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, text);
      next = extendsOf(text, next);
    }
    const loaded = loadScenario(path.join(tmp, ...start.split('/')));
    const rename = (file: string) => {
      const rel = path.relative(tmp, path.resolve(file));
      return rel.startsWith('..') || path.isAbsolute(rel) ? file : `git:${ref.rev}:${rel.split(path.sep).join('/')}`;
    };
    const raw = loaded.ok ? loaded.scenario.sources : loaded.sources;
    const sources = new Map([...raw].map(([k, v]) => [rename(k), v]));
    if (!loaded.ok) {
      const diagnostics: Diagnostic[] = loaded.diagnostics.map((d) => ({ ...d, file: rename(d.file) }));
      return { ok: false, diagnostics, sources, display };
    }
    return { ok: true, scenario: { ...loaded.scenario, file: display, sources, chain: loaded.scenario.chain.map(rename) }, display };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** The repository path a committed file extends, if it names one; the loader reports anything odd. */
function extendsOf(text: string, from: string): string | undefined {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  const ext = data !== null && typeof data === 'object' ? (data as Record<string, unknown>).extends : undefined;
  if (typeof ext !== 'string' || path.posix.isAbsolute(ext)) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), ext));
  return target.startsWith('../') ? undefined : target;
}
