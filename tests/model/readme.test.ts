/** The README's quick start and scenario tour quote the shipped files and output: keep them true. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Cli } from '../../src/cli/context.js';
import { main } from '../../src/cli/main.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The text of one README section (from its marker to the next heading). */
function section(name: string): string {
  const start = README.indexOf(`<!-- section: ${name} -->`);
  expect(start, `section ${name}`).toBeGreaterThanOrEqual(0);
  const rest = README.slice(start);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

const codeBlocks = (text: string) => [...text.matchAll(/```(\w*)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1], body: m[2]! }));

async function runDefault(): Promise<string> {
  let out = '';
  const stream = { write: (s: string) => ((out += s), true), isTTY: false, columns: 120 };
  const cli = { stdout: stream, stderr: { ...stream, write: () => true }, env: { NO_COLOR: '1' }, cwd: ROOT } as unknown as Cli;
  expect(await main(['node', 'icbsim', 'run'], cli)).toBe(0);
  return out;
}

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
