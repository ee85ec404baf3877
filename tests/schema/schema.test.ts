/**
 * The shipped JSON Schema is generated from the zod schemas and kept in sync; an independent
 * validator (ajv, draft 2020-12) accepts every shipped scenario and rejects what the loader rejects
 * at the level JSON Schema can see (unknown keys, bare-number rates, wrong types).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rulesJsonSchemaText, scenarioJsonSchema, scenarioJsonSchemaText } from '../../src/model/json-schema.js';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { loadScenario } from '../../src/io/load-scenario.js';
import { METRIC_TABLE } from '../../src/model/metric-table.js';
import { metricDefs } from '../../src/model/metrics.js';

const REPO = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SCHEMA_FILE = join(REPO, 'schema', 'scenario.schema.json');
const RULES_SCHEMA_FILE = join(REPO, 'schema', 'rules.schema.json');
/** Rules files (`icbsim check --rules`) have their own, smaller format and schema. */
const RULES_DIR = 'scenarios/rules/';

type Validate = ReturnType<InstanceType<typeof Ajv2020.default>['compile']>;
const compiled = new Map<string, Validate>();

/** An ajv (draft 2020-12) validator for a committed schema file, compiled once. */
function validator(file = SCHEMA_FILE): Validate {
  const done = compiled.get(file);
  if (done) return done;
  const ajv = new Ajv2020.default({ allErrors: true, strict: true, allowUnionTypes: true });
  const v = ajv.compile(JSON.parse(readFileSync(file, 'utf8')) as object);
  compiled.set(file, v);
  return v;
}

function schemaFor(file: string): string {
  return file.startsWith(RULES_DIR) ? RULES_SCHEMA_FILE : SCHEMA_FILE;
}

