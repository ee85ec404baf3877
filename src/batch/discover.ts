/**
 * Which files a batch runs, in a fixed order: arguments in the order given; a folder's .yaml/.yml
 * files (not its subfolders) and a glob's matches each sorted by path. A file named twice runs once.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { byPath, globFiles, noGlobMatch } from '../io/glob.js';

export interface Discovered {
  files: string[];
  /** Arguments that named nothing to run: a missing folder, or a glob that matched no file. */
  empty: { arg: string; message: string }[];
}

const YAML = /\.ya?ml$/i;

export function discoverFiles(args: readonly string[], cwd: string): Discovered {
  const seen = new Set<string>();
  const files: string[] = [];
  const empty: Discovered['empty'] = [];
  const add = (abs: string) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    files.push(abs);
  };
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (isDirectory(abs)) {
      const found = readdirSync(abs, { withFileTypes: true })
        .filter((e) => e.isFile() && YAML.test(e.name))
        .map((e) => path.join(abs, e.name))
        .sort(byPath);
      if (found.length === 0) empty.push({ arg, message: `no .yaml or .yml files in the folder \`${arg}\`` });
      found.forEach(add);
      continue;
    }
    const matches = globFiles(arg, cwd);
    if (matches === undefined) {
      // A plain path runs even when missing: the loader reports it like any bad file.
      add(abs);
      continue;
    }
    if (matches.length === 0) empty.push({ arg, message: noGlobMatch(arg) });
    matches.forEach(add);
  }
  return { files, empty };
}

function isDirectory(abs: string): boolean {
  try {
    return statSync(abs).isDirectory();
  } catch {
    return false;
  }
}
