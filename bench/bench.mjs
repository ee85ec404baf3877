#!/usr/bin/env node
/**
 * icbsim benchmarks: `npm run bench` (builds first). Each measurement is one function in its own
 * section and prints `name: value unit` lines; startup-bound figures are printed beside `node -e 0`
 * measured in the same run, so a slow machine shows up as a slow baseline too.
 * Speed goals are judged from these figures, never by tests that fail on time.
 * To add a measurement: write a section function below and call it from main().
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(REPO, 'bin', 'icbsim');
const WORK = mkdtempSync(join(tmpdir(), 'icbsim-bench-'));

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function report(name, value, unit) {
  console.log(`${name}: ${value} ${unit}`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** Wall-clock milliseconds of one child process; throws if it exits with an unexpected code. */
function timeSpawn(args, okCodes = [0]) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: WORK, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - start;
  if (!okCodes.includes(r.status)) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

function medianSpawn(args, runs, okCodes) {
  timeSpawn(args, okCodes); // warm the file cache; not counted
  return median(Array.from({ length: runs }, () => timeSpawn(args, okCodes)));
}

/** A realistic mid-sized scenario with numbers varied by `i` (same template as tests/batch). */
function scenarioText(i) {
  return [
    `name: Generated ${i}`,
    'base_year: 2025/26',
    `years: ${1 + (i % 6)}`,
    'allocation:',
    `  recurrent: ${1000 + ((i * 37) % 900)}.${i % 100}`,
    `  growth: ${(i % 5) + 1}.${i % 10}%`,
    `  non_recurrent: {2025/26: ${i % 13}}`,
    'assumptions:',
    `  inflation: ${2 + (i % 3)}.5%`,
    `  demand: ${(i % 4) / 2}%`,
    `  efficiency: 1.${i % 9}%`,
    `  efficiency_delivery: ${60 + (i % 40)}%`,
    'lines:',
    `  acute: {category: acute, spend: ${500 + (i % 200)}.25}`,
    `  community: {category: community, spend: ${150 + (i % 77)}}`,
    `  mental_health: {category: mental_health, spend: ${100 + (i % 31)}.5}`,
    `  running: {category: running, spend: ${20 + (i % 11)}}`,
    'policies:',
    `  - {type: flat_cash, line: acute, uplift: ${i % 3}%}`,
    `  - {type: divert_growth, share: ${10 * (i % 6)}%, to: {community: 70%, mental_health: 30%}}`,
    `  - {type: running_cost_cut, line: running, cut: ${i % 50}%, by: 2026/27}`,
    'checks:',
    '  - {name: Breakeven, metric: icb_surplus, min: 0, each_year: true}',
    '  - {name: MHIS, metric: growth.mental_health, min: allocation_growth, each_year: true}',
    '',
  ].join('\n');
}

function generateFolder(name, count) {
  const dir = join(WORK, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 1; i <= count; i++) writeFileSync(join(dir, `s${String(i).padStart(4, '0')}.yaml`), scenarioText(i));
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Section: process start-up baseline
// ---------------------------------------------------------------------------------------------

function benchNodeBaseline() {
  report('node_e0_startup', medianSpawn(['-e', '0'], 7).toFixed(1), 'ms');
}

// ---------------------------------------------------------------------------------------------
// Section: cold start of `icbsim check` on one file
// ---------------------------------------------------------------------------------------------

function benchCheckColdStart() {
  const file = join(generateFolder('one', 1), 's0001.yaml');
  // Exit 1 is a failed rule, still a complete run.
  const ms = medianSpawn([BIN, 'check', file, '--rules', join(REPO, 'scenarios', 'rules', 'national.yaml')], 7, [0, 1]);
  report('check_cold_start_one_file', ms.toFixed(1), 'ms');
}

// ---------------------------------------------------------------------------------------------
// Section: batch throughput, 500 generated scenarios, 1 worker and every core
// ---------------------------------------------------------------------------------------------

function benchBatchThroughput() {
  const count = 500;
  const dir = generateFolder('batch', count);
  const cores = availableParallelism();
  report('batch_files', count, 'scenarios');
  report('cores', cores, 'threads');
  for (const workers of [...new Set([1, cores])]) {
    const ms = Math.min(
      ...[0, 1].map(() => timeSpawn([BIN, 'batch', dir, '--workers', String(workers), '--out', join(WORK, `batch-${workers}.csv`)])),
    );
    report(`batch_throughput_workers_${workers}`, (count / (ms / 1000)).toFixed(1), 'scenarios/s');
    report(`batch_wall_workers_${workers}`, ms.toFixed(0), 'ms');
  }
}

// ---------------------------------------------------------------------------------------------

function main() {
  const start = performance.now();
  try {
    benchNodeBaseline();
    benchCheckColdStart();
    benchBatchThroughput();
  } finally {
    rmSync(WORK, { recursive: true, force: true });
  }
  report('bench_total', ((performance.now() - start) / 1000).toFixed(1), 's');
}

main();
