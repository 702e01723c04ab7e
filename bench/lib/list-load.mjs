import { closedLoop } from './load.mjs';
import { round, summarize } from './stats.mjs';

/**
 * Shared by the list-family scenarios (lists, list-growth): closed loops that rotate through a set
 * of requests, their summaries, and the targets table of the report.
 */

/** @typedef {import('./stats.mjs').LatencySummary} LatencySummary */

/**
 * `concurrency` closed loops for `durationMs`, each request the next of `tasks` in turn; failures
 * throw (a benchmark of errors measures nothing).
 * @param {string} what
 * @param {{ concurrency: number, durationMs: number, tasks: (() => Promise<unknown>)[] }} options
 * @returns {Promise<LatencySummary>}
 */
export async function measureLoop(what, { concurrency, durationMs, tasks }) {
  let next = 0;
  const result = await closedLoop({
    concurrency,
    durationMs,
    maxErrors: 5,
    task: () => /** @type {() => Promise<unknown>} */ (tasks[next++ % tasks.length])(),
  });
  if (result.errors > 0) throw new Error(`${what}: ${result.errors} requests failed: ${result.firstError}`);
  return summarize(result.latencies, result.seconds, result.errors);
}

/**
 * A row of a latency table.
 * @param {string} name
 * @param {LatencySummary} s
 * @returns {(string | number | null)[]}
 */
export const latencyRow = (name, s) => [name, s.perSecond, s.p50, s.p99, s.count];

export const LATENCY_COLUMNS = ['at 16 connections', 'req/s', 'p50 ms', 'p99 ms', 'requests'];

/**
 * @typedef {object} Target
 * @property {string} name  what is held to it, e.g. "list ÷ /healthz throughput"
 * @property {number} value  the measured ratio
 * @property {'≥' | '≤'} op
 * @property {number} bound
 */

/**
 * @param {string} name
 * @param {number} value
 * @param {'≥' | '≤'} op
 * @param {number} bound
 * @returns {Target & { met: boolean }}
 */
export function target(name, value, op, bound) {
  const met = op === '≥' ? value >= bound : value <= bound;
  return { name, value: round(value, value < 0.1 ? 4 : 2), op, bound, met };
}

/**
 * measured / baseline with enough digits for small ratios (0.0034, not 0).
 * @param {number} measured
 * @param {number} baseline
 */
export const fineRatio = (measured, baseline) => (baseline > 0 ? measured / baseline : NaN);

/** @param {(Target & { met: boolean })[]} targets */
export function targetsTable(targets) {
  return {
    caption: 'Targets',
    columns: ['target', 'measured', 'bound', 'met'],
    // The measured value as text: the report rounds numbers below 10 to two decimals (0.0043 → 0).
    rows: targets.map((t) => [t.name, String(t.value), `${t.op} ${t.bound}`, t.met ? 'yes' : '**no**']),
  };
}
