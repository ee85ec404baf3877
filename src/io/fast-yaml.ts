/**
 * The quick way to read a scenario file: js-yaml's event parser (flat events with source offsets,
 * several times cheaper than the yaml package's parseDocument, which is about a tenth of a cold
 * `icbsim run`) turned into the same SNode tree load-yaml.ts builds from yaml's document.
 *
 * It only has to be right when it answers: for anything outside the plain subset a scenario is
 * written in, or anything yaml might see differently (a problem, a warning, a feature whose
 * positions or values could differ), it declines with `undefined` and parseYamlTree takes yaml's
 * way, which alone owns every diagnostic. Declining costs time, never a different answer; that the
 * two agree whenever this answers is tested on every shipped and test file and on generated ones.
 */
import { createRequire } from 'node:module';
import type * as JsYaml from 'js-yaml';
import type { Event, ScalarEvent } from 'js-yaml';
import type { Loc, SNode } from './source-tree.js';

/**
 * js-yaml, loaded when a file is first read here, as load-yaml.ts loads yaml (bundle.d.ts): running
 * its module code costs time, and a start that reads only the package's own files, parsed at build
 * time (package-trees.ts), never needs it.
 */
let jsYamlPackage: typeof JsYaml | undefined;
function jsYaml(): typeof JsYaml {
  jsYamlPackage ??= (typeof ICBSIM_BUNDLE !== 'undefined' ? require('js-yaml') : createRequire(import.meta.url)('js-yaml')) as typeof JsYaml;
  return jsYamlPackage;
}

class Decline extends Error {}

const decline = (): never => {
  throw new Decline();
};

// yaml's YAML 1.2 core schema (yaml/dist/schema/core and common/null.js), tried in its order:
// whatever matches none of them is a string.
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_TRUE = /^(?:[Tt]rue|TRUE)$/;
const CORE_FALSE = /^(?:[Ff]alse|FALSE)$/;
const CORE_NUMBER =
  /^(?:0o[0-7]+|[-+]?[0-9]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+|[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*))$/;

/** Characters yaml refuses at the start of a plain value (resolve-flow-scalar.js plainValue). */
const BAD_PLAIN_START = new Set([',', '%', '|', '>', '@', '`']);

/**
 * Text the rare file has, where the two parsers part: tabs have their own indentation rules (and
 * yaml its own messages); a '\r' not followed by '\n' ends a line for js-yaml, not for yaml; and
 * yaml counts a byte-order mark as a column of the first line's indentation (so a first line
 * indented after it is out of line with the rest), and one anywhere else as text.
 */
const ODD_TEXT = /\t|\r(?!\n)|(?!^)\ufeff|^\ufeff /;

/** yaml insists an implicit key's `:` is at most 1024 characters after the key's start. */
const MAX_KEY_SPAN = 1000;

export function fastYamlTree(text: string, file: string): SNode | undefined {
  if (ODD_TEXT.test(text)) return undefined;
  const js = jsYaml();
  let events: Event[];
  try {
    events = js.parseEvents(text, {});
  } catch {
    return undefined;
  }
  try {
    return build(text, file, events, js);
  } catch (err) {
    if (err instanceof Decline) return undefined;
    throw err;
  }
}

