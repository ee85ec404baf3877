'use strict';
/**
 * Edits to cli-table3 0.6's sources made when scripts/build-cli.mjs bundles them: each does less
 * work for the same answer. A table is drawn once per command, all of it in V8's interpreter, so
 * every array built and regular expression run per cell shows in the start-up time (about 8 ms of
 * `icbsim run`'s 9 before these). Every `from` must occur exactly once in its file or the build
 * fails, so a cli-table3 that changes these spots is noticed, not silently left slow or mis-patched.
 * tests/package/cli-table3-patches.test.ts draws random tables (spans, gaps, colour codes, wide
 * characters, wrapping, truncation, debug messages) with the patched and the published library and
 * requires the same output; tests/cli/bundle-tables.test.ts does the same for every command's tables.
 */

/** @type {{ file: string, why: string, from: string, to: string }[]} */
const PATCHES = [
  {
    file: 'cell.js',
    why:
      "setOption turned 'top-left' into 'topLeft' (split, charAt, toUpperCase, substr, join) and firstDefined(...args) built an array and " +
      'filtered it, for each of 17 options of every cell: a name is turned once, and the first defined value is picked without an array',
    from:
      'function firstDefined(...args) {\n  return args.filter((v) => v !== undefined && v !== null).shift();\n}\n\n' +
      '// HELPER FUNCTIONS\n' +
      'function setOption(objA, objB, nameB, targetObj) {\n' +
      "  let nameA = nameB.split('-');\n" +
      '  if (nameA.length > 1) {\n' +
      '    nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);\n' +
      "    nameA = nameA.join('');\n" +
      '    targetObj[nameA] = firstDefined(objA[nameA], objA[nameB], objB[nameA], objB[nameB]);\n' +
      '  } else {\n' +
      '    targetObj[nameB] = firstDefined(objA[nameB], objB[nameB]);\n' +
      '  }\n' +
      '}',
    to:
      'const camelNames = new Map();\n' +
      'function camelName(nameB) {\n' +
      '  let nameA = camelNames.get(nameB);\n' +
      '  if (nameA === undefined) {\n' +
      "    nameA = nameB.split('-');\n" +
      '    if (nameA.length > 1) {\n' +
      '      nameA[1] = nameA[1].charAt(0).toUpperCase() + nameA[1].substr(1);\n' +
      "      nameA = nameA.join('');\n" +
      '    } else {\n' +
      '      nameA = null;\n' +
      '    }\n' +
      '    camelNames.set(nameB, nameA);\n' +
      '  }\n' +
      '  return nameA;\n' +
      '}\n' +
      'function defined(v) {\n' +
      '  return v !== undefined && v !== null;\n' +
      '}\n' +
      'function setOption(objA, objB, nameB, targetObj) {\n' +
      '  const nameA = camelName(nameB);\n' +
      '  if (nameA !== null) {\n' +
      '    const a = objA[nameA], b = objA[nameB], c = objB[nameA], d = objB[nameB];\n' +
      '    targetObj[nameA] = defined(a) ? a : defined(b) ? b : defined(c) ? c : defined(d) ? d : undefined;\n' +
      '  } else {\n' +
      '    const a = objA[nameB], b = objB[nameB];\n' +
      '    targetObj[nameB] = defined(a) ? a : defined(b) ? b : undefined;\n' +
      '  }\n' +
      '}',
  },
  {
    file: 'cell.js',
    why:
      "mergeTableOptions merged the table's 15 border characters into every cell one by one, though a cell without characters of its own gets " +
      'the same ones as every other such cell: they are merged once per drawing of the table (the cells array toString makes) and copied',
    from:
      '    let chars = (this.chars = {});\n' +
      '    CHAR_NAMES.forEach(function (name) {\n' +
      '      setOption(optionsChars, tableChars, name, chars);\n' +
      '    });\n',
    to:
      '    let chars = (this.chars = {});\n' +
      '    if (!this.options.chars && cells !== undefined) {\n' +
      '      Object.assign(chars, tableCharsOnly(tableChars, cells));\n' +
      '    } else {\n' +
      '      CHAR_NAMES.forEach(function (name) {\n' +
      '        setOption(optionsChars, tableChars, name, chars);\n' +
      '      });\n' +
      '    }\n',
  },
  {
    file: 'cell.js',
    why: 'the merge of the table\'s characters alone that mergeTableOptions copies, made once per table drawing',
    from: 'let CHAR_NAMES = [\n',
    to:
      'let tableCharsMemo = { cells: undefined, tableChars: undefined, chars: undefined };\n' +
      'function tableCharsOnly(tableChars, cells) {\n' +
      '  if (tableCharsMemo.cells !== cells || tableCharsMemo.tableChars !== tableChars) {\n' +
      '    const chars = {};\n' +
      '    CHAR_NAMES.forEach(function (name) {\n' +
      '      setOption({}, tableChars, name, chars);\n' +
      '    });\n' +
      '    tableCharsMemo = { cells, tableChars, chars };\n' +
      '  }\n' +
      '  return tableCharsMemo.chars;\n' +
      '}\n\n' +
      "const PRIMITIVE_TYPES = ['boolean', 'number', 'bigint', 'string'];\n\n" +
      'let CHAR_NAMES = [\n',
  },
  {
    file: 'cell.js',
    why: 'setOptions built the list of primitive types twice for every cell: once is enough',
    from: "    if (['boolean', 'number', 'bigint', 'string'].indexOf(typeof options) !== -1) {\n",
    to: '    if (PRIMITIVE_TYPES.indexOf(typeof options) !== -1) {\n',
  },
  {
    file: 'cell.js',
    why: 'the same list, for the content',
    from: "    if (['boolean', 'number', 'bigint', 'string'].indexOf(typeof content) !== -1) {\n",
    to: '    if (PRIMITIVE_TYPES.indexOf(typeof content) !== -1) {\n',
  },
  {
    file: 'debug.js',
    why: 'lets a caller skip building a debug message no one will keep (the level is otherwise private)',
    from: 'debug.debugMessages = () => messages;',
    to: 'debug.debugMessages = () => messages;\ndebug.keeps = (min) => level >= min;',
  },
  {
    file: 'cell.js',
    why: 'the debug level test draw() uses below',
    from: "const { info, debug } = require('./debug');",
    to: "const { info, debug, keeps: keepsDebug, INFO } = require('./debug');",
  },
  {
    file: 'cell.js',
    why: 'draw() truncated every cell to 10 characters and built a message for every line 0, only for a debug log that is off unless debug is set',
    from:
      '    let content = utils.truncate(this.content, 10, this.truncate);\n' +
      '    if (!lineNum) {\n' +
      '      info(`${this.y}-${this.x}: ${this.rowSpan - lineNum}x${this.colSpan} Cell ${content}`);\n' +
      '    }',
    to:
      '    if (!lineNum && keepsDebug(INFO)) {\n' +
      '      let content = utils.truncate(this.content, 10, this.truncate);\n' +
      '      info(`${this.y}-${this.x}: ${this.rowSpan - lineNum}x${this.colSpan} Cell ${content}`);\n' +
      '    }',
  },
  {
    file: 'utils.js',
    why: 'strlen stripped colour codes with a new regular expression and split on line breaks for every measurement: text with neither is as wide as string-width says',
    from: "function strlen(str) {\n  let code = codeRegex();\n  let stripped = ('' + str).replace(code, '');",
    to:
      'function strlen(str) {\n' +
      "  const text = '' + str;\n" +
      "  if (!text.includes('\\u001b') && !text.includes('\\n')) {\n" +
      '    const width = stringWidth(text);\n' +
      '    return width > 0 ? width : 0;\n' +
      '  }\n' +
      '  let code = codeRegex();\n' +
      "  let stripped = text.replace(code, '');",
  },
  {
    file: 'utils.js',
    why: "repeat built an array of times + 1 holes to join: String.prototype.repeat gives the same string wherever it is defined alike (a string, a whole count)",
    from: 'function repeat(str, times) {\n  return Array(times + 1).join(str);\n}',
    to:
      'function repeat(str, times) {\n' +
      "  if (typeof str === 'string' && Number.isInteger(times) && times >= 0) return str.repeat(times);\n" +
      '  return Array(times + 1).join(str);\n' +
      '}',
  },
  {
    file: 'utils.js',
    why: "colorizeLines carries colour codes across a cell's lines (three regular-expression passes and objects per line): lines without an escape character come back as they are",
    from: 'function colorizeLines(input) {\n  let state = {};',
    to:
      'function colorizeLines(input) {\n' +
      "  if (input.every((line) => typeof line === 'string' && !line.includes('\\u001b'))) return input.slice();\n" +
      '  let state = {};',
  },
  {
    file: 'layout-manager.js',
    why:
      'fillInTable looks for each position of the grid in every cell of every row above it (rows² × columns² tests) to add the cells a ragged table lacks; ' +
      'when no cell spans rows and every row fills the full width from column 0, there is none to add',
    from: '    debug(`Max rows: ${h_max}; Max cols: ${w_max}`);\n',
    to:
      '    debug(`Max rows: ${h_max}; Max cols: ${w_max}`);\n' +
      '    if (everyRowFull(table, w_max)) return;\n',
  },
  {
    file: 'layout-manager.js',
    why: 'the test fillInTable uses above: each row is cells of one row each, side by side from column 0 to the widest row',
    from: '  function fillInTable(table) {\n',
    to:
      '  function everyRowFull(table, w_max) {\n' +
      '    for (const row of table) {\n' +
      '      let x = 0;\n' +
      '      for (const cell of row) {\n' +
      '        const colSpan = cell.colSpan || 1;\n' +
      '        if ((cell.rowSpan || 1) !== 1 || cell.x !== x || !Number.isInteger(colSpan) || colSpan < 1) return false;\n' +
      '        x += colSpan;\n' +
      '      }\n' +
      '      if (x !== w_max) return false;\n' +
      '    }\n' +
      '    return true;\n' +
      '  }\n\n' +
      '  function fillInTable(table) {\n',
  },
];

