/** The metrics of MODEL.md, named exactly as the JSON output names them. */
import type { Arith } from './arith.js';
import type { Projection } from './engine.js';

export type MetricKind = 'money' | 'rate' | 'share';

export interface MetricDef {
  name: string;
  kind: MetricKind;
  /** 1 for metrics that need a year before them, so the base year does not report them. */
  fromYear: 0 | 1;
  label: string;
  line?: string;
}

export const HEADLINE_METRICS: readonly MetricDef[] = [
  { name: 'allocation', kind: 'money', fromYear: 0, label: 'Recurrent allocation' },
  { name: 'non_recurrent', kind: 'money', fromYear: 0, label: 'Non-recurrent funding' },
  { name: 'income', kind: 'money', fromYear: 0, label: 'Income' },
  { name: 'allocation_growth', kind: 'rate', fromYear: 1, label: 'Allocation growth' },
  { name: 'spend', kind: 'money', fromYear: 0, label: 'Spend' },
  { name: 'icb_surplus', kind: 'money', fromYear: 0, label: 'ICB surplus/(deficit)' },
  { name: 'underlying_surplus', kind: 'money', fromYear: 0, label: 'Underlying surplus' },
  { name: 'cumulative_surplus', kind: 'money', fromYear: 1, label: 'Cumulative surplus' },
  { name: 'system_surplus', kind: 'money', fromYear: 0, label: 'System surplus' },
  { name: 'care_shift_share', kind: 'share', fromYear: 0, label: 'Care closer to home' },
];

export const LINE_METRICS = ['spend', 'need', 'gap', 'growth'] as const;

export function lineMetricDefs(lines: readonly string[]): MetricDef[] {
  const kinds = { spend: 'money', need: 'money', gap: 'money', growth: 'rate' } as const;
  const labels = { spend: 'spend', need: 'need', gap: 'provider gap', growth: 'spend growth' };
  return LINE_METRICS.flatMap((m) =>
    lines.map((line) => ({
      name: `${m}.${line}`,
      kind: kinds[m],
      fromYear: m === 'growth' ? (1 as const) : (0 as const),
      label: `${line} ${labels[m]}`,
      line,
    })),
  );
}

export function metricDefs(lines: readonly string[]): MetricDef[] {
  return [...HEADLINE_METRICS, ...lineMetricDefs(lines)];
}

/** The map keys of one line's metrics; a key left undefined is a metric not wanted. */
export interface LineMetricKeys {
  spend?: string;
  need?: string;
  gap?: string;
  growth?: string;
}

/**
 * The keys of each line's metrics, built once rather than once a year or once a draw (fresh key
 * strings each need hashing). `wanted`, when given, names the per-line metrics to compute: Monte
 * Carlo draws need only those their checks read, and the per-line figures are most of the work.
 */
export function lineMetricKeys(lines: readonly { name: string }[], wanted?: ReadonlySet<string>): LineMetricKeys[] {
  const keep = (key: string): string | undefined => (wanted === undefined || wanted.has(key) ? key : undefined);
  return lines.map((l) => ({
    spend: keep(`spend.${l.name}`),
    need: keep(`need.${l.name}`),
    gap: keep(`gap.${l.name}`),
    growth: keep(`growth.${l.name}`),
  }));
}

/**
 * Every metric of every year, in MODEL.md's order, from the rounded projection figures.
 * A metric a year cannot have (growth in the base year, a share of zero spend) is left out.
 * `keys` (from lineMetricKeys, default every line metric) says which per-line metrics to include;
 * the headline ones are always there.
 */
export function computeMetrics<T>(p: Projection<T>, A: Arith<T>, keys: readonly LineMetricKeys[] = lineMetricKeys(p.plan.lines)): Map<string, T>[] {
  const { plan } = p;
  let cumulative = A.zero;
  const out: Map<string, T>[] = [];
  for (let t = 0; t <= plan.n; t++) {
    const m = new Map<string, T>();
    const surplus = p.surplus[t]!;
    const nr = plan.nonRecurrent[t]!;
    m.set('allocation', p.allocation[t]!);
    m.set('non_recurrent', nr);
    m.set('income', p.income[t]!);
    if (t >= 1) m.set('allocation_growth', p.growthRate[t]!);
    m.set('spend', p.spend[t]!);
    m.set('icb_surplus', surplus);
    m.set('underlying_surplus', p.underlying[t]!);
    if (t >= 1) {
      cumulative = A.add(cumulative, surplus);
      m.set('cumulative_surplus', cumulative);
    }
    m.set('system_surplus', A.sub(surplus, p.gap[t]!));
    let care = A.zero;
    p.lines.forEach((tr, i) => {
      if (plan.lines[i]!.care) care = A.add(care, tr.spend[t]!);
    });
    if (!A.isZero(p.spend[t]!)) m.set('care_shift_share', A.share(A.div(care, p.spend[t]!)));
    keys.forEach((k, i) => k.spend !== undefined && m.set(k.spend, p.lines[i]!.spend[t]!));
    keys.forEach((k, i) => k.need !== undefined && m.set(k.need, p.lines[i]!.need[t]!));
    keys.forEach((k, i) => k.gap !== undefined && m.set(k.gap, p.lines[i]!.gap[t]!));
    if (t >= 1) {
      keys.forEach((k, i) => {
        const before = p.lines[i]!.spend[t - 1]!;
        if (k.growth !== undefined && !A.isZero(before)) m.set(k.growth, A.sub(A.div(p.lines[i]!.spend[t]!, before), A.one));
      });
    }
    out.push(m);
  }
  return out;
}
