/**
 * `icbsim merge`: several ICBs' scenarios (or shares of them) as one scenario for the merged ICB.
 * Base-year money is summed, the fair-share targets are summed so the merged distance from target
 * is recomputed, and everything else is the first file's. Pure: validated scenarios in, the
 * merged scenario's data out (src/cli/merge.ts loads and writes).
 */
import { Dec } from './decimal.js';
import type { ScenarioSpec } from './schema.js';
import { PENNY_PLACES } from './units.js';

/** A scenario file's data as the loader gives it: maps, lists, and every scalar as its text. */
export type PlainMap = Record<string, unknown>;

export interface MergeInput {
  /** How the file is named in messages and in the merged file's header. */
  file: string;
  /** The part of this ICB that joins the merged one (1 for a whole ICB). */
  share: Dec;
  spec: ScenarioSpec;
  /** The file's data after `extends`, as written. */
  data: PlainMap;
}

/** `header`: paragraphs saying what was summed and what was taken from the first file. */
export type MergeResult = { ok: true; data: PlainMap; header: string[] } | { ok: false; problems: string[] };

/** Decimal places the fair-share distance is written to, as a per cent (far below any figure's rounding). */
const DISTANCE_PLACES = 12;


export function mergeScenarios(inputs: readonly MergeInput[]): MergeResult {
  const problems: string[] = [];
  const [first] = inputs;
  if (first === undefined || inputs.length < 2) return { ok: false, problems: ['merge needs at least two scenario files'] };
  const units = first.spec.units;
  const penny = PENNY_PLACES[units];
  for (const x of inputs.slice(1)) {
    if (x.spec.units !== units) problems.push(`${x.file} is in ${x.spec.units} and ${first.file} in ${units}: merge files written in the same units`);
    if (x.spec.base_year !== first.spec.base_year) {
      problems.push(`${x.file} has base year ${x.spec.base_year} and ${first.file} ${first.spec.base_year}: merge plans for the same base year`);
    }
  }
  const part = (x: MergeInput, d: Dec) => d.times(x.share).toDecimalPlaces(penny, Dec.ROUND_HALF_EVEN);

  // Lines by name, in the order they first appear; a name must mean the same kind of spend everywhere.
  const lines = new Map<string, { from: MergeInput; spend: Dec; savings: Map<string, Dec> }>();
  for (const x of inputs) {
    for (const [name, line] of Object.entries(x.spec.lines)) {
      const seen = lines.get(name);
      if (seen !== undefined && seen.from.spec.lines[name]!.category !== line.category) {
        problems.push(
          `line \`${name}\` is ${seen.from.spec.lines[name]!.category} in ${seen.from.file} but ${line.category} in ${x.file}: rename one of them, or give both the same category`,
        );
        continue;
      }
      const entry = seen ?? { from: x, spend: new Dec(0), savings: new Map<string, Dec>() };
      entry.spend = entry.spend.plus(part(x, line.spend));
      for (const [year, amount] of Object.entries(line.non_recurrent_savings ?? {})) {
        entry.savings.set(year, (entry.savings.get(year) ?? new Dec(0)).plus(part(x, amount)));
      }
      lines.set(name, entry);
    }
  }

  const recurrent = inputs.reduce((s, x) => s.plus(part(x, x.spec.allocation.recurrent)), new Dec(0));
  const fairShare = mergeFairShare(inputs, part, penny, problems);
  const nonRecurrent = mergeNonRecurrent(inputs, part, problems);
  if (problems.length > 0) return { ok: false, problems };

  // Name and description first, as a person would write them; then the first file's keys in its order.
  const data: PlainMap = {
    name: `${inputs.map((x) => x.spec.name ?? x.file).join(' + ')} (merged)`,
    description: `${inputs.map(described).join(', ')} as one ICB from ${first.spec.base_year}: made by icbsim merge`,
  };
  for (const [key, value] of Object.entries(first.data)) if (!['extends', 'name', 'description'].includes(key)) data[key] = value;
  const allocation: PlainMap = { ...(first.data.allocation as PlainMap), recurrent: num(recurrent) };
  if (nonRecurrent === undefined) delete allocation.non_recurrent;
  else allocation.non_recurrent = nonRecurrent;
  if (fairShare !== undefined) allocation.fair_share = { ...(allocation.fair_share as PlainMap), distance_from_target: fairShare };
  data.allocation = allocation;
  const out: PlainMap = {};
  for (const [name, { from, spend, savings }] of lines) {
    const own: PlainMap = { ...((from.data.lines as PlainMap)[name] as PlainMap), spend: num(spend) };
    if (savings.size > 0) own.non_recurrent_savings = Object.fromEntries([...savings].map(([y, d]) => [y, num(d)]));
    out[name] = own;
  }
  data.lines = out;
  return { ok: true, data, header: header(inputs, fairShare !== undefined, nonRecurrent !== undefined) };
}

const num = (d: Dec) => d.toFixed();
const percent = (d: Dec) => `${d.times(100).toFixed()}%`;
const described = (x: MergeInput) => (x.share.eq(1) ? (x.spec.name ?? x.file) : `${percent(x.share)} of ${x.spec.name ?? x.file}`);

/**
 * Each ICB's target T = R / (1 + d), rounded to the penny as the engine rounds T_0, its share
 * taken like any money; the merged distance is ΣR / ΣT − 1. Every file must have a distance, or
 * none: a target cannot be summed with an ICB that has none.
 */
