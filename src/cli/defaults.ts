import { join } from 'node:path';
import { PACKAGE_SCENARIOS } from '../io/package-files.js';

/** The scenario `run` reads when given none: the package's own, wherever it is installed. */
export const DEFAULT_SCENARIO = join(PACKAGE_SCENARIOS, 'default.yaml');
