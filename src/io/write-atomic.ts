import { chmodSync, closeSync, fsyncSync, openSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// node:crypto takes a start about 2 ms to load: only a command that writes a file loads it
// (bundle.d.ts: the bundle with its own require, without loading node:module).
const randomBytes = (n: number): Buffer =>
  ((typeof ICBSIM_BUNDLE !== 'undefined' ? require('node:crypto') : createRequire(import.meta.url)('node:crypto')) as typeof import('node:crypto')).randomBytes(n);

/**
 * Readers see either the old file or the complete new one: the data goes to
 * a temporary file in the same directory (rename is only atomic within one
 * file system), is flushed to disk, then renamed over the target.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const dir = dirname(path);
  const tmp = join(dir, `.icbsim-tmp-${process.pid}-${randomBytes(6).toString('hex')}`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    writeFileSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    keepMode(path, tmp);
    renameSync(tmp, path);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        /* already failing; the original error matters more */
      }
    }
    try {
      unlinkSync(tmp);
    } catch {
      /* it may never have been created */
    }
    throw err;
  }
  syncDir(dir);
}

// Overwriting should not silently change the target's permissions.
function keepMode(target: string, tmp: string): void {
  let mode: number;
  try {
    mode = statSync(target).mode & 0o7777;
  } catch {
    return;
  }
  chmodSync(tmp, mode);
}

// Makes the rename itself durable; not possible on every platform (Windows
// cannot open a directory), and the write has already succeeded.
function syncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    /* best effort */
  }
}
