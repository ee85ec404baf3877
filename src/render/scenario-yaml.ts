/**
 * A scenario written back as YAML with some inputs changed: what the what-if page's "Download
 * scenario" saves. Given the file's own text, the result is that file with only the changed values
 * replaced (its comments and layout kept); given only the data (a file that extends another, whose
 * download must stand alone), the merged scenario in full. Either way every number is written as
 * its exact text, so `icbsim run` of the result reproduces the page's figures to the penny.
 */
import { Document, isAlias, isMap, isScalar, parseDocument, visit, type Scalar } from 'yaml';
import type { Plain } from '../model/input-path.js';

/** A number's exact text, so the writer never passes it through a binary float. */
class NumberText {
  constructor(readonly text: string) {}
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

const numberTag = {
  identify: (v: unknown) => v instanceof NumberText,
  default: true,
  tag: 'tag:yaml.org,2002:float',
  resolve: (s: string) => s,
  stringify: (item: { value: unknown }) => (item.value as NumberText).text,
};

const OPTIONS = { customTags: [numberTag], version: '1.2' as const, schema: 'core' as const };

/** Numbers in the loader's data are their source text; written plain, they read back as the same text. */
function asYamlValue(text: string): unknown {
  return NUMBER.test(text) ? new NumberText(text) : text;
}

function withNumbers(v: unknown): unknown {
  if (typeof v === 'string') return asYamlValue(v);
  if (Array.isArray(v)) return v.map(withNumbers);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withNumbers(x)]));
  return v;
}

export interface Change {
  keys: readonly (string | number)[];
  text: string;
}

export interface ScenarioYamlInput {
  /** The scenario's merged data, as the page holds it. */
  data: Plain;
  /** The file's own text, when the download can be that file edited (it extends nothing). */
  source?: string;
  changes: readonly Change[];
  /** Written as `name:` when the data has none, so the copy reports under the original's name. */
  name: string;
  /** The first comment line: where the copy came from. */
  comment: string;
}

/** The file's text as a document whose numbers keep their source text, or undefined where it cannot be edited in place. */
function editable(source: string): Document | undefined {
  const doc = parseDocument(source, OPTIONS);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return undefined;
  let aliases = false;
  visit(doc, {
    Alias: () => {
      aliases = true;
      return visit.BREAK;
    },
    Scalar: (_, node: Scalar) => {
      if (typeof node.value === 'number' && node.source !== undefined) node.value = new NumberText(node.source);
    },
  });
  // Through an alias one edit would change several inputs: write the data out in full instead.
  return aliases ? undefined : doc;
}

export function scenarioYaml(input: ScenarioYamlInput): string {
  const fromSource = input.source === undefined ? undefined : editable(input.source);
  const doc = fromSource ?? new Document(withNumbers(input.data), OPTIONS);
  for (const { keys, text } of input.changes) {
    const node = doc.getIn(keys, true);
    // Set in place, so a comment after the value stays with it.
    if (isScalar(node) && !isAlias(node)) node.value = asYamlValue(text);
    else doc.setIn(keys, asYamlValue(text));
  }
  const top = doc.contents;
  if (input.data.name === undefined && isMap(top)) {
    const pair = doc.createPair('name', input.name);
    // A comment just above the first key belongs to the file, not to that key: keep it above `name`.
    const first = top.items[0]?.key;
    if (isScalar(first) && first.commentBefore) {
      (pair.key as Scalar).commentBefore = first.commentBefore;
      first.commentBefore = undefined;
    }
    top.items.unshift(pair);
  }
  const firstKey = isMap(top) ? top.items[0]?.key : undefined;
  const prepend = (c: string | null | undefined): string => [` ${input.comment}`, ...(c ? [c] : [])].join('\n');
  if (doc.commentBefore || !isScalar(firstKey)) doc.commentBefore = prepend(doc.commentBefore);
  else firstKey.commentBefore = prepend(firstKey.commentBefore);
  return doc.toString({ flowCollectionPadding: false, lineWidth: 0 });
}
