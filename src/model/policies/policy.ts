/**
 * What a policy type is: one file under policies/ declares its schema, the rules its own fields
 * must meet, its step in building the plan, the lines it acts on and its sentence for reports.
 * The engine's steps stay in MODEL.md's order (engine.ts); a policy only sets what its step reads.
 */
import * as z from 'zod/mini';
import type { Arith } from '../arith.js';
import type { PlanDiversion, PlanLine, PlanShift, Sampler } from '../plan.js';
import type { RateSeriesSpec } from '../schema-values.js';
import type { ScenarioSpec } from '../schema.js';
import type { Validator } from '../validator.js';
import { anyText, described } from '../zod.js';

export const PolicyName = described(z.optional(anyText), 'An optional label for this policy in reports');

/** The plan as a policy's step sees it while buildPlan builds it. */
export interface PlanBuild<T> {
  spec: ScenarioSpec;
  arith: Arith<T>;
  /** Draws (or takes the central value of) a rate; a policy's calls keep buildPlan's order. */
  sample: Sampler<T>;
  /** A rate per projection year, index 0 unused. */
  perYear(series: RateSeriesSpec | undefined, fallback: T): T[];
  lines: PlanLine<T>[];
  /** A line's index in `lines`. */
  index(name: string): number;
  shifts: PlanShift<T>[];
  diversions: PlanDiversion<T>[];
}

export interface PolicyType<S extends z.ZodMiniObject> {
  schema: S;
  /** The key naming a line that can have only one policy of this type (flat cash twice is one too many). */
  onePerLine?: keyof z.output<S> & string;
  /** Problems in this one policy (`at` is its path, e.g. ['policies', 2]). */
  validate(p: z.output<S>, at: (...rest: PropertyKey[]) => PropertyKey[], v: Validator): void;
  plan<T>(p: z.output<S>, b: PlanBuild<T>): void;
  /** The lines it acts on, in the order a reader meets them. */
  lines(p: z.output<S>): string[];
  /** What it does, in a sentence for the report and the spreadsheet; `line` gives a line's display name. */
  describe(p: z.output<S>, line: (name: string) => string): string;
}

/** Keeps the schema's own type, so schema.ts can build its discriminated union from the files. */
export function definePolicy<S extends z.ZodMiniObject>(type: PolicyType<S>): PolicyType<S> {
  return type;
}
