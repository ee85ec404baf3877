/** `icbsim check` for a person at a terminal: every rule of every plan, failures spelt out. */
import type { CheckReport } from '../report/check.js';
import { describeFailure, where } from './check-failure.js';

const paint = (on: boolean, code: string, s: string) => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

export function renderCheckText(report: CheckReport, color: boolean): string {
  const out: string[] = [];
  for (const e of report.entries) {
    if (e.kind === 'error') {
      out.push(`${e.file}: ${paint(color, '31;1', 'not checked')} (bad input, see the errors above)`);
      continue;
    }
    out.push(`${e.file} (${e.scenario})`);
    if (e.rules.length === 0) out.push('  no rules to check');
    for (const r of e.rules) {
      const mark = r.passed ? paint(color, '32', 'pass') : paint(color, '31;1', 'FAIL');
      out.push(`  ${mark}  ${r.name}  [${where(r.source)}]`);
      for (const f of r.failures) out.push(`        ${describeFailure(r, f, e)}`);
    }
  }
  const s = report.totals;
  const parts = [`${s.plans} plan${s.plans === 1 ? '' : 's'} checked`, `${s.rules} rule${s.rules === 1 ? '' : 's'} applied`, `${s.failed} failed`];
  if (s.errors > 0) parts.push(`${s.errors} file${s.errors === 1 ? '' : 's'} with bad input`);
  out.push(parts.join(', '));
  return out.join('\n') + '\n';
}
