import path from 'node:path';

/** A file as reports name it: relative to the working directory when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const rel = path.relative(cwd, abs);
  return rel === '' || rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel) ? abs : rel.split(path.sep).join('/');
}
