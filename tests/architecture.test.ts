/**
 * The layers of src/, kept by a test rather than by habit: every import in src/ and bin/ is read
 * (static, type-only, re-export and dynamic `import()`), and any arrow the table below does not
 * allow fails with the file and the import that broke it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/**
 * Which layer may import which (a layer may always import itself). `model` is the pure finance;
 * `report` is the data each command shows, built from the model; `render` formats it; `io` is the
 * edge with the machine (files, git, diagnostics, worker threads); `batch` and `mc` run many
 * scenarios or draws on worker threads and sit beside io, below the commands (a batch worker
 * builds its scenario's workbook rows, so `batch` may use `render`); `cli` is the
 * commands and nothing but `cli` and `bin/` may import it. `page` is the what-if page's script, the
 * browser's shell as `cli` is the terminal's: bundled into the page, it has no machine to touch.
 */
const MAY_IMPORT = {
  model: [],
  report: ['model'],
  render: ['model', 'report'],
  io: ['model'],
  batch: ['model', 'io', 'report', 'render'],
  mc: ['model', 'io', 'report'],
  cli: ['model', 'report', 'render', 'io', 'batch', 'mc'],
  page: ['model', 'report', 'render'],
  bin: ['cli'],
} as const satisfies Record<string, readonly string[]>;

type Layer = keyof typeof MAY_IMPORT;

/** Layers that must not touch the machine: no fs, no clock via process, no threads. */
const NO_NODE_BUILTINS: ReadonlySet<Layer> = new Set(['model', 'report', 'page']);

const BUILTINS = new Set(builtinModules);

function isLayer(name: string): name is Layer {
  return Object.hasOwn(MAY_IMPORT, name);
}

/** `src/render/html/x.ts` is in `render`; `bin/icbsim` in `bin`; `dist/bundle/icbsim.cjs` (what bin loads) in `cli`. */
function layerOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] === 'bin') return 'bin';
  // dist/bundle/ is src/cli/main.ts bundled (scripts/build-cli.mjs): the commands, as bin loads them.
  if (parts[0] === 'dist' && parts[1] === 'bundle') return 'cli';
  if (parts[0] === 'src' || parts[0] === 'dist') return parts.length > 2 ? parts[1]! : '(src root)';
  return `(outside src: ${parts[0]})`;
}

