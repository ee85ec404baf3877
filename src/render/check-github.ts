/**
 * GitHub Actions workflow commands: each failed rule becomes an `::error` annotation on the line
 * where the rule is written, so the pull request shows it beside the YAML.
 * https://docs.github.com/actions/reference/workflow-commands-for-github-actions
 */
import type { CheckReport } from '../report/check.js';
import { describeFailure } from './check-failure.js';

// The runner splits commands on newlines and properties on `,` and `:`; `%` is the escape itself.
const data = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const prop = (s: string) => data(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function command(file: string, line: number | undefined, col: number | undefined, title: string, message: string): string {
  const props = [`file=${prop(file)}`];
  if (line !== undefined) props.push(`line=${line}`);
  if (col !== undefined) props.push(`col=${col}`);
  props.push(`title=${prop(title)}`);
  return `::error ${props.join(',')}::${data(message)}`;
}

export function renderGithub(report: CheckReport): string {
  const out: string[] = [];
  for (const e of report.entries) {
    if (e.kind === 'error') {
      for (const d of e.diagnostics) out.push(command(d.file, d.line, d.col, 'icbsim: bad input', d.message));
      continue;
    }
    for (const r of e.rules) {
      if (r.passed) continue;
      const lines = r.failures.map((f) => describeFailure(r, f, e));
      out.push(command(r.source.file, r.source.line, r.source.col, `${r.name} (${e.scenario})`, `${e.file}: ${lines.join('\n')}`));
    }
  }
  const s = report.totals;
  const n = (k: number, word: string) => `${k} ${word}${k === 1 ? '' : 's'}`;
  out.push(`icbsim check: ${n(s.plans, 'plan')}, ${n(s.rules, 'rule')}, ${s.failed} failed${s.errors > 0 ? `, ${n(s.errors, 'file')} with bad input` : ''}`);
  return out.join('\n') + '\n';
}
