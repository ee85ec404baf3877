import { fileURLToPath } from 'node:url';

/** The package's own scenarios folder (dist/cli/ → ../../scenarios), wherever it is installed. */
export const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
export const DEFAULT_SCENARIO = fileURLToPath(new URL('../../scenarios/default.yaml', import.meta.url));