/** What is wrong with `from` (a repository path) importing `spec`, or undefined if the arrow is allowed. */
function breaks(from: string, spec: string): string | undefined {
  const own = layerOf(from);
  if (!isLayer(own)) return `${from} is in no layer (\`${own}\`): give its folder a row in MAY_IMPORT`;
  if (!spec.startsWith('.')) {
    const builtin = spec.startsWith('node:') || BUILTINS.has(spec.split('/')[0]!);
    if (builtin && NO_NODE_BUILTINS.has(own)) return `${from} imports '${spec}': ${own} must not use node built-ins`;
    return undefined;
  }
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
  const to = layerOf(target);
  if (to === own) return undefined;
  const allowed: readonly string[] = MAY_IMPORT[own];
  if (allowed.includes(to)) return undefined;
  return `${from} imports '${spec}' (${own} -> ${to}): ${own} may import ${allowed.length > 0 ? allowed.join(', ') : 'nothing but itself'}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && (e.name.endsWith('.ts') || dir === 'bin'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(path.join(ROOT, file), 'utf8'), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/**
 * Renderers only format: they take what the model and the report layer worked out and never run
 * the engine, a check or a draw themselves. Types from these modules are fine; values are not.
 * (The report layer is where figures are derived, so a renderer may ask it for its data.)
 */
const COMPUTES = ['model/engine', 'model/plan', 'model/run', 'model/checks', 'model/montecarlo', 'model/whatif', 'model/sampling', 'model/draw-sampler'];

/** The modules `file` imports values from (not `import type`, nor only `type X` names), static or dynamic. */
function valueImportsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const named = clause?.namedBindings;
      const typeOnly =
        clause !== undefined &&
        (clause.isTypeOnly || (clause.name === undefined && named !== undefined && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      if (arg !== undefined && ts.isStringLiteral(arg)) found.push(arg.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** What is wrong with renderer `from` importing values from `spec`, if anything. */
function computesIn(from: string, spec: string): string | undefined {
  if (layerOf(from) !== 'render' || !spec.startsWith('.')) return undefined;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)).replace(/^src\//, '').replace(/\.js$/, '');
  if (COMPUTES.includes(target)) {
    return `${from} imports values from '${spec}': a renderer formats what it is given (import only types from there)`;
  }
  return undefined;
}

describe('layers', () => {
  const files = [...filesUnder('src'), ...filesUnder('bin')];

  it('reads the imports of every source file', () => {
    // A reader that found nothing would pass every rule: the engine, at least, imports the model.
    expect(files).toContain('src/model/engine.ts');
    expect(files).toContain('bin/icbsim');
    expect(importsOf('src/cli/main.ts').length).toBeGreaterThan(0);
    expect(importsOf('bin/icbsim')).toContain('./bundle.cjs');
    expect(importsOf('bin/bundle.cjs')).toContain('../dist/bundle/icbsim.cjs');
  });

  it('every import follows the layer table', () => {
    const broken = files.flatMap((f) => importsOf(f).map((spec) => breaks(f, spec)).filter((b) => b !== undefined));
    expect(broken).toEqual([]);
  });

  it('names the file and the import of an arrow that breaks the table', () => {
    expect(breaks('src/model/engine.ts', '../io/load.js')).toBe(
      "src/model/engine.ts imports '../io/load.js' (model -> io): model may import nothing but itself",
    );
    expect(breaks('src/model/engine.ts', 'node:fs')).toBe("src/model/engine.ts imports 'node:fs': model must not use node built-ins");
    expect(breaks('src/report/check.ts', 'fs')).toMatch(/must not use node built-ins/);
    expect(breaks('src/report/check.ts', '../render/format.js')).toMatch(/report -> render/);
    expect(breaks('src/render/html/report.ts', '../../io/diagnostics.js')).toMatch(/render -> io/);
    expect(breaks('src/render/xlsx.ts', '../cli/context.js')).toMatch(/render -> cli/);
    expect(breaks('src/batch/run-file.ts', '../cli/load-scenario.js')).toMatch(/batch -> cli/);
    expect(breaks('src/mc/pool.ts', '../cli/context.js')).toMatch(/mc -> cli/);
    expect(breaks('src/io/load.ts', '../report/check.js')).toMatch(/io -> report/);
    expect(breaks('src/widgets/x.ts', '../model/run.js')).toMatch(/in no layer/);
  });

  it('allows the arrows the table names', () => {
    expect(breaks('src/render/html/report.ts', '../../model/run.js')).toBeUndefined();
    expect(breaks('src/render/html/report.ts', '../svg/escape.js')).toBeUndefined();
    expect(breaks('src/batch/run-file.ts', '../io/load-scenario.js')).toBeUndefined();
    expect(breaks('src/cli/run.ts', '../render/table.js')).toBeUndefined();
    expect(breaks('bin/bundle.cjs', '../dist/bundle/icbsim.cjs')).toBeUndefined();
    expect(breaks('src/model/schema.ts', 'zod')).toBeUndefined();
  });
});

describe('renderers only format', () => {
  const renderers = filesUnder('src/render');

  it('no renderer imports a value from the engine, the run, the checks or the draws', () => {
    expect(renderers.length).toBeGreaterThan(10);
    const broken = renderers.flatMap((f) => valueImportsOf(f).map((spec) => computesIn(f, spec)).filter((b) => b !== undefined));
    expect(broken).toEqual([]);
  });

  it('tells a type import from a value import', () => {
    // render/xlsx.ts reads checked runs from report/check.ts as a type, and formats with format.ts's values.
    expect(valueImportsOf('src/render/xlsx.ts')).not.toContain('../report/check.js');
    expect(valueImportsOf('src/render/xlsx.ts')).toContain('./format.js');
    expect(computesIn('src/render/xlsx.ts', '../model/checks.js')).toMatch(/imports values from '\.\.\/model\/checks\.js'/);
    expect(computesIn('src/render/html/report.ts', '../../model/run.js')).toMatch(/a renderer formats/);
    expect(computesIn('src/render/html/report.ts', '../../model/decimal.js')).toBeUndefined();
    expect(computesIn('src/cli/check.ts', '../model/run.js')).toBeUndefined();
  });
});
