/** The batch's own CSV row builder writes exactly what csv-stringify writes for the same rows. */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { batchHeader, csvRows } from '../../src/batch/csv-rows.js';

// Text with every character CSV treats specially, and the ones csv-stringify might (formula
// starts, spaces, an empty field), beside the plain labels, names and decimals a run gives.
const special = fc.constantFrom('', ' ', ',', '"', '\n', '\r', '\r\n', '=', '-', '+', '@', '\t', "'", '£', 'é', ';');
const tricky = fc.array(fc.oneof(special, fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 6 }).map((a) => a.join(''));
const plain = fc.oneof(
  fc.constantFrom('2025/26', '2030/31', 'icb_surplus', 'spend.acute', 'growth.mental_health', '0', '-0.2', '1038.1', '0.2123'),
  fc.stringMatching(/^-?\d{1,6}(\.\d{1,8})?$/),
);
const field = fc.oneof({ weight: 4, arbitrary: plain }, { weight: 1, arbitrary: tricky });

it('matches csv-stringify byte for byte, whatever the names, labels and values hold', () => {
  fc.assert(
    fc.property(tricky, tricky, fc.array(fc.tuple(field, field, field), { maxLength: 8 }), (scenario, file, rows) => {
      expect(csvRows(scenario, file, rows)).toBe(stringify(rows.map(([y, m, v]) => [scenario, file, y, m, v])));
    }),
    { numRuns: 2000 },
  );
});

it('quotes what CSV needs quoted (hand-written cases)', () => {
  expect(csvRows('Ay, with a comma', 'a.yaml', [['2025/26', 'icb_surplus', '10']])).toBe('"Ay, with a comma",a.yaml,2025/26,icb_surplus,10\n');
  expect(csvRows('Say "hi"', 'dir/b c.yaml', [['2025/26', 'spend', '-1.5']])).toBe('"Say ""hi""",dir/b c.yaml,2025/26,spend,-1.5\n');
  expect(csvRows('Two\nlines', 'x.yaml', [])).toBe('');
  expect(batchHeader()).toBe('scenario,file,year,metric,value\n');
});
