'use strict';
/**
 * The bundle's js-yaml is only its event parser. src/io/fast-yaml.ts uses parseEvents,
 * getScalarValue and three tables of constants, never js-yaml's loader, dumper, tags or schemas,
 * yet running js-yaml's module code builds every tag, five schemas (the dumper's among them) and
 * the dumper's patterns: about 2 ms of every start that reads a scenario of the user's own, for
 * nothing. So in the bundle, fast-yaml's require('js-yaml') gets a module exporting just those five
 * names, made from js-yaml's ES module build with the set-up nothing uses left out.
 *
 * esbuild leaves out a top-level statement nothing uses only if it can tell the statement has no
 * effect, and it cannot tell that of a call, a `new` or a spread. So each tag and schema set-up, each
 * multi-line object of options and each `new RegExp` is marked as free of effects, which it is (each
 * makes a new object from its arguments and touches nothing else): the set-ups and the objects by
 * wrapping them, as written, in a function called at once (`/* @__PURE__ *\/ (() => ...)()`), the
 * patterns with the annotation alone. Whatever the parser uses is kept and runs as published; the
 * parser's own code is not changed. The module is bundled on its own first and handed over as
 * CommonJS: esbuild leaves out nothing inside a module it wraps for lazy loading, and everything
 * the run command loads is wrapped so. The build fails if js-yaml no longer has these set-ups, so
 * a js-yaml that changes them is noticed. tests/package/js-yaml-events.test.ts parses every YAML
 * file in the repository and generated ones with this module and with js-yaml as published.
 */
const { readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/** What fast-yaml.ts takes from js-yaml (its `jsYaml()`). */
const USED = ['COLLECTION_STYLE', 'EVENT_ID', 'getScalarValue', 'parseEvents', 'SCALAR_STYLE'];

const ESM = join(dirname(require.resolve('js-yaml/package.json')), 'dist', 'js-yaml.mjs');

/** A tag or schema set-up, from `var NAME = ` to the `]);` or `});` line that ends it. */
const SET_UP = /^var ([\w$]+) = ((?:define(?:Scalar|Sequence|Mapping)Tag|new Schema|YAML11_SCHEMA\.withTags)\([\s\S]*?\n[\]}]\));$/gm;
/** As many as js-yaml 5.5 has: 23 tags, 4 schemas and the dumper's. */
const SET_UPS = 28;
/** A multi-line object of options (the loader's and dumper's defaults spread others into theirs). */
const OPTIONS = /^var ([\w$]+) = (\{\n[\s\S]*?\n\});$/gm;
const NEEDED_OPTIONS = ['DEFAULT_LOAD_OPTIONS', 'DEFAULT_PRESENTER_OPTIONS', 'DEFAULT_DUMP_OPTIONS'];
const PATTERN = /^var ([\w$]+) = new RegExp\(/gm;

function markPure(source) {
  const setUps = [];
  const options = [];
  const out = source
    .replace(SET_UP, (_, name, value) => {
      setUps.push(name);
      return `var ${name} = /* @__PURE__ */ (() => ${value})();`;
    })
    .replace(OPTIONS, (_, name, value) => {
      options.push(name);
      return `var ${name} = /* @__PURE__ */ (() => (${value}))();`;
    })
    .replace(PATTERN, (_, name) => `var ${name} = /* @__PURE__ */ new RegExp(`);
  const missing = NEEDED_OPTIONS.filter((n) => !options.includes(n));
  if (setUps.length !== SET_UPS || missing.length > 0) {
    throw new Error(
      `js-yaml's module no longer has the tag and schema set-ups scripts/js-yaml-events.cjs marks (${setUps.length} of ${SET_UPS} found${missing.length > 0 ? `; no ${missing.join(', ')}` : ''})`,
    );
  }
  return out;
}

/** The module, as CommonJS source: js-yaml's five names and what they use. */
async function bundleJsYamlEvents(esbuild, target = 'node20') {
  const result = await esbuild.build({
    stdin: { contents: `export { ${USED.join(', ')} } from ${JSON.stringify(ESM)};`, resolveDir: dirname(ESM), loader: 'js' },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    target,
    legalComments: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'js-yaml-pure-set-up',
        setup(b) {
          b.onLoad({ filter: /[\\/]js-yaml[\\/]dist[\\/]js-yaml\.mjs$/ }, (args) => ({ contents: markPure(readFileSync(args.path, 'utf8')), loader: 'js' }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** An esbuild plugin: require('js-yaml') in src/io/fast-yaml.ts is the module above. */
const jsYamlEvents = {
  name: 'js-yaml-events',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]src[\\/]io[\\/]fast-yaml\.ts$/.test(args.importer) ? { path: 'js-yaml-events', namespace: 'js-yaml-events' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'js-yaml-events' }, async () => ({
      contents: await bundleJsYamlEvents(b.esbuild, b.initialOptions.target),
      loader: 'js',
      resolveDir: dirname(ESM),
    }));
  },
};

module.exports = { jsYamlEvents, bundleJsYamlEvents, USED };
