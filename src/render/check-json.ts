/** `icbsim check --format json`: figures as MODEL.md's exact decimal strings. */
import { decString } from '../model/decimal.js';
import type { CheckReport } from '../report/check.js';

export function renderCheckJson(report: CheckReport): string {
  const s = report.totals;
  const files = report.entries.map((e) =>
    e.kind === 'error'
      ? { file: e.file, ok: false, errors: e.diagnostics.map((d) => ({ ...d })) }
      : {
          file: e.file,
          ok: true,
          scenario: e.scenario,
          units: e.units,
          passed: e.rules.every((r) => r.passed),
          checks: e.rules.map((r) => ({
            name: r.name,
            metric: r.metric,
            source: r.source,
            passed: r.passed,
            years: r.years,
            failures: r.failures.map((f) => ({ year: f.year, side: f.side, value: decString(f.value), limit: decString(f.limit) })),
          })),
        },
  );
  return JSON.stringify({ passed: s.failed === 0 && s.errors === 0, summary: s, files }, null, 2) + '\n';
}
