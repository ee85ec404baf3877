/**
 * `npm run data`: rebuilds scenarios/data/ and scenarios/presets/ from the published workbooks in
 * ../shared/data/nhs-allocations/. A tool for maintainers, not part of icbsim itself.
 */
import { existsSync, mkdirSync, readdirSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../src/io/write-atomic.js';
import { dataFiles, extract } from './allocations/extract.js';
import { presetFiles } from './allocations/presets.js';

/** The repository: two folders up from build/scripts/data.js, one up from scripts/data.ts. */
export function repoRoot(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/**
 * The published files: `shared/data/nhs-allocations` beside the repository (CI checks out
 * shared/ next to the clone), or beside the nearest folder above it that has one (a git worktree
 * kept one level further down).
 */
export function sharedDataDir(repo: string): string {
  for (let dir = resolve(repo); ; ) {
    const candidate = join(dirname(dir), 'shared', 'data', 'nhs-allocations');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`no shared/data/nhs-allocations beside ${repo} or any folder above it`);
    dir = dirname(dir);
  }
}

async function main(): Promise<void> {
  const repo = repoRoot();
  const shared = sharedDataDir(repo);
  const out = join(repo, 'scenarios', 'data');
  mkdirSync(out, { recursive: true });
  const files = dataFiles(await extract(shared), shared);
  for (const [name, text] of files) writeFileAtomic(join(out, name), text);
  const presetsDir = join(repo, 'scenarios', 'presets');
  const presets = presetFiles(files.get('icb-allocations-2025-26.csv')!);
  // A preset whose ICB has left the table would otherwise linger as a stale file.
  for (const f of readdirSync(presetsDir)) if (f.endsWith('.yaml') && !presets.has(f)) unlinkSync(join(presetsDir, f));
  for (const [name, text] of presets) writeFileAtomic(join(presetsDir, name), text);
  process.stdout.write(`wrote ${files.size} files to scenarios/data/ and ${presets.size} presets to scenarios/presets/ from ${shared}\n`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    process.stderr.write(`npm run data: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
