/**
 * Scenarios for the Monte Carlo and analysis tests: this folder's own fixture, plus every shipped
 * scenario (scenarios/*.yaml), loaded through the real loader.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadTree } from '../../src/io/load.js';
import { parseScenario } from '../../src/model/run.js';
import type { ScenarioSpec } from '../../src/model/schema.js';

export const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const FIXTURE = join(REPO, 'tests', 'montecarlo', 'fixtures', 'icb.yaml');

export interface Loaded {
  file: string;
  data: Record<string, unknown>;
  spec: ScenarioSpec;
}

export function load(file: string): Loaded {
  const l = loadTree(file);
  if (!l.ok) throw new Error(`${file}: ${l.diagnostics.map((d) => d.message).join('; ')}`);
  return { file, data: l.loaded.data as Record<string, unknown>, ...parse(l.loaded.data) };
}

export function parse(data: unknown): { spec: ScenarioSpec } {
  const p = parseScenario(data);
  if (!p.ok) throw new Error(`invalid scenario: ${p.problems.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
  return { spec: p.spec };
}

/** Every shipped scenario file (the top of scenarios/; rules/ and national/ hold other things). */
export function shippedFiles(): string[] {
  const dir = join(REPO, 'scenarios');
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** The fixture and every shipped scenario: the tests that must hold for all of them. */
export function allScenarioFiles(): string[] {
  return [FIXTURE, ...shippedFiles()];
}

/** The 42 ICB presets `icbsim init` copies (scenarios/presets/): shipped, ICB-sized scenarios. */
export function presetFiles(): string[] {
  const dir = join(REPO, 'scenarios', 'presets');
  return readdirSync(dir)
    .filter((n) => /\.ya?ml$/.test(n))
    .sort()
    .map((n) => join(dir, n));
}

export function clone<T>(x: T): T {
  return structuredClone(x);
}
