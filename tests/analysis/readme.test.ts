/**
 * The README's examples for explain, sweep, tornado, solve, Monte Carlo and bridge are what the commands
 * print: every `$ icbsim ...` line in those sections is run, and its output must match the lines
 * quoted under it, character for character.
 */
import { describe, expect, it } from 'vitest';
import { readmeSection } from '../readme-section.js';
import { icbsim, REPO } from '../cli/helpers.js';

const SECTIONS = ['explain', 'sweep', 'tornado', 'solve', 'montecarlo', 'bridge'];

const section = (name: string): string => readmeSection(name);

/** Words of a command line as a POSIX shell splits them (double quotes only: all the README uses). */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

interface Example {
  section: string;
  args: string[];
  output: string;
}

function examples(): Example[] {
  const out: Example[] = [];
  for (const name of SECTIONS) {
    for (const block of section(name).matchAll(/```console\n([\s\S]*?)```/g)) {
      const lines = block[1]!.replace(/\n$/, '').split('\n');
      let current: Example | undefined;
      for (const line of lines) {
        if (line.startsWith('$ icbsim ')) {
          current = { section: name, args: words(line.slice('$ icbsim '.length)), output: '' };
          out.push(current);
        } else {
          expect(current, `${name}: output before any command`).toBeDefined();
          current!.output += `${line}\n`;
        }
      }
    }
  }
  return out;
}

describe('README examples of the analysis commands', () => {
  const all = examples();

  it('are there: at least one command in each section', () => {
    for (const name of SECTIONS) expect(all.some((e) => e.section === name), name).toBe(true);
  });

  it.each(all.map((e) => [e.section, e.args.join(' '), e] as const))('%s: icbsim %s', async (_section, _line, e) => {
    // No "..." elisions: an example shows all of its output.
    expect(e.output).not.toMatch(/^\.\.\.$/m);
    const r = await icbsim(e.args, { cwd: REPO, env: { NO_COLOR: '1' } });
    expect(r.stdout).toBe(e.output);
  }, 30_000);
});
