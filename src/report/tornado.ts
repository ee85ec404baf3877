/**
 * Tornado: which inputs move a figure most. Each uncertain input (a distribution) is swung to its
 * 10th and 90th percentiles, each plain rate to ± a step, one at a time with everything else at
 * its central value, on the exact engine; inputs are ranked by the swing they cause.
 */
import { Dec } from '../model/decimal.js';
import { RATE_LIMITS } from '../model/inputs.js';
import { getInput, itemSegment, parseInputValue, PathError, valueText, type Plain } from '../model/input-path.js';
import { quantile, type FloatDist } from '../model/sampling.js';
import { figureWith, type Probe } from '../model/whatif.js';

export interface TornadoInput {
  path: string;
  uncertain: boolean;
  /** How the input is written, e.g. `2.5%` or `normal 2.5% ± 0.5%`. */
  written: string;
  low: string;
  high: string;
}

export interface TornadoRow extends TornadoInput {
  atLow: Dec;
  atHigh: Dec;
  /** |atHigh − atLow|: the ranking key. */
  swing: Dec;
}

export interface TornadoResult {
  probe: Probe;
  base: Dec;
  rows: TornadoRow[];
  /** Inputs left out because a swung value is not valid there (e.g. a share above 100%). */
  skipped: { path: string; reason: string }[];
}

/** Percentiles as rates are written to 0.0001 percentage points: finer says nothing more. */
const PCT_PLACES = 4;

/** Where rates a tornado can swing live: the cost drivers, allocation growth, fair-share convergence and policy levers. */
const DRIVERS = ['inflation', 'demand', 'efficiency', 'efficiency_delivery'];
const POLICY_RATES = ['share', 'cost_ratio', 'cut', 'uplift'];

/**
 * Where ± the step would leave what the input can mean (a negative share of activity shifted, a
 * cost ratio below nothing, savings delivered beyond 100%), the swing stops at the limit instead.
 */
function clamp(v: Dec, key: string): Dec {
  const b = RATE_LIMITS[key];
  if (!b) return v;
  const [lo, hi] = b;
  if (v.lessThan(lo)) return lo;
  return hi !== undefined && v.greaterThan(hi) ? hi : v;
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function pct(text: unknown): Dec | undefined {
  if (typeof text !== 'string') return undefined;
  const v = parseInputValue(text);
  return v && v.rate ? v.value : undefined;
}

/** A distribution written in the file (per cent texts) as floats in per cent. */
function distOf(node: Record<string, unknown>): { dist: FloatDist; written: string } | undefined {
  const nums = (key: string, n: number): number[] | undefined => {
    const v = node[key];
    if (!Array.isArray(v) || v.length !== n) return undefined;
    const ds = v.map(pct);
    return ds.every((d) => d !== undefined) ? ds.map((d) => d!.toNumber()) : undefined;
  };
  const per = node.per === 'year' ? ', per year' : '';
  const n = nums('normal', 2);
  if (n) return { dist: { kind: 'normal', mean: n[0]!, sd: n[1]! }, written: `normal ${n[0]}% sd ${n[1]}%${per}` };
  const t = nums('triangular', 3);
  if (t) return { dist: { kind: 'triangular', min: t[0]!, mode: t[1]!, max: t[2]! }, written: `triangular ${t[0]}%, ${t[1]}%, ${t[2]}%${per}` };
  const u = nums('uniform', 2);
  if (u) return { dist: { kind: 'uniform', min: u[0]!, max: u[1]! }, written: `uniform ${u[0]}% to ${u[1]}%${per}` };
  return undefined;
}

function rateText(percent: number): string {
  return valueText(new Dec(percent).toDecimalPlaces(PCT_PLACES, Dec.ROUND_HALF_EVEN), true);
}

/** Every swingable input of the scenario: distributions, and plain rates unless `plain` is false. */
/** `step` is in percentage points (1 for ±1%). */
export function tornadoInputs(data: Plain, step: Dec, plain = true): TornadoInput[] {
  const out: TornadoInput[] = [];
  const visit = (path: string, node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      node.forEach((x, i) => visit(`${path}.${i}`, x, key));
      return;
    }
    if (isMap(node)) {
      const d = distOf(node);
      if (d) {
        out.push({ path, uncertain: true, written: d.written, low: rateText(quantile(d.dist, 0.1)), high: rateText(quantile(d.dist, 0.9)) });
        return;
      }
      // A map from year to rate: each year is its own input.
      for (const [k, v] of Object.entries(node)) visit(`${path}.${k}`, v, key);
      return;
    }
    const v = pct(node);
    if (v !== undefined && plain) {
      const low = clamp(v.minus(step), key);
      const high = clamp(v.plus(step), key);
      out.push({ path, uncertain: false, written: String(node), low: valueText(low, true), high: valueText(high, true) });
    }
  };
  visit('allocation.growth', getInput(data, 'allocation.growth'), 'growth');
  // The fair-share rule: the pace and cap of convergence, or the adjustments themselves.
  for (const k of ['pace', 'cap', 'convergence']) visit(`allocation.fair_share.${k}`, getInput(data, `allocation.fair_share.${k}`), k);
  for (const k of DRIVERS) visit(`assumptions.${k}`, getInput(data, `assumptions.${k}`), k);
  const lines = getInput(data, 'lines');
  if (isMap(lines)) for (const name of Object.keys(lines)) for (const k of DRIVERS) visit(`lines.${name}.${k}`, getInput(data, `lines.${name}.${k}`), k);
  const policies = getInput(data, 'policies');
  if (Array.isArray(policies)) {
    policies.forEach((_, i) => {
      // By type or name where that is unambiguous (`policies.flat_cash.uplift`): the reader knows which lever.
      const at = `policies.${itemSegment(policies, i)}`;
      for (const k of POLICY_RATES) visit(`${at}.${k}`, getInput(data, `policies.${i}.${k}`), k);
    });
  }
  return out;
}

export function tornado(data: Plain, inputs: readonly TornadoInput[], probe: Probe): TornadoResult {
  const base = figureWith(data, [], probe);
  if (base === undefined) throw new PathError(`${probe.metric} has no figure in ${probe.year}`);
  const rows: TornadoRow[] = [];
  const skipped: TornadoResult['skipped'] = [];
  for (const input of inputs) {
    try {
      const atLow = figureWith(data, [[input.path, input.low]], probe);
      const atHigh = figureWith(data, [[input.path, input.high]], probe);
      if (atLow === undefined || atHigh === undefined) throw new PathError(`${probe.metric} has no figure in ${probe.year}`);
      rows.push({ ...input, atLow, atHigh, swing: atHigh.minus(atLow).abs() });
    } catch (e) {
      if (!(e instanceof PathError)) throw e;
      skipped.push({ path: input.path, reason: e.message });
    }
  }
  // Largest swing first; ties keep the scenario's order, so the ranking is stable.
  rows.sort((x, y) => y.swing.comparedTo(x.swing));
  return { probe, base, rows, skipped };
}