describe('schema/scenario.schema.json', () => {
  it('is exactly what the zod schemas generate now (regenerate with `icbsim schema > schema/scenario.schema.json`)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('has a rules-file sibling, equally in sync (`icbsim schema --rules > schema/rules.schema.json`)', () => {
    expect(readFileSync(RULES_SCHEMA_FILE, 'utf8')).toBe(rulesJsonSchemaText());
  });

  it('is what `icbsim schema` prints', async () => {
    let stdout = '';
    let stderr = '';
    const cli = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
      cwd: REPO,
    };
    expect(await main(['node', 'icbsim', 'schema'], cli)).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(readFileSync(SCHEMA_FILE, 'utf8'));
  });

  it.each([
    ['scenario', () => scenarioJsonSchema(), 40],
    // root, rules[], each rule's name/metric/min/max/year/each_year/... : well over 8.
    ['rules', () => JSON.parse(rulesJsonSchemaText()) as Record<string, unknown>, 8],
  ] as const)('describes every field of the %s schema, so hovering in an editor explains it', (_which, make, atLeast) => {
    const missing: string[] = [];
    const schema = make();
    const defs = schema.$defs as Record<string, Record<string, unknown>>;
    const described = (s: Record<string, unknown>): boolean => {
      if (typeof s.description === 'string' && s.description.length > 0) return true;
      const ref = typeof s.$ref === 'string' ? /^#\/\$defs\/(.+)$/.exec(s.$ref)?.[1] : undefined;
      return ref !== undefined && typeof defs[ref]?.description === 'string';
    };
    let fields = 0;
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}[${i}]`));
      if (typeof node !== 'object' || node === null) return;
      const obj = node as Record<string, unknown>;
      if (typeof obj.properties === 'object' && obj.properties !== null) {
        for (const [key, field] of Object.entries(obj.properties as Record<string, Record<string, unknown>>)) {
          fields++;
          if (!described(field)) missing.push(`${path}.${key}`);
        }
      }
      for (const [key, child] of Object.entries(obj)) walk(child, `${path}/${key}`);
    };
    walk(schema, '#');
    expect(missing).toEqual([]);
    // Guards the walk itself: the scenario has well over 40 fields (root, allocation, lines, policies, checks, ...).
    expect(fields).toBeGreaterThan(atLeast);
  });

  const scenarios = globSync('scenarios/**/*.yaml', { cwd: REPO }).sort();

  it('finds the shipped scenarios', () => {
    expect(scenarios.length).toBeGreaterThan(0);
  });

  it('finds rules files and scenarios alike', () => {
    expect(scenarios.some((f) => f.startsWith(RULES_DIR))).toBe(true);
    expect(scenarios.some((f) => !f.startsWith(RULES_DIR))).toBe(true);
  });

  it.each(scenarios)('accepts %s', (file) => {
    const validate = validator(schemaFor(file));
    const data: unknown = parse(readFileSync(join(REPO, file), 'utf8'));
    const ok = validate(data);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it.each(scenarios)('%s starts with the yaml-language-server comment pointing at its schema', (file) => {
    const first = readFileSync(join(REPO, file), 'utf8').split('\n')[0] ?? '';
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, `first line of ${file}: ${first}`).not.toBeNull();
    expect(resolve(dirname(join(REPO, file)), m![1]!)).toBe(schemaFor(file));
  });

  const GOOD = {
    name: 'Good',
    base_year: '2025/26',
    years: 2,
    allocation: { recurrent: 100, growth: '3%' },
    lines: { acute: { category: 'acute', spend: '60.5', inflation: { normal: ['2%', '0.5%'] } } },
    policies: [{ type: 'flat_cash', line: 'acute', uplift: 'inflation' }],
    checks: [{ name: 'Breakeven', metric: 'icb_surplus', min: 0, each_year: true }],
  };

  it('accepts a full scenario written the way the loader reads it', () => {
    const validate = validator();
    expect(validate(GOOD)).toBe(true);
  });

  // Each of these is a mistake a user makes; each must be rejected, or the schema checks nothing.
  const BAD: [string, (s: Record<string, unknown>) => void, string][] = [
    ['a typo in a key', (s) => { s.alocation = s.allocation; delete s.allocation; }, 'additionalProperties'],
    ['a rate without %', (s) => { s.allocation = { recurrent: 100, growth: 2.5 }; }, 'type'],
    ['a rate as a bare string', (s) => { s.allocation = { recurrent: 100, growth: '2.5' }; }, 'pattern'],
    ['an unknown category', (s) => { s.lines = { acute: { category: 'hospital', spend: 1 } }; }, 'enum'],
    ['an unknown policy type', (s) => { s.policies = [{ type: 'flat_cahs', line: 'acute' }]; }, 'oneOf'],
    ['a policy missing a key', (s) => { s.policies = [{ type: 'running_cost_cut', line: 'acute', cut: '30%' }]; }, 'oneOf'],
    ['a badly written year', (s) => { s.base_year = '2025-26'; }, 'pattern'],
    ['a line name in capitals', (s) => { s.lines = { Acute: { category: 'acute', spend: 1 } }; }, 'pattern'],
    ['a check with no metric', (s) => { s.checks = [{ name: 'x', min: 0 }]; }, 'required'],
  ];

  it.each(BAD)('rejects %s', (_what, mutate, keyword) => {
    const validate = validator();
    const s = structuredClone(GOOD) as Record<string, unknown>;
    mutate(s);
    expect(validate(s)).toBe(false);
    expect(validate.errors!.map((e) => e.keyword)).toContain(keyword);
  });

  it('lets a file leave out keys another file it extends (or that extends it) supplies', () => {
    const validate = validator();
    expect(validate({ extends: 'base.yaml', lines: { acute: { inflation: '3%' } } })).toBe(true);
  });

  describe('metric names, read from the metric table', () => {
    const withMetric = (metric: string) => ({ ...GOOD, checks: [{ name: 'Rule', metric, min: 0 }] });
    const rulesWith = (metric: string) => ({ checks: [{ name: 'Rule', metric, min: 0 }] });
    const accepts = (metric: string) => validator()(withMetric(metric)) && validator(RULES_SCHEMA_FILE)(rulesWith(metric));

    // Every entry of the table: a single metric by name; a family by a member (any line, provider or
    // stream name) and by its pattern.
    const fromTable = METRIC_TABLE.flatMap((e) => ('family' in e ? [`${e.family}.acute`, `${e.family}.north_shire2`, `${e.family}.*`] : [e.name]));
    it.each(fromTable)('accepts %s', (metric) => {
      expect(accepts(metric)).toBe(true);
    });

    // The names the shipped scenarios really report (their lines, providers and streams).
    const reported = [
      ...new Set(
        scenarios
          .filter((f) => !f.startsWith(RULES_DIR))
          .flatMap((f) => {
            const loaded = loadScenario(join(REPO, f));
            return loaded.ok ? metricDefs(loaded.scenario.spec).map((d) => d.name) : [];
          }),
      ),
    ].sort();

    it('accepts every metric a shipped scenario reports', () => {
      // base.yaml alone reports well over 20 (its lines' spend, need, gap and growth).
      expect(reported.length).toBeGreaterThan(20);
      expect(reported.filter((m) => !accepts(m))).toEqual([]);
    });

    it.each([
      ['a misspelt metric', 'icb_surplsu'],
      ['a misspelt family', 'spnd.acute'],
      ['a family with no member', 'spend.'],
      ['a member in capitals', 'spend.Acute'],
      ['a pattern that is not a family', 'icb_surplus.*'],
      ['a pattern inside a member', 'provider_surplus.north*'],
      ['a metric in capitals', 'ICB_surplus'],
    ])('rejects %s (%s)', (_what, metric) => {
      const validate = validator();
      expect(validate(withMetric(metric))).toBe(false);
      expect(validate.errors!.map((e) => e.instancePath)).toContain('/checks/0/metric');
      expect(validator(RULES_SCHEMA_FILE)(rulesWith(metric))).toBe(false);
    });

    it('describes every name with the words of the table', () => {
      const names = (scenarioJsonSchema().$defs as Record<string, { anyOf: { const?: string; pattern?: string; description: string }[] }>).Metric!.anyOf;
      expect(names.find((n) => n.const === 'icb_surplus')?.description).toBe('ICB surplus/(deficit) (money)');
      expect(names.find((n) => n.const === 'allocation_growth')?.description).toBe('Allocation growth (a rate, from the first projection year)');
      expect(names.find((n) => n.pattern?.startsWith('^provider_surplus'))?.description).toBe('provider_surplus.<provider>: <provider> surplus/(deficit) (money)');
      expect(names.find((n) => n.const === 'non_recurrent.*')?.description).toBe("Every stream's one-off funding: one rule for each stream of the plan");
      // One entry a single metric, two a family, in the table's order.
      const expected = METRIC_TABLE.flatMap((e) => ('family' in e ? [undefined, `${e.family}.*`] : [e.name]));
      expect(names.map((n) => n.const)).toEqual(expected);
    });
  });
});
