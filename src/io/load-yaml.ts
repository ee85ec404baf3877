import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { CST, Alias, Node as YNode, Scalar } from 'yaml';
import type { Diagnostic } from '../model/diagnostic.js';
import { diagnosticFromLoc } from './diagnostics.js';
import { fastYamlTree } from './fast-yaml.js';
import type { Loc, SNode } from './source-tree.js';

/**
 * The yaml package, loaded when a file first needs it: running its module code costs every start a
 * few ms, and most starts never need it (fastYamlTree reads the file). In the bundle esbuild makes
 * require('yaml') a call of its bundled copy; tsc's ES module output has no require, so makes one
 * (bundle.d.ts).
 */
let yamlPackage: typeof Yaml | undefined;
function yaml(): typeof Yaml {
  yamlPackage ??= (typeof ICBSIM_BUNDLE !== 'undefined' ? require('yaml') : createRequire(import.meta.url)('yaml')) as typeof Yaml;
  return yamlPackage;
}

const MAX_ALIAS_NODES = 10_000;
const BAD_KEY = 'a key must be plain text, not a list, map, alias, tagged value or nothing';

type Result = { ok: true; tree: SNode } | { ok: false; diagnostics: Diagnostic[] };

class Abort extends Error {}

/**
 * The file's tree, or every problem with it. Most files are read by fastYamlTree (fast-yaml.ts);
 * one it declines, and every file with a problem, is read by yaml's parseDocument below.
 */
export function parseYamlTree(text: string, file: string): Result {
  const tree = fastYamlTree(text, file);
  return tree !== undefined ? { ok: true, tree } : parseYamlDocument(text, file);
}

