/**
 * Globs on the command line, expanded by icbsim itself so a quoted `"scenarios/*.yaml"` works where
 * the shell does not expand it (Windows, CI steps), the same way for every command that takes files.
 */
import path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';

/** Plain code-unit order: the same on every machine, whatever its locale. */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The files a glob matches (not folders), absolute and in path order; undefined for a plain path, which is not a glob. */
export function globFiles(arg: string, cwd: string): string[] | undefined {
  if (!isDynamicPattern(arg)) return undefined;
  return globSync(arg, { cwd, absolute: true, onlyFiles: true, expandDirectories: false })
    .map((f) => path.resolve(f))
    .sort(byPath);
}

export function noGlobMatch(arg: string): string {
  return `no files match \`${arg}\``;
}
