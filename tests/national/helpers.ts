/** Shared by the national and init tests: the shipped ICB allocations table and presets. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllocationsCsv, type IcbRow } from '../../src/model/presets.js';
import { REPO } from '../cli/helpers.js';

export const CSV_FILE = join(REPO, 'scenarios', 'data', 'icb-allocations-2025-26.csv');
export const PRESETS = join(REPO, 'scenarios', 'presets');
export const NATIONAL = join(REPO, 'scenarios', 'national');

export function shippedRows(): IcbRow[] {
  const parsed = parseAllocationsCsv(readFileSync(CSV_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return parsed.rows;
}
