/** "Download scenario": the YAML written back reads as exactly the data the page ran. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTree } from '../../src/io/load.js';
import { parseYamlTree } from '../../src/io/load-yaml.js';
import { toPlain } from '../../src/io/source-tree.js';
import type { Plain } from '../../src/model/input-path.js';
import { scenarioInputs, withInputs } from '../../src/model/inputs.js';
import { scenarioYaml } from '../../src/render/scenario-yaml.js';

const SCENARIOS = join(import.meta.dirname, '..', '..', 'scenarios');

function read(text: string): Plain {
  const r = parseYamlTree(text, 'download.yaml');
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return toPlain(r.tree) as Plain;
}

const TINY = `# A comment the download keeps
base_year: 2025/26
years: 2
allocation:
  recurrent: 100.10        # kept as written: 100.10, not 100.1
  growth: [1%, 2%]
lines:
  acute: {category: acute, spend: 60}
`;

describe('scenarioYaml', () => {
  it('edits the file in place: comments, layout and untouched numbers as written', () => {
    const data = read(TINY);
    const inputs = scenarioInputs(data);
    const spend = inputs.find((i) => i.path === 'lines.acute.spend')!;
    const growth = inputs.find((i) => i.path === 'allocation.growth.1')!;
    const yaml = scenarioYaml({
      data,
      source: TINY,
      changes: [
        { keys: spend.keys, text: '61.123456789012345678901234567' },
        { keys: growth.keys, text: '2.25%' },
      ],
      name: 'tiny',
      comment: 'Saved from the what-if page',
    });
    expect(yaml).toBe(
      [
        '# Saved from the what-if page',
        '# A comment the download keeps',
        'name: tiny',
        'base_year: 2025/26',
        'years: 2',
        'allocation:',
        '  recurrent: 100.10 # kept as written: 100.10, not 100.1',
        '  growth: [1%, 2.25%]',
        'lines:',
        // Thirty digits: a binary float would keep seventeen.
        '  acute: {category: acute, spend: 61.123456789012345678901234567}',
        '',
      ].join('\n'),
    );
  });

  it('reads back as the data the page ran, for every input of every shipped scenario', () => {
    for (const file of ['default.yaml', 'left-shift.yaml', 'uncertain.yaml', 'do-nothing.yaml']) {
      const loaded = loadTree(join(SCENARIOS, file));
      if (!loaded.ok) throw new Error(file);
      const data = loaded.loaded.data as Plain;
      const inputs = scenarioInputs(data);
      // Change every other input: a rate by 0.01 percentage points, money by a penny.
      const changes = inputs
        .filter((_, i) => i % 2 === 0)
        .map((i) => ({ keys: i.keys, text: i.kind === 'rate' ? `${i.text.slice(0, -1)}1%` : `${i.text}.01`.replace(/\.(\d*)\.01$/, '.$101') }));
      const expected = withInputs(data, changes);
      const name = (data.name as string | undefined) ?? file;
      // Shipped files extend base.yaml, so their download is the merged data in full.
      const yaml = scenarioYaml({ data, changes, name, comment: 'copy' });
      expect(read(yaml), file).toEqual({ ...expected, name });
      expect(yaml).not.toContain('extends');
    }
  });

  it('keeps the file it edits when the file stands alone', () => {
    const text = readFileSync(join(SCENARIOS, 'base.yaml'), 'utf8');
    const data = read(text);
    const yaml = scenarioYaml({ data, source: text, changes: [], name: 'x', comment: 'copy' });
    // base.yaml has a name, so nothing is added; every comment line survives.
    expect(read(yaml)).toEqual(data);
    const comments = (s: string) => s.split('\n').map((l) => l.replace(/^.*?#\s*/, '#')).filter((l) => l.startsWith('#') && l !== '#');
    expect(comments(yaml)).toEqual(['#copy', ...comments(text)]);
  });
});
