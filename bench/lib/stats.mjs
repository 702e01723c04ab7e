/**
 * @typedef {object} LatencySummary
 * @property {number} count  completed requests
 * @property {number} errors  failed requests (not in the latencies)
 * @property {number} seconds  wall time of the measurement
 * @property {number} perSecond  completed requests per second
 * @property {number} p50  milliseconds
 * @property {number} p90
 * @property {number} p99
 * @property {number} max
 * @property {number} mean
 */

/**
 * The p-th percentile (0–100) of ascending values, nearest-rank.
 * @param {readonly number[]} sorted
 * @param {number} p
 */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? NaN;
}

/**
 * @param {number} value
 * @param {number} [digits]
 */
export function round(value, digits = 2) {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/**
 * Percentiles and throughput of one measurement.
 * @param {readonly number[]} latenciesMs
 * @param {number} seconds
 * @param {number} [errors]
 * @returns {LatencySummary}
 */
export function summarize(latenciesMs, seconds, errors = 0) {
  const sorted = Float64Array.from(latenciesMs).sort();
  const values = Array.from(sorted);
  const total = values.reduce((a, b) => a + b, 0);
  return {
    count: values.length,
    errors,
    seconds: round(seconds, 3),
    perSecond: round(values.length / seconds, 1),
    p50: round(percentile(values, 50), 3),
    p90: round(percentile(values, 90), 3),
    p99: round(percentile(values, 99), 3),
    max: round(values.at(-1) ?? NaN, 3),
    mean: round(values.length ? total / values.length : NaN, 3),
  };
}

/**
 * measured / baseline, as a ratio rounded to two decimals.
 * @param {number} measured
 * @param {number} baseline
 */
export function ratio(measured, baseline) {
  return baseline > 0 ? round(measured / baseline, 2) : NaN;
}
