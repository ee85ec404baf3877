/** The national batch example: ICB presets under one set of national assumptions through `icbsim batch`. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/io/load-scenario.js';
import { parseCsvRecords, presetSlug } from '../../src/model/presets.js';
import { runScenario } from '../../src/model/run.js';
import { icbsim, REPO } from '../cli/helpers.js';
import { PRESETS, shippedRows } from './helpers.js';

describe('icbsim batch over the ICB presets', () => {
  // A sample across regions and sizes (the whole set runs the same way: see the README).
  const codes = ['QUE', 'QOP', 'QKK', 'QJK', 'QSL', 'QWO'];
  const rows = shippedRows().filter((r) => codes.includes(r.code));
  const files = rows.map((r) => join('scenarios', 'presets', `${presetSlug(r.name)}.yaml`));

  it('gives every preset every year, and the same figures as running each one alone', async () => {
    const r = await icbsim(['batch', ...files, '--workers', '2', '--no-progress'], { cwd: REPO });
    expect(r.code, r.stderr).toBe(0);
    const [header, ...records] = parseCsvRecords(r.stdout).filter((x) => x.length > 1);
    expect(header).toEqual(['scenario', 'file', 'year', 'metric', 'value']);
    for (const row of rows) {
      const loaded = loadScenario(join(PRESETS, `${presetSlug(row.name)}.yaml`));
      if (!loaded.ok) throw new Error(`${row.code} does not load`);
      const alone = runScenario(loaded.scenario.spec, loaded.scenario.name);
      const mine = records.filter((x) => x[0] === `NHS ${row.name} ICB`);
      expect(new Set(mine.map((x) => x[2]))).toEqual(new Set(alone.years.map((y) => y.year)));
      for (const y of alone.years) {
        for (const metric of ['income', 'spend', 'allocation', 'allocation_growth', 'icb_surplus', 'care_shift_share', 'spend.acute']) {
          const got = mine.find((x) => x[2] === y.year && x[3] === metric)?.[4];
          expect(got, `${row.code} ${y.year} ${metric}`).toBe(y.metrics[metric]?.toFixed()); // absent in both where a metric starts in year 1
        }
      }
      // Convergence moves growth off the 3% base: down for an ICB above its target, up below it.
      const growth = Number(mine.find((x) => x[2] === '2026/27' && x[3] === 'allocation_growth')?.[4]);
      expect(Math.sign(growth - 0.03), row.code).toBe(-Math.sign(row.distanceFromTarget.toNumber()));
    }
  });
});
