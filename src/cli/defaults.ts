import { join } from 'node:path';
import { PACKAGE_SCENARIOS } from '../io/package-files.js';

/** The package's own scenarios folder (the one `extends: icbsim:...` reads), wherever it is installed. */
export const SCENARIOS_DIR = PACKAGE_SCENARIOS;
export const DEFAULT_SCENARIO = join(PACKAGE_SCENARIOS, 'default.yaml');
