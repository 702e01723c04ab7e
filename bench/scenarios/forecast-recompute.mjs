import { performance } from 'node:perf_hooks';
import { signUpWithApiKey } from '../lib/api.mjs';
import { getAndDiscard, keepAliveAgent, probe } from '../lib/load.mjs';
import { cpuMeter, cpuPercent } from '../lib/proc.mjs';
import { defineScenario } from '../lib/scenario.mjs';
import { seedInstallations } from '../lib/seed.mjs';
import { ratio, round, summarize } from '../lib/stats.mjs';

/**
 * How long does the server take to recompute the stored forecasts of every installation, as it
 * must after a rule-version change (a new regulation's rules coming into force, or an upgrade that
 * changed them)? That is the `forecasts.recompute` job (apps/server/src/jobs/register-jobs.ts,
 * scheduled nightly by the cron role): here it is enqueued in pg-boss's job table, as the schedule
 * does, and run by the server's own worker. A first run computes the forecasts of freshly seeded
 * installations; the second, measured one replaces them all, with /healthz and an installations
 * list page probed meanwhile (is the server still responsive?).
 */

/** @typedef {import('../lib/environment.mjs').Environment} Environment */

const DONE = /"msg":"forecasts recomputed"/;

/**
 * Enqueues the nightly recompute job (what the cron schedule does) and waits until the server's
 * worker reports it done in its log. Direct SQL restarts the server (withSql), and the worker
 * starts on the job right away.
 * @param {Environment} env
 * @param {number} timeoutMs
 * @param {(probing: import('../lib/server.mjs').RunningServer) => { stop: () => Promise<unknown> }} [during]
 */
