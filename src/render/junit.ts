/**
 * JUnit XML, the report format every CI server reads: one test suite per plan, one test case per
 * rule; a file that could not be read is a suite with one errored case.
 */
import type { CheckReport } from '../report/check.js';
import { describeFailure, where } from './check-failure.js';

// XML 1.0 forbids most control characters even when escaped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function xmlEscape(s: string): string {
  return s
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const attrs = (a: Record<string, string | number | undefined>) =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

export function renderJunit(report: CheckReport): string {
  const s = report.totals;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attrs({ name: 'icbsim check', tests: s.rules + s.errors, failures: s.failed, errors: s.errors })}>`,
  ];
  for (const e of report.entries) {
    if (e.kind === 'error') {
      out.push(`  <testsuite${attrs({ name: e.file, file: e.file, tests: 1, failures: 0, errors: 1 })}>`);
      out.push(`    <testcase${attrs({ name: 'load and validate', classname: e.file, file: e.file })}>`);
      out.push(`      <error${attrs({ message: e.diagnostics[0]?.message ?? 'bad input', type: 'bad input' })}>${xmlEscape(e.text)}</error>`);
      out.push('    </testcase>', '  </testsuite>');
      continue;
    }
    const failed = e.rules.filter((r) => !r.passed).length;
    out.push(`  <testsuite${attrs({ name: e.scenario, file: e.file, tests: e.rules.length, failures: failed, errors: 0 })}>`);
    for (const r of e.rules) {
      const head = `    <testcase${attrs({ name: r.name, classname: e.file, file: r.source.file, line: r.source.line })}`;
      if (r.passed) {
        out.push(`${head} />`);
        continue;
      }
      const lines = r.failures.map((f) => describeFailure(r, f, e));
      out.push(`${head}>`);
      out.push(
        `      <failure${attrs({ message: lines[0], type: 'check failed' })}>${xmlEscape(`${lines.join('\n')}\nrule: ${where(r.source)}`)}</failure>`,
      );
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
