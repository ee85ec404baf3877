import { describe, it, expect, beforeEach } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/io/write-atomic.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'icbsim-write-'));
});
const leftovers = () => readdirSync(dir).filter((n) => n.startsWith('.icbsim-tmp-'));

describe('writeFileAtomic', () => {
  it('creates and replaces files, leaving no temporary behind', () => {
    const path = join(dir, 'out.csv');
    writeFileAtomic(path, 'first\n');
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    writeFileAtomic(path, new Uint8Array([0x68, 0x69]));
    expect(readFileSync(path, 'utf8')).toBe('hi');
    expect(readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the old file intact when writing the data fails', () => {
    const path = join(dir, 'out.csv');
    writeFileSync(path, 'old contents\n');
    expect(() => writeFileAtomic(path, { not: 'data' } as unknown as string)).toThrow();
    expect(readFileSync(path, 'utf8')).toBe('old contents\n');
    expect(leftovers()).toEqual([]);
  });

  it('keeps the target intact when the rename fails', () => {
    const path = join(dir, 'target');
    mkdirSync(path);
    writeFileSync(join(path, 'inside'), 'x');
    expect(() => writeFileAtomic(path, 'data')).toThrow();
    expect(statSync(path).isDirectory()).toBe(true);
    expect(readFileSync(join(path, 'inside'), 'utf8')).toBe('x');
    expect(leftovers()).toEqual([]);
  });

  it('fails cleanly when the folder does not exist', () => {
    expect(() => writeFileAtomic(join(dir, 'missing', 'out.csv'), 'x')).toThrow(/ENOENT/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the permissions of a file it replaces', () => {
    const path = join(dir, 'script.sh');
    writeFileSync(path, 'old');
    chmodSync(path, 0o751);
    writeFileAtomic(path, 'new');
    expect(statSync(path).mode & 0o777).toBe(0o751);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });
});
