/** The 42 shipped presets, made from the allocations table exactly as `icbsim init --icb CODE` makes them. */
import { parseAllocationsCsv, presetSlug, presetYaml } from '../../src/model/presets.js';

export const PRESET_PATHS = { extendsPath: '../national/planning-2025-26.yaml', schemaPath: '../../schema/scenario.schema.json' };

/** File name → text for scenarios/presets/, from the text of icb-allocations-2025-26.csv. */
export function presetFiles(allocationsCsv: string): Map<string, string> {
  const parsed = parseAllocationsCsv(allocationsCsv);
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return new Map(parsed.rows.map((r) => [`${presetSlug(r.name)}.yaml`, presetYaml(r, PRESET_PATHS)]));
}