function mergeFairShare(inputs: readonly MergeInput[], part: (x: MergeInput, d: Dec) => Dec, penny: number, problems: string[]): string | undefined {
  const without = inputs.filter((x) => x.spec.allocation.fair_share === undefined);
  if (without.length === inputs.length) return undefined;
  if (without.length > 0) {
    problems.push(`${without.map((x) => x.file).join(', ')} ${without.length === 1 ? 'has' : 'have'} no allocation.fair_share, so the merged fair-share target cannot be summed: give ${without.length === 1 ? 'it' : 'each'} a distance_from_target`);
    return undefined;
  }
  let r = new Dec(0);
  let t = new Dec(0);
  for (const x of inputs) {
    const d = x.spec.allocation.fair_share!.distance_from_target;
    const target = x.spec.allocation.recurrent.dividedBy(new Dec(1).plus(d)).toDecimalPlaces(penny, Dec.ROUND_HALF_EVEN);
    r = r.plus(part(x, x.spec.allocation.recurrent));
    t = t.plus(part(x, target));
  }
  if (t.isZero()) return percent(new Dec(0));
  return `${r.dividedBy(t).minus(1).times(100).toDecimalPlaces(DISTANCE_PLACES, Dec.ROUND_HALF_EVEN).toFixed()}%`;
}

/**
 * Non-recurrent money summed year by year: unnamed streams with unnamed, named streams by name
 * (a ring-fenced stream must be ring-fenced to the same line in every file that has it).
 */
function mergeNonRecurrent(inputs: readonly MergeInput[], part: (x: MergeInput, d: Dec) => Dec, problems: string[]): PlainMap | undefined {
  const given = inputs.filter((x) => x.spec.allocation.non_recurrent !== undefined);
  if (given.length === 0) return undefined;
  const kinds = new Set(given.map((x) => x.spec.allocation.non_recurrent!.kind));
  if (kinds.size > 1) {
    const plain = given.filter((x) => x.spec.allocation.non_recurrent!.kind === 'years').map((x) => x.file);
    problems.push(`${plain.join(', ')} ${plain.length === 1 ? 'gives' : 'give'} non-recurrent money by year and the others by named stream: name ${plain.length === 1 ? 'its' : 'their'} stream so the streams can be summed`);
    return undefined;
  }
  const add = (to: Map<string, Dec>, x: MergeInput, byYear: Record<string, Dec>) => {
    for (const [year, amount] of Object.entries(byYear)) to.set(year, (to.get(year) ?? new Dec(0)).plus(part(x, amount)));
  };
  const years = (m: Map<string, Dec>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([y, d]) => [y, num(d)]));
  if (kinds.has('years')) {
    const sum = new Map<string, Dec>();
    for (const x of given) {
      const nr = x.spec.allocation.non_recurrent!;
      if (nr.kind === 'years') add(sum, x, nr.byYear);
    }
    return years(sum);
  }
  const streams = new Map<string, { sum: Map<string, Dec>; ringFenced: string | undefined; from: string }>();
  for (const x of given) {
    const nr = x.spec.allocation.non_recurrent!;
    if (nr.kind !== 'streams') continue;
    for (const [name, stream] of Object.entries(nr.streams)) {
      const seen = streams.get(name) ?? { sum: new Map<string, Dec>(), ringFenced: stream.ringFenced, from: x.file };
      if (seen.ringFenced !== stream.ringFenced) {
        const where = (line: string | undefined, file: string) => (line === undefined ? `not ring-fenced in ${file}` : `ring-fenced to \`${line}\` in ${file}`);
        problems.push(`stream \`${name}\` is ${where(seen.ringFenced, seen.from)} but ${where(stream.ringFenced, x.file)}: rename one of them`);
        continue;
      }
      add(seen.sum, x, stream.amounts);
      streams.set(name, seen);
    }
  }
  return Object.fromEntries(
    [...streams].map(([name, s]) => [name, s.ringFenced === undefined ? years(s.sum) : { amounts: years(s.sum), ring_fenced: s.ringFenced }]),
  );
}

function header(inputs: readonly MergeInput[], fairShare: boolean, nonRecurrent: boolean): string[] {
  const [first] = inputs as [MergeInput, ...MergeInput[]];
  const summed = ['the base-year recurrent allocation', ...(nonRecurrent ? ['each non-recurrent stream, year by year'] : []), "each line's base-year spend (lines matched by name) and one-off savings"];
  return [
    `Made by \`icbsim merge ${inputs.map((x) => (x.share.eq(1) ? x.file : `${x.file}@${percent(x.share)}`)).join(' ')}\`: one scenario for the merged ICB.`,
    `Summed from every file${inputs.some((x) => !x.share.eq(1)) ? ' (a FILE@share counts that share of its ICB, each amount rounded to the penny)' : ''}: ${summed.join(', ')}.`,
    ...(fairShare
      ? ['The fair-share targets are summed too (each T = allocation / (1 + distance_from_target), to the penny), so distance_from_target is recomputed as the summed allocation over the summed target, less one.']
      : []),
    `Taken from the first file, ${first.file}: units, base year and years, allocation growth${fairShare ? ' and the convergence settings' : ''}, assumptions, policies, checks and the care-shift settings, and each line's own settings (for a line ${first.file} does not have, those of the first file that does).`,
    'Any `extends` chain is resolved into this file, so it stands alone.',
  ];
}
