/** Files travel to the workers in small groups; order is restored from each group's first index. */
import { expect, it } from 'vitest';
import { chunkSize } from '../../src/batch/pool.js';

it('groups are up to 8 files, and small enough that each worker gets about 8 groups or more', () => {
  // 500 files, 2 workers: 500 / (2 × 8) = 31.25 → capped at 8 (63 groups, the last of 4 files).
  expect(chunkSize(500, 2)).toBe(8);
  // 100 files, 4 workers: 100 / 32 = 3.125 → 3 (34 groups: 8 or 9 per worker).
  expect(chunkSize(100, 4)).toBe(3);
  // Fewer files than 8 per worker: one at a time, so every worker gets some.
  expect(chunkSize(15, 2)).toBe(1);
  expect(chunkSize(1, 8)).toBe(1);
});
