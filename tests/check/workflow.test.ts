/** The example pipeline is valid YAML and calls icbsim the way the commands accept. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parse } from 'yaml';

it('scenarios/ci/github-workflow.yml checks with annotations and comments with the compare table', () => {
  const wf = parse(readFileSync(join(process.cwd(), 'scenarios', 'ci', 'github-workflow.yml'), 'utf8'));
  expect(wf.on.pull_request.paths).toContain('plans/**.yaml');
  expect(wf.permissions['pull-requests']).toBe('write');
  const runs: string = wf.jobs.check.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
  expect(runs).toMatch(/icbsim check --rules "\$RULES" --format github/);
  expect(runs).toMatch(/icbsim compare --format md/);
  expect(runs).toMatch(/icbsim diff "git:origin\/\$\{\{ github\.base_ref \}\}:\$plan" "\$plan" --format md/);
  expect(runs).toMatch(/gh pr comment "\$PR" --body-file comment\.md/);
});
