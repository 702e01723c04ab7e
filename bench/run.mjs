#!/usr/bin/env node
// `npm run bench`: builds the server when needed, runs each scenario against the real server on a
// fresh database, and writes bench/results/latest(-postgres).{json,md}. See "Benchmarks" in the README.
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { ensureServerBuilt } from './lib/build.mjs';
import { databaseTarget, describeDatabase } from './lib/database.mjs';
import { closeAllEnvironments, openEnvironment, serverOutputTails } from './lib/environment.mjs';
import { describeMachine, gitCommit } from './lib/machine.mjs';
import { RESULTS_DIR } from './lib/paths.mjs';
import { resultFiles, writeReport } from './lib/report.mjs';
import { SCENARIOS } from './scenarios/index.mjs';

const USAGE = `Usage: npm run bench -- [options]

  --scenario=NAME[,NAME]  run only these (default: all)
  --db=pglite|postgres    the embedded database (default), or a fresh database on PostgreSQL at
                          BENCH_DATABASE_URL, DATABASE_URL or ${'postgres://postgres@127.0.0.1:5432/postgres'}
                          (also chosen when one of those variables is set)
  --quick                 small sizes and short durations: a smoke test, written to latest*-quick.*
  --out=DIR               where results go (default bench/results)
  --no-build              use apps/server/dist as it is

Scenarios:
${SCENARIOS.map((s) => `  ${s.name.padEnd(22)}${s.description}`).join('\n')}`;

const started = performance.now();
/** @param {string} line */
const log = (line) =>
  process.stderr.write(
    `[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`,
  );

async function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string' },
      db: { type: 'string' },
      quick: { type: 'boolean', default: false },
      out: { type: 'string' },
      'no-build': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const wanted = values.scenario?.split(',').filter(Boolean);
  const unknown = wanted?.filter((name) => !SCENARIOS.some((s) => s.name === name)) ?? [];
  if (unknown.length > 0) throw new Error(`Unknown scenario ${unknown.join(', ')}.\n\n${USAGE}`);
  const scenarios = wanted ? SCENARIOS.filter((s) => wanted.includes(s.name)) : SCENARIOS;
  const quick = values.quick ?? false;
  const target = databaseTarget(values.db, process.env);

  if (!values['no-build']) ensureServerBuilt(log);
  const database = await describeDatabase(target);
  log(
    `database: ${database}; ${quick ? 'quick run' : 'full run'}; scenarios: ${scenarios.map((s) => s.name).join(', ')}`,
  );

  /** @type {Record<string, import('./lib/report.mjs').StoredResult>} */
  const results = {};
  /** @type {string[]} */
  const failed = [];
  for (const scenario of scenarios) {
    const scratchDir = mkdtempSync(join(tmpdir(), `climalog-bench-${scenario.name}-`));
    scratch = scratchDir;
    const t0 = performance.now();
    log(`scenario ${scenario.name}`);
    try {
      const measuredAt = new Date().toISOString();
      const loadBefore = loadavg()[0] ?? NaN;
      const result = await scenario.run({
        quick,
        database: target,
        openEnvironment: (options) => openEnvironment(target, options),
        scratchDir,
        log: (line) => log(`  ${scenario.name}: ${line}`),
      });
      results[scenario.name] = {
        ...result,
        measuredAt,
        seconds: (performance.now() - t0) / 1000,
        loadAverage: { before: loadBefore, after: loadavg()[0] ?? NaN },
      };
      log(`scenario ${scenario.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(scenario.name);
      log(
        `scenario ${scenario.name} FAILED: ${error instanceof Error ? (error.stack ?? error.message) : error}`,
      );
      for (const tail of serverOutputTails()) if (tail.trim()) log(`server output (end):\n${tail}`);
    } finally {
      await closeAllEnvironments();
      rmSync(scratchDir, { recursive: true, force: true });
    }
  }

  if (Object.keys(results).length > 0) {
    const files = resultFiles(values.out ?? RESULTS_DIR, { postgres: target.kind === 'postgres', quick });
    writeReport(
      files,
      { machine: describeMachine(database), commit: gitCommit(), quick },
      results,
      SCENARIOS.map((s) => s.name),
    );
    log(`results: ${files.md} and ${files.json}`);
  }
  if (failed.length > 0) {
    log(`failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
}

/** The current scenario's scratch directory, removed also when the run is interrupted. */
let scratch = '';
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => {
    log(`${signal}: stopping the servers and removing temporary data`);
    void closeAllEnvironments().finally(() => {
      if (scratch) rmSync(scratch, { recursive: true, force: true });
      process.exit(130);
    });
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  async (error) => {
    await closeAllEnvironments();
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  },
);
