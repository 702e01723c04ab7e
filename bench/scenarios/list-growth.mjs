import { performance } from 'node:perf_hooks';
import { signUpWithApiKey } from '../lib/api.mjs';
import {
  fineRatio,
  LATENCY_COLUMNS,
  latencyRow,
  measureLoop,
  target,
  targetsTable,
} from '../lib/list-load.mjs';
import { getAndDiscard, keepAliveAgent } from '../lib/load.mjs';
import { defineScenario } from '../lib/scenario.mjs';
import { seedInstallations } from '../lib/seed.mjs';
import { round } from '../lib/stats.mjs';

/**
 * The growth curve: does a page of the installation list cost the same however many installations
 * the account has? The same requests at each size, the account grown between measurements
 * (bench/lib/seed.mjs through SQL, 100 000 per transaction), /healthz measured alongside each.
 */

const CONCURRENCY = 16;
/** A ratio with four digits: list ÷ /healthz is well below 0.01 on the embedded database. */
const small = (/** @type {number} */ a, /** @type {number} */ b) => round(fineRatio(a, b), 4);
const CHUNK = 100_000;

export default defineScenario({
  name: 'list-growth',
  description:
    'the installation list (50, plain and filtered) at 10k, 100k and 1M installations: does p50 stay flat?',
  run: async ({ quick, openEnvironment, log }) => {
    // BENCH_LIST_GROWTH_SIZES=10000,100000,300000 for a shorter full run (seeding 1M on the
    // embedded database takes long on a small machine).
    const sizes =
      process.env.BENCH_LIST_GROWTH_SIZES?.split(',').map(Number) ??
      (quick ? [1_000, 10_000] : [10_000, 100_000, 1_000_000]);
    const secondsPerLoop = quick ? 1 : 5;
    const env = await openEnvironment();
    const api = await signUpWithApiKey(env.server().url);
    /** @type {any[]} */
    const measured = [];
    let seeded = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      await env.withSql(async (sql) => {
        for (let from = seeded; from < size; from += CHUNK) {
          const to = Math.min(size, from + CHUNK);
          await seedInstallations(sql, {
            tenantId: api.tenantId,
            userId: api.adminId,
            from,
            to,
            perCustomer: 8,
          });
          log(`  ${to} installations`);
        }
      });
      const seedSeconds = round((performance.now() - t0) / 1000, 1);
      seeded = size;
      const url = env.server().url;
      const agent = keepAliveAgent(CONCURRENCY);
      const headers = api.headers;
      const get = (/** @type {string} */ path) => () =>
        getAndDiscard(`${url}/api/v1${path}`, { agent, headers });
      // A customer of the oldest and one of the newest installations: the filter is the same at every size.
      const customer = (await api.get('/installations?limit=1&sort=createdAt')).items[0].customerId;
      const newest = (await api.get('/installations?limit=1')).items[0].customerId;
      const tasks = {
        healthz: [() => getAndDiscard(`${url}/healthz`, { agent })],
        plain: [get('/installations?limit=50')],
        filtered: [
          get('/installations?limit=50&kind=refrigeration&refrigerant=R-404A'),
          get(`/installations?limit=50&customerId=${customer}`),
          get(`/installations?limit=50&customerId=${newest}`),
          get('/installations?limit=50&sort=reference'),
          get('/installations?limit=50&sort=-chargeKg'),
        ],
      };
      for (const t of Object.values(tasks))
        await measureLoop('warm-up', { concurrency: CONCURRENCY, durationMs: 300, tasks: t });
      log(`measuring at ${size} installations`);
      const durationMs = secondsPerLoop * 1000;
      measured.push({
        size,
        seedSeconds,
        healthz: await measureLoop('/healthz', {
          concurrency: CONCURRENCY,
          durationMs,
          tasks: tasks.healthz,
        }),
        plain: await measureLoop('plain list', { concurrency: CONCURRENCY, durationMs, tasks: tasks.plain }),
        filtered: await measureLoop('filtered list', {
          concurrency: CONCURRENCY,
          durationMs,
          tasks: tasks.filtered,
        }),
      });
      agent.destroy();
    }
    const first = measured[0];
    const last = measured.at(-1);
    const targets = [
      target(
        `plain list p50 at ${last.size} ÷ at ${first.size}`,
        fineRatio(last.plain.p50, first.plain.p50),
        '≤',
        1.5,
      ),
      target(
        `filtered lists p50 at ${last.size} ÷ at ${first.size}`,
        fineRatio(last.filtered.p50, first.filtered.p50),
        '≤',
        1.5,
      ),
    ];
    return {
      title: 'The installation list as the account grows',
      question:
        `Does p50 of a 50-row installation page stay flat from ${sizes[0]} to ${sizes.at(-1)} installations in ` +
        `one account? ${CONCURRENCY} connections, ${secondsPerLoop} s per measurement at each size.`,
      params: { sizes, secondsPerLoop, concurrency: CONCURRENCY, installationsPerCustomer: 8 },
      metrics: { measured, targets },
      tables: [
        targetsTable(targets),
        {
          caption: 'At each size',
          columns: ['installations', ...LATENCY_COLUMNS.slice(1), 'list ÷ /healthz req/s', 'seeded in s'],
          rows: measured.flatMap((m) => [
            [`${m.size}: /healthz`, ...latencyRow('', m.healthz).slice(1), null, m.seedSeconds],
            [
              `${m.size}: plain list`,
              ...latencyRow('', m.plain).slice(1),
              String(small(m.plain.perSecond, m.healthz.perSecond)),
              null,
            ],
            [
              `${m.size}: filtered lists`,
              ...latencyRow('', m.filtered).slice(1),
              String(small(m.filtered.perSecond, m.healthz.perSecond)),
              null,
            ],
          ]),
        },
      ],
      notes: [
        'Filters in turn: kind=refrigeration&refrigerant=R-404A, customerId of the oldest and of the newest ' +
          'customer, sort=reference, sort=-chargeKg. Free-text search (q=) is left out here: it reads every ' +
          'installation of the account (a substring match), see the lists scenario.',
        'Installations only (8 per customer, each customer with one location): no work orders or forecasts at these ' +
          'sizes, so the forecast history each page looks up is empty.',
      ],
    };
  },
});
