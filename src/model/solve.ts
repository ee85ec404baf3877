/**
 * Goal seek on the exact engine: the value of one input that brings a metric to a target.
 *
 * The answer is sought on the grid of values the input can be written with at the chosen
 * precision (e.g. 0.01% steps), by bisection: the range's ends must give figures on opposite
 * sides of the target (or one must hit it). Bisection halves the bracket until it is two
 * neighbouring grid values; the figure is usually a step function of the input (money is rounded
 * to the penny), so no grid value may hit the target exactly, and both neighbours are reported.
 * A range whose ends are on the same side may still hold a crossing if the figure is not
 * monotonic; the message says what the ends give so the user can narrow the range.
 */
import { Dec } from './decimal.js';
import { valueText, type Plain } from './input-path.js';
import { figureWith, type Probe } from './whatif.js';

export interface SolveRequest {
  path: string;
  probe: Probe;
  target: Dec;
  /** The range, in the input's own unit (per cent for rates). */
  lo: Dec;
  hi: Dec;
  rate: boolean;
  /** Decimal places of the answer, in the input's own unit. */
  places: number;
}

export interface Point {
  /** The input's value in its own unit (per cent for rates). */
  x: Dec;
  text: string;
  figure: Dec;
}

export type SolveResult =
  | { kind: 'exact'; at: Point; evaluations: number }
  /** Neighbouring grid values either side of the target; `nearest` is the one closer to it. */
  | { kind: 'between'; below: Point; above: Point; nearest: Point; evaluations: number }
  | { kind: 'unreachable'; lo: Point; hi: Point; evaluations: number };

export class SolveError extends Error {}

export function solve(data: Plain, req: SolveRequest): SolveResult {
  const q = new Dec(1).dividedBy(new Dec(10).pow(req.places));
  const lo = req.lo.lessThan(req.hi) ? req.lo : req.hi;
  const hi = req.lo.lessThan(req.hi) ? req.hi : req.lo;
  let a = lo.dividedBy(q).ceil();
  let b = hi.dividedBy(q).floor();
  if (a.greaterThan(b)) throw new SolveError(`no value with ${req.places} decimal places lies in the range`);
  let evaluations = 0;
  const at = (k: Dec): Point => {
    const x = k.times(q);
    const text = valueText(x, req.rate);
    const figure = figureWith(data, [[req.path, text]], req.probe);
    evaluations++;
    if (figure === undefined) throw new SolveError(`${req.probe.metric} has no figure in ${req.probe.year} with ${req.path}=${text}`);
    return { x, text, figure };
  };
  const side = (p: Point) => p.figure.comparedTo(req.target);
  let pa = at(a);
  if (side(pa) === 0) return { kind: 'exact', at: pa, evaluations };
  let pb = at(b);
  if (side(pb) === 0) return { kind: 'exact', at: pb, evaluations };
  if (side(pa) === side(pb)) return { kind: 'unreachable', lo: pa, hi: pb, evaluations };
  while (b.minus(a).greaterThan(1)) {
    const m = a.plus(b).dividedBy(2).floor();
    const pm = at(m);
    const s = side(pm);
    if (s === 0) return { kind: 'exact', at: pm, evaluations };
    if (s === side(pa)) {
      a = m;
      pa = pm;
    } else {
      b = m;
      pb = pm;
    }
  }
  const [below, above] = side(pa) < 0 ? [pa, pb] : [pb, pa];
  const da = pa.figure.minus(req.target).abs();
  const db = pb.figure.minus(req.target).abs();
  return { kind: 'between', below, above, nearest: db.lessThan(da) ? pb : pa, evaluations };
}