async function runRecompute(env, timeoutMs, during) {
  const before = await env.withSql(async (sql) => {
    await sql.query(
      `insert into pgboss.job (name, data, retry_limit, expire_in)
       values ('forecasts.recompute', '{}', 0, interval '4 hours')`,
    );
    const [row] = await sql.query('select max(computed_at) as last from forecasts');
    return /** @type {Date | null} */ (row?.last ?? null);
  });
  const server = env.server();
  const cpu = cpuMeter(server.pid);
  const watcher = during?.(server);
  const t0 = performance.now();
  const deadline = t0 + timeoutMs;
  for (;;) {
    const output = server.output();
    const line = output.split('\n').find((l) => DONE.test(l));
    if (line) {
      const logged = JSON.parse(line);
      const result = await watcher?.stop();
      const used = cpu.stop();
      return {
        /** CPU seconds the server process used from its start until the job was done (all threads) */
        serverCpuSeconds: round(used.server, 1),
        installations: Number(logged.installations),
        seconds: Number(logged.seconds),
        /** the newest forecast stored before this run (null when there was none) */
        before,
        watched: result,
      };
    }
    if (/job failed/.test(output)) throw new Error(`the recompute job failed:\n${output.slice(-2000)}`);
    if (performance.now() > deadline)
      throw new Error(`the recompute did not finish in ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * /healthz (the event loop) every 100 ms and a 50-row installations page (the database) every
 * 250 ms, one request at a time each, until stopped.
 * @param {import('../lib/server.mjs').RunningServer} server
 * @param {Record<string, string>} headers
 */
function watch(server, headers) {
  const agent = keepAliveAgent(2);
  const signal = new AbortController();
  const cpu = cpuMeter(server.pid);
  const t0 = performance.now();
  const healthz = probe({
    intervalMs: 100,
    signal: signal.signal,
    task: () => getAndDiscard(`${server.url}/healthz`, { agent }),
  });
  const list = probe({
    intervalMs: 250,
    signal: signal.signal,
    task: () => getAndDiscard(`${server.url}/api/v1/installations?limit=50`, { agent, headers }),
  });
  return {
    stop: async () => {
      signal.abort();
      const seconds = (performance.now() - t0) / 1000;
      const [h, l] = await Promise.all([healthz, list]);
      agent.destroy();
      const failed = [h, l].find((r) => r.errors > 0);
      if (failed) throw new Error(`probe requests failed: ${failed.firstError}`);
      return {
        healthz: summarize(h.latencies, seconds),
        list: summarize(l.latencies, seconds),
        ...cpuPercent([cpu.stop()]),
      };
    },
  };
}

export default defineScenario({
  name: 'forecast-recompute',
  description: 'the nightly forecasts.recompute job over 100 000 installations: duration, /s, responsiveness',
  run: async ({ quick, openEnvironment, log }) => {
    const size = quick ? 5_000 : 100_000;
    const timeoutMs = 30 * 60_000;
    // At info level the worker logs when the job is done (and how long it took).
    const env = await openEnvironment({ env: { LOG_LEVEL: 'info' } });
    const api = await signUpWithApiKey(env.server().url);
    log(`seeding ${size} installations through SQL`);
    const t0 = performance.now();
    await env.withSql((sql) =>
      seedInstallations(sql, { tenantId: api.tenantId, userId: api.adminId, from: 0, to: size }),
    );
    const seedSeconds = (performance.now() - t0) / 1000;

    log('first recompute: the forecasts of the new installations');
    const first = await runRecompute(env, timeoutMs);
    if (first.installations !== size) throw new Error(`recomputed ${first.installations} of ${size}`);
    log(`first recompute: ${first.seconds} s`);

    log('the server idle: /healthz and a list page, 5 s');
    const idle = watch(env.server(), api.headers);
    await new Promise((r) => setTimeout(r, 5000));
    const baseline = await idle.stop();

    log('second recompute (every stored forecast replaced), probing the server meanwhile');
    const second = await runRecompute(env, timeoutMs, (server) => watch(server, api.headers));
    if (second.installations !== size) throw new Error(`recomputed ${second.installations} of ${size}`);
    log(`second recompute: ${second.seconds} s`);
    const during = /** @type {Awaited<ReturnType<ReturnType<typeof watch>['stop']>>} */ (second.watched);

    const stored = await env.withSql(async (sql) => {
      const [row] = await sql.query(
        `select count(*)::int as forecasts, count(distinct installation_id)::int as installations,
                count(*) filter (where status = 'planned')::int as planned,
                count(*) filter (where computed_at <= $1)::int as stale
           from forecasts`,
        [second.before],
      );
      return /** @type {{ forecasts: number, installations: number, planned: number, stale: number }} */ (
        row
      );
    });
    if (stored.stale > 0) throw new Error(`${stored.stale} forecasts were not recomputed`);
    if (stored.forecasts === 0) throw new Error('no forecasts stored');

    const perSecond = Math.round(size / second.seconds);
    const targetSeconds = 30;
    const scaledTo100k = round((second.seconds * 100_000) / size, 1);
    const met = scaledTo100k <= targetSeconds;
    /** @param {ReturnType<typeof summarize>} s */
    const latency = (s) => `${round(s.p50, 1)} / ${round(s.p99, 1)} / ${round(s.max, 1)}`;
    return {
      title: 'Recomputing the stored forecasts',
      question:
        `How long does the nightly forecasts.recompute job take over ${size.toLocaleString('en-US')} ` +
        'installations (as after a rule-version change), and does the server stay responsive meanwhile? ' +
        `Target: 100 000 in ≤ ${targetSeconds} s.`,
      params: { installations: size, installationsPerCustomer: 50, probeMs: { healthz: 100, list: 250 } },
      metrics: {
        seedSeconds: round(seedSeconds, 1),
        first: {
          seconds: first.seconds,
          perSecond: Math.round(size / first.seconds),
          serverCpuSeconds: first.serverCpuSeconds,
        },
        second: { seconds: second.seconds, perSecond, serverCpuSeconds: second.serverCpuSeconds },
        storedForecasts: stored,
        scaledTo100kSeconds: scaledTo100k,
        targetSeconds,
        targetMet: met,
        idle: baseline,
        during,
        ratios: {
          healthzP50: ratio(during.healthz.p50, baseline.healthz.p50),
          healthzP99: ratio(during.healthz.p99, baseline.healthz.p99),
          listP50: ratio(during.list.p50, baseline.list.p50),
          listP99: ratio(during.list.p99, baseline.list.p99),
        },
      },
      tables: [
        {
          caption: 'The job',
          columns: ['run', 'installations', 'seconds', 'installations/s', 'server CPU s'],
          rows: [
            [
              'first (no stored forecasts yet)',
              size,
              first.seconds,
              Math.round(size / first.seconds),
              first.serverCpuSeconds,
            ],
            ['after a rule change (all replaced)', size, second.seconds, perSecond, second.serverCpuSeconds],
            [`target: 100 000 in ≤ ${targetSeconds} s`, 100_000, scaledTo100k, met ? 'met' : 'MISSED', null],
          ],
        },
        {
          caption: 'The server meanwhile (one request at a time)',
          columns: ['probe', 'p50 / p99 / max ms idle', 'p50 / p99 / max ms during', 'requests during'],
          rows: [
            [
              '/healthz every 100 ms',
              latency(baseline.healthz),
              latency(during.healthz),
              during.healthz.count,
            ],
            [
              'GET /installations?limit=50 every 250 ms',
              latency(baseline.list),
              latency(during.list),
              during.list.count,
            ],
            ['server CPU', `${baseline.serverCpuPercent} %`, `${during.serverCpuPercent} %`, null],
          ],
        },
      ],
      notes: [
        `Seeded through SQL (bench/lib/seed.mjs, ${size / 50} customers with 50 installations each, no work orders). ` +
          `The job stored ${stored.forecasts.toLocaleString('en-US')} forecasts for ${stored.installations.toLocaleString('en-US')} ` +
          `installations (${stored.planned.toLocaleString('en-US')} planned, the rest "unknown" where data is missing; ` +
          'installations no rule applies to have none), the energy inspection of each building included. Seconds ' +
          'are what the job logs (from its start to its end), not the server start; server CPU is what the ' +
          'server process used from when it answered until the job was done, on all its threads, ' +
          'and less sensitive than wall time to the neighbours on a shared machine.',
        'The job is enqueued in pg-boss (as the nightly schedule does) while the server is stopped for direct ' +
          'SQL; the restarted server runs it on its worker, in the same process that answers requests.',
      ],
    };
  },
});
