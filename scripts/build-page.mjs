#!/usr/bin/env node
/**
 * Bundles the what-if page's script (src/page/app.ts: the model, decimal.js, zod, yaml and the
 * report's renderers) into one file, dist/page/app.js, that `icbsim report --interactive` inlines
 * in the page. Run by `npm run build`, so the published package carries the bundle and never needs
 * esbuild (a devDependency) at run time.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * zod's namespace re-exports its translations of every error message into 40-odd languages (260 KB
 * of the bundle); the model writes its own messages in English and never reads them, so the page
 * carries none of them.
 */
const noZodLocales = {
  name: 'no-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(join('node_modules', 'zod', 'v4')) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

await build({
  entryPoints: [join(REPO, 'src', 'page', 'app.ts')],
  outfile: join(REPO, 'dist', 'page', 'app.js'),
  bundle: true,
  format: 'iife',
  platform: 'browser',
  // Any current browser: the last two years of Chrome, Edge, Firefox and Safari all run ES2020.
  target: 'es2020',
  minify: true,
  // The libraries' licence notices travel with their code, at the end of the bundle.
  legalComments: 'eof',
  // For `npm run bench`: when the browser starts running the bundle, before its modules initialise.
  banner: { js: "performance.mark('icbsim-script');" },
  logLevel: 'warning',
  plugins: [noZodLocales],
});
