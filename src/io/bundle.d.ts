/**
 * Defined (as true) by scripts/build-cli.mjs in the bundle, undeclared in tsc's output and the tests.
 * Where a module is loaded on first use, the bundle's own require() takes it (esbuild bundles what it
 * names), and elsewhere one made by node:module's createRequire: esbuild then leaves node:module,
 * whose loading brings parts of Node's ES module loader with it (about 0.3 ms), out of every start.
 */
declare const ICBSIM_BUNDLE: true | undefined;
