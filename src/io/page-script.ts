/** The what-if page's bundled script, built by `npm run build` (scripts/build-page.mjs) beside the compiled CLI. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InputError } from './input-error.js';

// From src/io (tests) and dist/io (the installed CLI) alike, the bundle is dist/page/app.js.
const BUNDLE = fileURLToPath(new URL('../../dist/page/app.js', import.meta.url));

export function readPageScript(): string {
  try {
    return readFileSync(BUNDLE, 'utf8');
  } catch {
    throw new InputError(`the what-if page's script is missing (${BUNDLE}): build it with \`npm run build\``);
  }
}
