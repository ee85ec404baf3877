/** `check` with a rule for every provider: exit 1 when one breaks even no longer, and the annotation names it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { icbsim } from '../cli/helpers.js';

const PLAN = `base_year: 2025/26
years: 1
allocation: {recurrent: 1200, growth: 3%}
assumptions: {inflation: 3%}
lines:
  acute: {category: acute, spend: 1000}
  community: {category: community, spend: 200}
policies:
  - {type: flat_cash, line: acute, uplift: 0%}
providers:
  northshire: {contracts: {acute: 62%}}
  southshire: {contracts: {community: 50%}}
checks:
  - {name: Each organisation breaks even, metric: provider_surplus.*, min: 0, each_year: true}
`;

test('a provider below breakeven fails the pattern rule: exit 1, the GitHub annotation names it and only it', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'icbsim-providers-'));
  writeFileSync(path.join(dir, 'plan.yaml'), PLAN);
  const r = await icbsim(['check', 'plan.yaml', '--format', 'github'], { cwd: dir, env: { NO_COLOR: '1' } });
  expect(r.code).toBe(1);
  // northshire: paid 62% × 1000 = 620, bears 62% × 1030 = 638.6: −18.60; southshire's contract is funded in full: 0
  expect(r.stdout).toContain('title=Each organisation breaks even%3A northshire');
  expect(r.stdout).toContain('provider_surplus.northshire is -£18.60m');
  expect(r.stdout).not.toContain('southshire is');
  // at the rule's own line in the file
  expect(r.stdout).toMatch(/file=[^,]*plan\.yaml,line=14,/);
});