/** parseYamlTree by way of the yaml package, which gives every diagnostic. */
export function parseYamlDocument(text: string, file: string): Result {
  const { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument } = yaml();
  const lc = new LineCounter();
  const locAt = (offset: number): Loc => {
    // yaml reports some errors at end of input; point at the last line
    // instead of a line that does not exist.
    let o = Math.min(Math.max(0, offset), text.length);
    if (o === text.length && o > 0 && text[o - 1] === '\n') o--;
    const { line, col } = lc.linePos(o);
    return { file, line, col };
  };
  const fail = (diagnostics: Diagnostic[]): Result => ({ ok: false, diagnostics });

  let doc;
  try {
    // Duplicate keys are checked during conversion (uniqueKeys: false):
    // yaml compares parsed values, so it misses `true` vs "true", which
    // both become the key "true" here.
    doc = parseDocument(text, {
      schema: 'core',
      version: '1.2',
      prettyErrors: false,
      lineCounter: lc,
      uniqueKeys: false,
    });
  } catch (err) {
    return fail([{ file, message: `cannot parse the file as YAML: ${(err as Error).message}` }]);
  }

  const problems = [...doc.errors, ...doc.warnings];
  if (problems.length > 0) {
    // An unclosed `{` or `[` upsets the parser at every line after it: one message, at the bracket.
    const flow = problems.some((e) => /^Flow (map|sequence)/.test(e.message)) ? unclosedFlow(text, locAt) : undefined;
    if (flow !== undefined) return fail([diagnosticFromLoc(locAt(flow.offset), flow.message)]);
    // A file indented with tabs has one on every line, and the parser's other complaints follow
    // from them: say so once, at the first.
    const tabs = problems.filter((e) => e.code === 'TAB_AS_INDENT');
    const shown = tabs.length > 0 ? tabs.slice(0, 1) : problems;
    return fail(
      shown.map((e) => {
        const more = e.code === 'TAB_AS_INDENT' && tabs.length > 1 ? ` (here and on ${tabs.length - 1} more line${tabs.length > 2 ? 's' : ''})` : '';
        return diagnosticFromLoc(locAt(e.pos[0]), yamlMessage(e.code, e.message) + more);
      }),
    );
  }

  const top = doc.contents;
  if (top === null || (isScalar(top) && top.value === null && top.source === '')) {
    // Line 1, column 1 is where the missing keys belong.
    return fail([
      {
        file,
        line: 1,
        col: 1,
        message: `${onlyComments(text) ? 'the file holds only comments' : 'the file is empty'}: a scenario needs at least \`base_year\`, \`years\`, \`allocation\` and \`lines\``,
      },
    ]);
  }
  if (!isMap(top)) {
    return fail([
      diagnosticFromLoc(
        locAt(top.range?.[0] ?? 0),
        'a scenario must be a map of keys (like `base_year: 2025/26`), not a single value or a list',
      ),
    ]);
  }

  const aliasTargets = resolveAnchors(top);
  const diagnostics: Diagnostic[] = [];
  const inProgress = new Set<YNode>();
  let aliasDepth = 0;
  let expanded = 0;
  // Blame the alias written at the top level of expansion: the nodes being
  // copied when the limit hits are deep inside anchored values.
  let outerAlias: Loc | undefined;

  const convert = (node: YNode | null, fallback: Loc): SNode => {
    const loc = node?.range ? locAt(node.range[0]) : fallback;
    if (aliasDepth > 0 && ++expanded > MAX_ALIAS_NODES) {
      diagnostics.push(
        diagnosticFromLoc(
          outerAlias ?? loc,
          `too many alias expansions (a YAML alias bomb?): aliases expand to more than ${MAX_ALIAS_NODES} values`,
        ),
      );
      throw new Abort();
    }
    if (node === null) return { kind: 'scalar', loc, value: null, isNumber: false };
    if (isAlias(node)) return expandAlias(node, loc);
    // yaml resolves !!binary, !!timestamp, !!set and more even under the
    // core schema, giving Buffers, Dates and sets: allow no tags at all.
    if (node.tag) {
      diagnostics.push(diagnosticFromLoc(loc, tagMessage(node.tag.replace('tag:yaml.org,2002:', '!!'))));
      return { kind: 'scalar', loc, value: null, isNumber: false };
    }
    if (isScalar(node)) return scalar(node, loc);
    inProgress.add(node);
    try {
      if (isSeq(node)) {
        return { kind: 'seq', loc, items: node.items.map((item) => convert(item as YNode | null, loc)) };
      }
      if (isMap(node)) {
        const entries = new Map<string, { keyLoc: Loc; value: SNode }>();
        for (const pair of node.items) {
          const keyNode = pair.key as YNode | null;
          const keyLoc = keyNode?.range ? locAt(keyNode.range[0]) : loc;
          const key = keyText(keyNode);
          if (key === undefined) {
            diagnostics.push(
              diagnosticFromLoc(keyLoc, BAD_KEY),
            );
            continue;
          }
          if (entries.has(key)) {
            diagnostics.push(
              diagnosticFromLoc(keyLoc, `duplicate key \`${key}\`: each key may appear only once in a map`),
            );
            continue;
          }
          entries.set(key, { keyLoc, value: convert(pair.value as YNode | null, keyLoc) });
        }
        return { kind: 'map', loc, entries };
      }
    } finally {
      inProgress.delete(node);
    }
    diagnostics.push(diagnosticFromLoc(loc, 'unsupported YAML node'));
    return { kind: 'scalar', loc, value: null, isNumber: false };
  };

  const expandAlias = (alias: Alias, loc: Loc): SNode => {
    const target = aliasTargets.get(alias);
    if (target === undefined) {
      diagnostics.push(
        diagnosticFromLoc(loc, `unknown alias \`*${alias.source}\``, `define it first with \`&${alias.source}\``),
      );
      return { kind: 'scalar', loc, value: null, isNumber: false };
    }
    if (inProgress.has(target)) {
      diagnostics.push(diagnosticFromLoc(loc, `alias \`*${alias.source}\` refers to a value that contains it`));
      throw new Abort();
    }
    if (aliasDepth++ === 0) outerAlias = loc;
    try {
      return convert(target, loc);
    } finally {
      aliasDepth--;
    }
  };

  let tree: SNode;
  try {
    tree = convert(top, { file, line: 1, col: 1 });
  } catch (err) {
    if (err instanceof Abort) return fail(diagnostics);
    if (err instanceof RangeError) return fail([{ file, message: 'the file is nested too deeply' }]);
    throw err;
  }
  return diagnostics.length > 0 ? fail(diagnostics) : { ok: true, tree };
}