/** `source` of cli-table3's src/`file` with its patches applied; throws if one does not apply exactly once. */
function patchSource(file, source) {
  let out = source;
  for (const p of PATCHES.filter((q) => q.file === file)) {
    const at = out.indexOf(p.from);
    if (at === -1 || out.indexOf(p.from, at + 1) !== -1) {
      throw new Error(`cli-table3's src/${file} no longer has the text scripts/cli-table3-patches.cjs patches (${p.why.split(':')[0]})`);
    }
    out = out.slice(0, at) + p.to + out.slice(at + p.from.length);
  }
  return out;
}

/** The files of cli-table3's src/ that have patches. */
const PATCHED_FILES = [...new Set(PATCHES.map((p) => p.file))];

/** An esbuild plugin applying the patches to the cli-table3 it bundles. */
const cliTable3Patches = {
  name: 'cli-table3-patches',
  setup(b) {
    const { readFileSync } = require('node:fs');
    const { basename } = require('node:path');
    b.onLoad({ filter: /[\\/]cli-table3[\\/]src[\\/][a-z-]+\.js$/ }, (args) => {
      const file = basename(args.path);
      if (!PATCHED_FILES.includes(file)) return undefined;
      return { contents: patchSource(file, readFileSync(args.path, 'utf8')), loader: 'js' };
    });
  },
};

module.exports = { PATCHES, PATCHED_FILES, patchSource, cliTable3Patches };
