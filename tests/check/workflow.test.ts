/** The example pipeline is valid YAML, calls icbsim the way the commands accept, and picks the right plans. */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO, tempDir, writeScenario } from '../cli/helpers.js';

interface Step {
  name?: string;
  run?: string;
}
const wf = parse(readFileSync(join(REPO, 'scenarios', 'ci', 'github-workflow.yml'), 'utf8'));
const steps: Step[] = wf.jobs.check.steps;
const runs = steps.map((s) => s.run ?? '').join('\n');

it('scenarios/ci/github-workflow.yml checks with annotations and comments with the compare table', () => {
  expect(wf.on.pull_request.paths).toEqual(expect.arrayContaining(['plans/**.yaml', 'rules/**', 'bases/**']));
  expect(wf.permissions['pull-requests']).toBe('write');
  expect(runs).toMatch(/icbsim check --rules "\$RULES" --format github/);
  expect(runs).toMatch(/icbsim compare --format md/);
  expect(runs).toMatch(/icbsim diff "git:origin\/\$\{\{ github\.base_ref \}\}:\$plan" "\$plan" --format md/);
  expect(runs).toMatch(/gh pr comment "\$PR" --body-file comment\.md/);
});

it('builds icbsim from a clone: the repository holds no dist/, so installing it from git alone gives no working binary', () => {
  expect(readFileSync(join(REPO, '.gitignore'), 'utf8')).toMatch(/^dist\/$/m);
  const install = steps.find((s) => s.name === 'Install icbsim')!.run!;
  expect(install).toMatch(/npm ci[^\n]*\n\s*npm run build\n\s*npm link/);
});

it('updates its own comment (found by its marker) rather than the last comment of any bot', () => {
  const post = steps.find((s) => s.name === 'Post or update the comment')!.run!;
  expect(post).toContain('startswith("<!-- icbsim-report -->")');
  expect(post).toMatch(/--method PATCH "repos\/\$GITHUB_REPOSITORY\/issues\/comments\/\$id" -F body=@comment\.md/);
  expect(steps.find((s) => s.name === 'Build the pull-request comment')!.run).toContain("echo '<!-- icbsim-report -->'");
});

describe('the step that finds the plans, run in a real repository', () => {
  const findStep = steps.find((s) => s.name === 'Find the plans to check')!.run!.replace(/\$\{\{ github\.base_ref \}\}/g, 'main');
  const dir = tempDir('icbsim-workflow-');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
  const find = () => {
    writeFileSync(join(dir, 'out.txt'), '');
    execFileSync('bash', ['-e', '-c', findStep], { cwd: dir, stdio: 'pipe', env: { ...process.env, GITHUB_OUTPUT: join(dir, 'out.txt') } });
    const read = (f: string) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean);
    return { check: read('check.txt'), changed: read('changed.txt'), modified: read('modified.txt'), out: read('out.txt') };
  };

  it('checks only the changed plans, and every plan once a rule set changes', () => {
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'test@example.org');
    git('config', 'user.name', 'Test');
    writeScenario(dir, 'plans/a.yaml', 'name: A\n');
    writeScenario(dir, 'plans/north/b.yaml', 'name: B\n');
    writeScenario(dir, 'rules/national.yaml', 'checks: []\n');
    git('add', '.');
    git('commit', '-qm', 'base');
    git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    git('checkout', '-qb', 'pr');

    // One plan edited, one added, one file that is not a plan.
    writeScenario(dir, 'plans/north/b.yaml', 'name: B v2\n');
    writeScenario(dir, 'plans/c.yaml', 'name: C\n');
    writeScenario(dir, 'notes.md', 'hello\n');
    git('add', '.');
    git('commit', '-qm', 'plans');
    let r = find();
    expect(r.modified).toEqual(['plans/north/b.yaml']);
    expect(r.changed).toEqual(['plans/c.yaml', 'plans/north/b.yaml']);
    expect(r.check).toEqual(r.changed);
    expect(r.out).toEqual(['count=2', 'changed=2']);

    // A rule set changes: a.yaml did not change but must now be held to the new rules.
    writeScenario(dir, 'rules/national.yaml', 'checks: [{name: B, metric: icb_surplus, min: 0, each_year: true}]\n');
    git('commit', '-qam', 'rules');
    r = find();
    expect(r.check).toEqual(['plans/a.yaml', 'plans/c.yaml', 'plans/north/b.yaml']);
    expect(r.changed).toEqual(['plans/c.yaml', 'plans/north/b.yaml']);
    expect(r.out).toEqual(['count=3', 'changed=2']);
  });
});
