/**
 * The scenario's JSON Schema, generated from the zod schemas and the metric table (never written by
 * hand) so editors can complete and check keys against exactly what the loader accepts. It
 * describes the *input*: the loader hands zod numbers as their source text, so money and counts
 * accept a number or a string, and rates are strings ending in `%`. Pure: the CLI prints it, a test keeps the committed copy in sync.
 */
import * as z from 'zod/mini';
import { METRIC_TABLE, type MetricKind } from './metric-table.js';
import { rulesFileSchema } from './rules.js';
import { CheckMetric, LineName, Money, Policy, Rate, RateSeries, RateText, Scenario, YearKey } from './schema.js';
import { LINE_NAME } from './schema-values.js';
import { YEAR_PATTERN } from './years.js';

/** Shared pieces get a name in `$defs`, so the schema reads like the format rather than 5,000 inlined lines. */
const NAMED: ReadonlyArray<[z.ZodMiniType, string]> = [
  [RateText, 'Percent'],
  [Rate, 'Rate'],
  [RateSeries, 'RateSeries'],
  [YearKey, 'Year'],
  [Money, 'Money'],
  [LineName, 'LineName'],
  [Policy, 'Policy'],
  [CheckMetric, 'Metric'],
];

type Meta = Record<string, unknown>;

/**
 * Descriptions live in zod's global registry (`.describe()`); this view of it adds `$defs` ids for the
 * named pieces without registering anything globally, so importing this module changes nothing else.
 */
function namingRegistry(): z.core.$ZodRegistry<Meta> {
  const ids = new Map<unknown, string>(NAMED);
  const view = {
    get(schema: z.core.$ZodType): Meta | undefined {
      const meta = z.globalRegistry.get(schema) as Meta | undefined;
      const id = ids.get(schema);
      return id === undefined ? meta : { ...meta, id };
    },
    has(schema: z.core.$ZodType): boolean {
      return ids.has(schema) || z.globalRegistry.has(schema);
    },
  };
  return view as unknown as z.core.$ZodRegistry<Meta>;
}

export const SCHEMA_ID = 'https://github.com/icbsim/icbsim/schema/scenario.schema.json';
export const RULES_SCHEMA_ID = 'https://github.com/icbsim/icbsim/schema/rules.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  return generate(Scenario, SCHEMA_ID, 'icbsim scenario');
}

/** The schema of a rules file (`icbsim check --rules`): a name, a description and checks. */
export function rulesJsonSchema(): Record<string, unknown> {
  return generate(rulesFileSchema(), RULES_SCHEMA_ID, 'icbsim rules file');
}

function generate(root: z.ZodMiniType, id: string, title: string): Record<string, unknown> {
  const generated = z.toJSONSchema(root, {
    target: 'draft-2020-12',
    io: 'input',
    metadata: namingRegistry(),
    // Refinements (weights sum to 100%, known line names) cannot be said in JSON Schema; icbsim
    // validate checks them with file:line:column messages.
    unrepresentable: 'any',
    // A year's shape is checkable (the loader also checks the two halves are consecutive years).
    override: (ctx) => {
      if (ctx.zodSchema === YearKey) ctx.jsonSchema.pattern = YEAR_PATTERN.source;
      if (ctx.zodSchema === CheckMetric) {
        delete ctx.jsonSchema.type;
        ctx.jsonSchema.anyOf = metricNames();
      }
    },
  }) as Record<string, unknown>;
  const { $schema, $defs, ...top } = generated;
  // Any file may be a base or a fragment that others `extend` (maps merge key by key), so a key the
  // merged scenario needs may live in another file: only the loader, which sees the merged result,
  // can say it is missing. Lists replace whole, so list items (policies, checks) keep theirs.
  if (root === Scenario) dropMergedRequired(top);
  return { $schema, $id: id, title, ...top, ...($defs ? { $defs } : {}) };
}

const KIND_WORDS: Record<MetricKind, string> = { money: 'money', rate: 'a rate', share: 'a share' };

/**
 * The names a check may use, read from the metric table in its order: each single metric, and for
 * each family a pattern for its members (which names exist depends on the plan, so validation checks
 * those) and the family pattern `<family>.*`. Every entry says what the figure is, for editors.
 */
function metricNames(): Record<string, unknown>[] {
  const member = LINE_NAME.source.replace(/^\^|\$$/g, '');
  return METRIC_TABLE.flatMap((e) => {
    const kind = `${KIND_WORDS[e.kind]}${e.fromYear === 1 ? ', from the first projection year' : ''}`;
    if (!('family' in e)) return [{ const: e.name, description: `${e.label} (${kind})` }];
    const placeholder = `<${e.memberOf}>`;
    return [
      { type: 'string', pattern: `^${e.family}\\.${member}$`, description: `${e.family}.${placeholder}: ${placeholder} ${e.what} (${kind})` },
      { const: `${e.family}.*`, description: `Every ${e.memberOf}'s ${e.what}: one rule for each ${e.memberOf} of the plan` },
    ];
  });
}

type Node = Record<string, unknown>;

function isNode(v: unknown): v is Node {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Removes `required` from a map and from the maps a scenario merges key by key inside it. */
function dropMergedRequired(node: Node): void {
  delete node.required;
  if (isNode(node.properties)) {
    for (const child of Object.values(node.properties)) {
      if (isNode(child) && child.type === 'object') dropMergedRequired(child);
    }
  }
  const values = node.additionalProperties;
  if (isNode(values) && values.type === 'object') dropMergedRequired(values);
}

/** The file's exact text: two-space JSON and a final newline, stable so a test can compare bytes. */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}

export function rulesJsonSchemaText(): string {
  return `${JSON.stringify(rulesJsonSchema(), null, 2)}\n`;
}