function build(text: string, file: string, events: Event[], js: typeof JsYaml): SNode {
  const { COLLECTION_STYLE, EVENT_ID, getScalarValue, SCALAR_STYLE } = js;
  const doc = events[0];
  if (doc === undefined || doc.type !== EVENT_ID.DOCUMENT) return decline();
  if (doc.explicitStart || doc.explicitEnd || doc.directives.length > 0) return decline();
  // One document holding one map, then the document's end and nothing more.
  if (events.length < 3 || events[1]!.type !== EVENT_ID.MAPPING) return decline();
  if (events[events.length - 1]!.type !== EVENT_ID.POP || events[events.length - 2]!.type !== EVENT_ID.POP) return decline();

  // yaml's LineCounter: a line starts after each '\n' (a '\r' before it is the previous line's
  // last column), col = offset - lineStart + 1 in UTF-16 code units. Nodes come in source order,
  // so the line only ever moves forward.
  const lineStarts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  let line = 0;
  const locAt = (offset: number): Loc => {
    if (offset < lineStarts[line]!) line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line++;
    return { file, line: line + 1, col: offset - lineStarts[line]! + 1 };
  };

  let i = 1;
  // The offset just after the node last read: what may follow it is checked against the text.
  let end = 0;

  /** Spaces from `at`, then `want`: the offset just after `want`, or decline. */
  const expectAfterSpaces = (at: number, want: string): number => {
    while (text[at] === ' ') at++;
    if (text[at] !== want) return decline();
    return at + 1;
  };

  const scalarText = (e: ScalarEvent): { start: number; value: string; plain: boolean } => {
    if (e.anchorStart !== -1 || e.tagStart !== -1) return decline();
    let start: number;
    if (e.style === SCALAR_STYLE.PLAIN) {
      if (e.valueStart === e.valueEnd || BAD_PLAIN_START.has(text[e.valueStart]!)) return decline();
      start = e.valueStart;
      end = e.valueEnd;
    } else if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED) {
      const quote = e.style === SCALAR_STYLE.SINGLE_QUOTED ? "'" : '"';
      start = e.valueStart - 1;
      end = e.valueEnd + 1;
      if (text[start] !== quote || text[end - 1] !== quote) return decline();
    } else {
      return decline();
    }
    // Lines folded inside a value have indentation and folding rules yaml and js-yaml need not
    // read alike.
    if (hasLineBreak(text, start, end)) return decline();
    return { start, value: getScalarValue(text, e), plain: e.style === SCALAR_STYLE.PLAIN };
  };

  /** Where a node's text begins (a quoted scalar at its quote). */
  const nodeStart = (e: Event): number => {
    if (e.type === EVENT_ID.SCALAR) return e.style === SCALAR_STYLE.PLAIN ? e.valueStart : e.valueStart - 1;
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) return e.start;
    return -1;
  };

  const readNode = (inFlow: boolean): SNode => {
    const e = events[i++];
    if (e === undefined) return decline();
    switch (e.type) {
      case EVENT_ID.SCALAR: {
        const { start, value, plain } = scalarText(e);
        if (!inFlow) blockLineEnds(text, end);
        const loc = locAt(start);
        if (!plain) return { kind: 'scalar', loc, value, isNumber: false };
        if (CORE_NULL.test(value)) return { kind: 'scalar', loc, value: null, isNumber: false };
        if (CORE_TRUE.test(value)) return { kind: 'scalar', loc, value: true, isNumber: false };
        if (CORE_FALSE.test(value)) return { kind: 'scalar', loc, value: false, isNumber: false };
        return { kind: 'scalar', loc, value, isNumber: CORE_NUMBER.test(value) };
      }
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (e.anchorStart !== -1 || e.tagStart !== -1) return decline();
        const flow = e.style === COLLECTION_STYLE.FLOW;
        const open = text[e.start];
        const isMap = e.type === EVENT_ID.MAPPING;
        // A flow map is written `{...}` (not a single pair inside a flow list); a block map
        // starts at its first implicit key (not `? `), a block list at its first `-`.
        if (flow ? open !== (isMap ? '{' : '[') : inFlow || open === '?' || (!isMap && open !== '-')) return decline();
        const loc = locAt(e.start);
        end = e.start + (flow ? 1 : 0);
        if (isMap) {
          const entries = new Map<string, { keyLoc: Loc; value: SNode }>();
          let first = true;
          while (events[i]?.type !== EVENT_ID.POP) {
            const k = events[i++];
            if (k === undefined || k.type !== EVENT_ID.SCALAR) return decline();
            const before = end;
            const key = scalarText(k);
            if (flow) flowGap(text, before, key.start, first);
            if (key.plain && key.value === '') return decline();
            const colon = expectAfterSpaces(end, ':');
            if (colon - key.start > MAX_KEY_SPAN || entries.has(key.value)) return decline();
            const keyLoc = locAt(key.start);
            end = colon;
            const valueStart = events[i];
            if (flow) {
              // `{a:1}` and the like: yaml is fussier than js-yaml about the space after `:`.
              if (text[colon] !== ' ' || valueStart === undefined) return decline();
            } else {
              const c = text[colon];
              if (c !== ' ' && c !== '\n' && c !== '\r' && c !== undefined) return decline();
            }
            const value = readNode(inFlow || flow);
            if (flow && nodeStart(valueStart!) !== skipSpaces(text, colon)) return decline();
            entries.set(key.value, { keyLoc, value });
            first = false;
          }
          i++;
          if (flow) end = closeFlow(text, end, '}', first, inFlow);
          return { kind: 'map', loc, entries };
        }
        const items: SNode[] = [];
        let first = true;
        while (events[i]?.type !== EVENT_ID.POP) {
          const next = events[i];
          if (next === undefined) return decline();
          if (flow) flowGap(text, end, nodeStart(next), first);
          items.push(readNode(inFlow || flow));
          first = false;
        }
        i++;
        if (flow) end = closeFlow(text, end, ']', first, inFlow);
        return { kind: 'seq', loc, items };
      }
      default:
        return decline();
    }
  };

  const tree = readNode(false);
  if (i !== events.length - 1) return decline();
  return tree;
}

function hasLineBreak(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ') at++;
  return at;
}

/** Inside a one-line flow collection, between two items: spaces and one comma (none before the first). */
function flowGap(text: string, from: number, to: number, first: boolean): void {
  let at = skipSpaces(text, from);
  if (!first) {
    if (text[at] !== ',') decline();
    at = skipSpaces(text, at + 1);
  }
  if (at !== to) decline();
}

/** The closing bracket on the same line, after the last item and an optional comma. */
function closeFlow(text: string, from: number, bracket: string, empty: boolean, inFlow: boolean): number {
  let at = skipSpaces(text, from);
  if (!empty && text[at] === ',') at = skipSpaces(text, at + 1);
  if (text[at] !== bracket) decline();
  if (!inFlow) blockLineEnds(text, at + 1);
  return at + 1;
}

/** After a value in block context: spaces, then the line's end or a comment after a space. */
function blockLineEnds(text: string, from: number): void {
  const at = skipSpaces(text, from);
  const c = text[at];
  if (c === undefined || c === '\n' || (c === '\r' && text[at + 1] === '\n')) return;
  if (c === '#' && at > from) return;
  decline();
}
