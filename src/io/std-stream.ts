/**
 * Standard output and error for the command line. Node builds `process.stdout` on first use, and
 * for a pipe that means loading its whole streams and sockets machinery: about 3 ms of every start,
 * most of what `icbsim run | ...` or a CI job spends beyond the work itself. For a pipe or a file
 * the same bytes go straight to the file descriptor instead, with blocking writes, which is what
 * Node itself does for a file and, on Linux, for a pipe. A terminal (and anything else) still gets
 * Node's stream: it knows the terminal's width and, on Windows, how to write to a console.
 */
import { fstatSync, writeSync } from 'node:fs';

/** What a command writes its output to (src/cli/context.ts's OutStream). */
export interface StdStream {
  write(chunk: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** A reader that stops early (`icbsim run | head`) is the reader's choice, not a crash to report. */
function quitOnClosedPipe(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
}

/** 1 for stdout, 2 for stderr. */
export function stdStream(fd: 1 | 2): StdStream {
  if (!isPipeOrFile(fd)) return nodeStream(fd);
  return { isTTY: false, write: (chunk: string) => writeAll(fd, chunk) };
}

function nodeStream(fd: 1 | 2): StdStream {
  const stream = fd === 1 ? process.stdout : process.stderr;
  stream.on('error', quitOnClosedPipe);
  return stream;
}

function isPipeOrFile(fd: number): boolean {
  try {
    const st = fstatSync(fd);
    return st.isFIFO() || st.isFile() || st.isSocket();
  } catch {
    return false;
  }
}

/** A pipe another process left non-blocking answers EAGAIN when full: wait a moment and go on. */
const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, chunk: string): true {
  const bytes = Buffer.from(chunk, 'utf8');
  let done = 0;
  while (done < bytes.length) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      if (e.code !== 'EAGAIN') quitOnClosedPipe(e);
      Atomics.wait(pause, 0, 0, 1);
    }
  }
  return true;
}
