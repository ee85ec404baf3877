/** Sweep: the exact engine over a grid of one or two inputs, one figure per grid point. */
import type { Dec } from '../model/decimal.js';
import { valueText, type Plain } from '../model/input-path.js';
import { figureWith, type Probe } from '../model/whatif.js';

export interface SweepAxis {
  path: string;
  values: Dec[];
  rate: boolean;
}

export interface SweepResult {
  probe: Probe;
  axes: SweepAxis[];
  /** grid[i][j]: the figure at axis 0's value i and axis 1's value j (j = 0 with one axis). */
  grid: (Dec | undefined)[][];
}

export const MAX_SWEEP_POINTS = 2500;

export function sweep(data: Plain, axes: readonly SweepAxis[], probe: Probe): SweepResult {
  const [a, b] = axes;
  if (!a || axes.length > 2) throw new RangeError('sweep takes one or two inputs');
  const grid = a.values.map((va) =>
    (b ? b.values : [undefined]).map((vb) => {
      const sets: [string, string][] = [[a.path, valueText(va, a.rate)]];
      if (b && vb !== undefined) sets.push([b.path, valueText(vb, b.rate)]);
      return figureWith(data, sets, probe);
    }),
  );
  return { probe, axes: [...axes], grid };
}
