/**
 * Goal seek on the exact engine: the value of one input that brings a metric to a target, or the
 * boundary of the values that keep it on one side of a limit.
 *
 * The answer is sought on the grid of values the input can be written with at the chosen
 * precision (e.g. 0.01% steps), by bisection: the range's ends must give figures on opposite
 * sides of the target (or one must hit it). Bisection halves the bracket until it is two
 * neighbouring grid values; the figure is usually a step function of the input (money is rounded
 * to the penny), so no grid value may hit the target exactly, and both neighbours are reported.
 *
 * A limit (`<=`, `>=`, `<`, `>`) is what a board usually asks ("the most we can divert and still
 * break even", "the least uplift that keeps the gap under £20m"): the answer is the last grid value
 * that meets it next to the first that does not, so it is never on the wrong side of the limit.
 *
 * A range whose ends are on the same side may still hold a crossing if the figure is not
 * monotonic; the message says what the ends give so the user can narrow the range.
 */
import { Dec } from '../model/decimal.js';
import { valueText, type Plain } from '../model/input-path.js';
import { figureWith, type Probe } from '../model/whatif.js';

export type Relation = '=' | '<=' | '>=' | '<' | '>';

export interface SolveRequest {
  path: string;
  probe: Probe;
  target: Dec;
  /** `=` seeks the target; the others seek the boundary of the values meeting `figure REL target`. Default `=`. */
  relation?: Relation;
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
  /**
   * A limit's boundary: `answer` meets it, its grid neighbour `next` does not. `bound` says which
   * way the values that meet it lie: `at_most` (the answer and below), `at_least` (the answer and above).
   */
  | { kind: 'bound'; answer: Point; next: Point; bound: 'at_most' | 'at_least'; evaluations: number }
  /** A limit every value of the range meets (both ends do; the figure is taken to be monotonic). */
  | { kind: 'everywhere'; lo: Point; hi: Point; evaluations: number }
  | { kind: 'unreachable'; lo: Point; hi: Point; evaluations: number };

export class SolveError extends Error {}

export function meets(figure: Dec, relation: Relation, target: Dec): boolean {
  const c = figure.comparedTo(target);
  switch (relation) {
    case '=':
      return c === 0;
    case '<=':
      return c <= 0;
    case '>=':
      return c >= 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
  }
}

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
  const relation = req.relation ?? '=';
  if (relation !== '=') {
    const ok = (p: Point) => meets(p.figure, relation, req.target);
    let pa = at(a);
    let pb = at(b);
    if (ok(pa) && ok(pb)) return { kind: 'everywhere', lo: pa, hi: pb, evaluations };
    if (!ok(pa) && !ok(pb)) return { kind: 'unreachable', lo: pa, hi: pb, evaluations };
    // Invariant: exactly one of pa, pb meets the limit; halve until they are neighbours.
    while (b.minus(a).greaterThan(1)) {
      const m = a.plus(b).dividedBy(2).floor();
      const pm = at(m);
      if (ok(pm) === ok(pa)) {
        a = m;
        pa = pm;
      } else {
        b = m;
        pb = pm;
      }
    }
    return ok(pa)
      ? { kind: 'bound', answer: pa, next: pb, bound: 'at_most', evaluations }
      : { kind: 'bound', answer: pb, next: pa, bound: 'at_least', evaluations };
  }
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
