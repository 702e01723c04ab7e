import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {import('./machine.mjs').Machine} Machine
 *
 * @typedef {object} Table
 * @property {string} [caption]
 * @property {string[]} columns
 * @property {(string | number | null)[][]} rows
 *
 * @typedef {object} ScenarioResult  what a scenario returns
 * @property {string} title
 * @property {string} question  what it answers
 * @property {Record<string, unknown>} params  sizes and durations it ran with
 * @property {Record<string, unknown>} metrics  machine-readable numbers (stable keys)
 * @property {Table[]} tables
 * @property {string[]} notes  what to read into the numbers
 *
 * @typedef {ScenarioResult & { measuredAt: string, seconds: number,
 *   loadAverage: { before: number, after: number } }} StoredResult  loadAverage: the 1-minute load
 *   average of the machine before and after (above the core count, something else was busy too)
 *
 * @typedef {object} Report
 * @property {Machine} machine
 * @property {string} commit
 * @property {boolean} quick
 * @property {Record<string, StoredResult>} scenarios
 */

const SHARED_MACHINE =
  'Client (load generator) and server share this machine, so the client takes CPU from the server; ' +
  'compare ratios within one run, not absolute numbers across machines.';

/**
 * Where a run's results go: latest(-postgres)(-quick).{json,md}.
 * @param {string} dir
 * @param {{ postgres: boolean, quick: boolean }} run
 */
export function resultFiles(dir, { postgres, quick }) {
  const base = join(dir, `latest${postgres ? '-postgres' : ''}${quick ? '-quick' : ''}`);
  return { json: `${base}.json`, md: `${base}.md` };
}

/**
 * A number for a table: rounded, with thousands separated by a thin space.
 * @param {string | number | null | undefined} value
 */
function cell(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits }).replace(/,/g, ' ');
}

/** @param {Table} table */
function markdownTable(table) {
  const lines = [];
  if (table.caption) lines.push(`**${table.caption}**`, '');
  lines.push(`| ${table.columns.join(' | ')} |`);
  lines.push(`| ${table.columns.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`);
  for (const row of table.rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

/**
 * @param {Report} report
 * @returns {string}
 */
export function toMarkdown(report) {
  const m = report.machine;
  const out = [
    `# Benchmark results${report.quick ? ' (quick run: small sizes, a smoke test only)' : ''}`,
    '',
    'Written by `npm run bench` (see "Benchmarks" in the README). ' + SHARED_MACHINE,
    '',
    '| Machine | |',
    '| --- | --- |',
    `| CPU | ${m.cpuModel} × ${m.cpuCount} |`,
    `| Memory | ${m.memoryGiB} GiB |`,
    `| Node | ${m.node} |`,
    `| OS | ${m.os} |`,
    `| Database | ${m.database} |`,
    `| Date | ${m.date} |`,
    `| Commit | ${report.commit} |`,
  ];
  for (const [name, s] of Object.entries(report.scenarios)) {
    out.push('', `## ${name}: ${s.title}`, '', s.question, '');
    const params = Object.entries(s.params)
      .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
      .join(', ');
    const load = s.loadAverage
      ? ` Load average (1 min) ${s.loadAverage.before.toFixed(2)} before, ${s.loadAverage.after.toFixed(2)} after.`
      : '';
    out.push(`Measured ${s.measuredAt} in ${Math.round(s.seconds)} s with ${params}.${load}`);
    for (const table of s.tables) out.push('', markdownTable(table));
    if (s.notes.length > 0) out.push('', ...s.notes.map((n) => `- ${n}`));
  }
  return out.join('\n') + '\n';
}

/**
 * Writes the results; scenarios not run this time are kept from the previous file of the same kind
 * (each carries its own date).
 * @param {{ json: string, md: string }} files
 * @param {Omit<Report, 'scenarios'>} run
 * @param {Record<string, StoredResult>} scenarios
 * @param {string[]} order  scenario names in the order the report lists them
 * @returns {Report}
 */
export function writeReport(files, run, scenarios, order) {
  /** @type {Record<string, StoredResult>} */
  let previous = {};
  if (existsSync(files.json)) {
    try {
      previous = /** @type {Report} */ (JSON.parse(readFileSync(files.json, 'utf8'))).scenarios ?? {};
    } catch {
      previous = {};
    }
  }
  const all = { ...previous, ...scenarios };
  const names = [...order.filter((n) => n in all), ...Object.keys(all).filter((n) => !order.includes(n))];
  /** @type {Report} */
  const report = {
    ...run,
    scenarios: Object.fromEntries(names.flatMap((n) => (all[n] ? [[n, all[n]]] : []))),
  };
  mkdirSync(join(files.json, '..'), { recursive: true });
  writeFileSync(files.json, JSON.stringify(report, null, 2) + '\n');
  writeFileSync(files.md, toMarkdown(report));
  return report;
}
