/** The README's quick start and scenario tour quote the shipped files and output: keep them true. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Cli } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';
import { readmeSection } from '../readme-section.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The text of one README section, its subsections included (to the next `##`). */
const section = (name: string): string => readmeSection(name, /\n## /);

const codeBlocks = (text: string) => [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2]! }));

/** What a terminal shows for `icbsim ...args` (stdout then stderr, as the README's examples do). */
async function shell(args: string[], cwd = ROOT): Promise<{ code: number; text: string }> {
  let out = '';
  let err = '';
  const stream = (add: (s: string) => void) => ({ write: (s: string) => (add(s), true), isTTY: false, columns: 120 });
  const cli = { stdout: stream((s) => (out += s)), stderr: stream((s) => (err += s)), env: { NO_COLOR: '1' }, cwd } as unknown as Cli;
  const code = await main(['node', 'icbsim', ...args], cli);
  return { code, text: out + err };
}

async function runDefault(): Promise<string> {
  const r = await shell(['run']);
  expect(r.code).toBe(0);
  return r.text;
}

/** The output lines a console block shows after `$ COMMAND`, up to the next prompt. */
function consoleOutput(text: string, command: string): string[] {
  const isPrompt = (l: string) => l.replace(/\s+#.*$/, '').trim() === `$ ${command}`;
  const block = codeBlocks(text).find((b) => b.lang === 'console' && b.body.split('\n').some(isPrompt));
  expect(block, `a console block running \`${command}\``).toBeDefined();
  const lines = block!.body.split('\n');
  const start = lines.findIndex(isPrompt);
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('$ '));
  return (end < 0 ? rest : rest.slice(0, end)).filter((l) => l.trim() !== '');
}

const shippedScenarios = () => readdirSync(path.join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).sort();

describe('README', () => {
  test('the quick start\'s table rows are rows of what `icbsim run` prints', async () => {
    const table = codeBlocks(section('quick-start')).find((b) => b.body.includes('│'));
    expect(table).toBeDefined();
    const output = (await runDefault()).split('\n').map((l) => l.trimEnd());
    const rows = table!.body.split('\n').filter((l) => l.startsWith('│'));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    for (const row of rows) expect(output, row).toContain(row.trimEnd());
    expect(output).toContain(table!.body.split('\n')[0]);
  });

  test('the quick start lists every shipped scenario', () => {
    const quick = section('quick-start');
    for (const file of shippedScenarios()) expect(quick, file).toContain(`\`${file}\``);
  });

  test("the run section's table is exactly what `icbsim run` prints, and its --lines excerpt is in `run --lines`", async () => {
    const run = section('run');
    const shown = consoleOutput(run, 'icbsim run');
    const printed = (await runDefault()).split('\n').filter((l) => l.trim() !== '');
    expect(shown).toEqual(printed);
    const excerpt = consoleOutput(run, 'icbsim run --lines');
    expect(excerpt.length).toBeGreaterThanOrEqual(5);
    const withLines = (await shell(['run', '--lines'])).text.split('\n');
    for (const row of excerpt) expect(withLines, row).toContain(row);
  });

  test("the validate section's examples are what `icbsim validate` prints", async () => {
    const text = section('validate');
    const ok = consoleOutput(text, 'icbsim validate scenarios/*.yaml');
    expect(ok).toEqual(shippedScenarios().map((f) => `ok: scenarios/${f}`));
    // mine.yaml, as the example's quoted lines 6 and 8 show it.
    const dir = mkdtempSync(path.join(tmpdir(), 'icbsim-readme-'));
    writeFileSync(
      path.join(dir, 'mine.yaml'),
      'name: Mine\nbase_year: 2025/26\nyears: 2\nallocation:\n  recurrent: 100\n  grwoth: 2.5%\nlines:\n  a: {category: acute, spend: 2.5%}\n',
    );
    const shown = consoleOutput(text, 'icbsim validate mine.yaml');
    const r = await shell(['validate', 'mine.yaml'], dir);
    expect(r.code).toBe(2);
    // In-process, file names are shown relative to the test's own working directory, not `dir`.
    const printed = r.text.split(`${dir}${path.sep}`).join('');
    expect(shown).toEqual(printed.split('\n').filter((l) => l.trim() !== ''));
  });

  test('every `key: value` line the scenario tour quotes is in default.yaml or base.yaml', () => {
    const files = ['default.yaml', 'base.yaml'].map((f) => readFileSync(path.join(ROOT, 'scenarios', f), 'utf8'));
    const normal = (line: string) => line.replace(/\s+#.*$/, '').trim().replace(/^- /, '');
    const shipped = new Set(files.flatMap((t) => t.split('\n').map(normal)));
    const quoted = codeBlocks(section('scenario-tour'))
      .filter((b) => b.lang === 'yaml')
      .flatMap((b) => b.body.split('\n'))
      .map(normal)
      .filter((l) => /^[a-z_]+: \S/.test(l) && !l.includes('{') && !l.includes('...'));
    expect(quoted.length).toBeGreaterThanOrEqual(20);
    for (const line of quoted) expect(shipped.has(line), line).toBe(true);
  });
});
