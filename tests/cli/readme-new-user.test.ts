/** What a new user reads in the README before anything else works for them. */
import { describe, expect, it } from 'vitest';
import { README, readmeSection } from '../readme-section.js';

describe('README for a new user', () => {
  it('opens with exactly the two commands for a fresh clone', () => {
    expect(README.split('\n').slice(0, 5)).toEqual(['# icbsim', '```sh', 'npm ci && npm start', 'npm test', '```']);
  });

  it('says how to get `icbsim` on the PATH before its first `icbsim` command', () => {
    const firstUse = README.search(/^icbsim |`icbsim [a-z]/m);
    const note = README.slice(0, firstUse);
    expect(note).toMatch(/npx icbsim/);
    expect(note).toMatch(/npm link/);
  });

  it('runs the report --draws example on a scenario that has distributions', () => {
    const report = readmeSection('report');
    const draws = report.split('\n').filter((l) => /icbsim report .*--draws/.test(l));
    expect(draws.length).toBeGreaterThan(0);
    for (const l of draws) expect(l).toMatch(/scenarios\/uncertain\.yaml/);
  });

  it('says in the model section that a flat-cash gap can be negative', () => {
    expect(readmeSection('model')).toMatch(/gap can be negative/);
  });
});