function onlyComments(text: string): boolean {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 && lines.every((l) => l.startsWith('#'));
}

function scalar(node: Scalar, loc: Loc): SNode {
  const v: unknown = node.value;
  if (typeof v === 'number') {
    // For plain scalars `source` is the exact source text, e.g. "0.10".
    return { kind: 'scalar', loc, value: node.source ?? String(v), isNumber: true };
  }
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) {
    return { kind: 'scalar', loc, value: v, isNumber: false };
  }
  return { kind: 'scalar', loc, value: String(v), isNumber: false };
}

function keyText(node: YNode | null): string | undefined {
  const { isScalar } = yaml();
  if (!isScalar(node) || node.tag) return undefined;
  const v: unknown = node.value;
  if (typeof v === 'string') return v;
  // `? : x` has an empty key; `~: x` means the text "~".
  if (v === null && node.source === '') return undefined;
  return node.source ?? String(v);
}

/**
 * An alias refers to the last anchor of that name before it in document
 * order (a pre-order walk, so `&a [*a]` refers to its own container).
 * Resolving once up front keeps expansion linear and matches yaml.
 */
function resolveAnchors(root: YNode): Map<Alias, YNode> {
  const { isAlias, isMap, isSeq } = yaml();
  const anchors = new Map<string, YNode>();
  const targets = new Map<Alias, YNode>();
  const stack: YNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isAlias(node)) {
      const t = anchors.get(node.source);
      if (t) targets.set(node, t);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    const children: YNode[] = [];
    if (isSeq(node)) {
      for (const item of node.items) if (item) children.push(item as YNode);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        if (pair.key) children.push(pair.key as YNode);
        if (pair.value) children.push(pair.value as YNode);
      }
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return targets;
}

function tagMessage(tag: string): string {
  return `YAML tag \`${tag}\` is not supported: scenario files use plain values without tags`;
}

/**
 * The first `{` or `[` that is never closed, or closed by the other bracket, read from the
 * parser's concrete syntax tree (so brackets inside quotes, comments or plain text never count).
 */
function unclosedFlow(text: string, locAt: (offset: number) => Loc): { offset: number; message: string } | undefined {
  const found: { offset: number; message: string }[] = [];
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const t = node as CST.Token & { start?: CST.SourceToken; end?: CST.SourceToken[] };
    if (t.type === 'flow-collection' && t.start !== undefined) {
      const map = t.start.source === '{';
      const what = map ? 'map' : 'list';
      const want = map ? '}' : ']';
      const closer = (t.end ?? []).find((e) => e.type === 'flow-map-end' || e.type === 'flow-seq-end');
      if (closer === undefined) found.push({ offset: t.start.offset, message: `this \`${t.start.source}\` is never closed: add the \`${want}\` that ends the ${what}` });
      else if (closer.source !== want) {
        const open = locAt(t.start.offset);
        const at = `line ${open.line}, column ${open.col}`;
        found.push({ offset: closer.offset, message: `\`${closer.source}\` where \`${want}\` was expected, to end the ${what} opened with \`${t.start.source}\` at ${at}` });
      }
    }
    for (const v of Object.values(t)) if (v !== null && typeof v === 'object') walk(v);
  };
  for (const token of new (yaml().Parser)().parse(text)) walk(token);
  // A wrong closer explains the unclosed brackets around it; otherwise the first unclosed one.
  return found.find((f) => f.message.includes('where')) ?? found.sort((a, b) => a.offset - b.offset)[0];
}

function yamlMessage(code: string, message: string): string {
  switch (code) {
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a `---` line): a scenario file must hold exactly one';
    case 'TAG_RESOLVE_FAILED':
      return tagMessage(message.replace(/^Unresolved tag: /, ''));
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear only once in a map';
    case 'TAB_AS_INDENT':
      return 'a tab is used for indentation: YAML indents with spaces only (replace the tab with spaces)';
    default:
      return message.includes('Maximum call stack') ? 'the file is nested too deeply' : message;
  }
}
