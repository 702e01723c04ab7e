import { signUpWithApiKey } from '../lib/api.mjs';
import { openSql } from '../lib/database.mjs';
import { isoDate } from '../lib/fixtures.mjs';
import {
  fineRatio,
  LATENCY_COLUMNS,
  latencyRow,
  measureLoop,
  target,
  targetsTable,
} from '../lib/list-load.mjs';
import { getAndDiscard, keepAliveAgent } from '../lib/load.mjs';
import { SERVER_DIST } from '../lib/paths.mjs';
import { defineScenario } from '../lib/scenario.mjs';
import {
  openServerRuntime,
  recomputeForecasts,
  seedInstallations,
  seedTechnicians,
  seedWorkOrders,
} from '../lib/seed.mjs';
import { ratio, round } from '../lib/stats.mjs';

/**
 * The lists people open all day, against two floors measured in the same run: the server's own
 * /healthz (what any request costs over HTTP) and the same SQL run straight through the database
 * driver (what the database needs for the page). One account with realistic data (bench/lib/seed.mjs:
 * installations, years of work orders, forecasts stored by the server's own recompute); 16
 * connections through an API key.
 */

const CONCURRENCY = 16;
/** A ratio with four digits: list ÷ /healthz is well below 0.01 on the embedded database. */
const small = (/** @type {number} */ a, /** @type {number} */ b) => round(fineRatio(a, b), 4);

export default defineScenario({
  name: 'lists',
  description:
    'installation list (50, with filters), overdue forecasts, detail + logbook, new work order vs /healthz and raw SQL',
  run: async ({ quick, openEnvironment, database, log }) => {
    const p = quick
      ? { installations: 1_000, perCustomer: 8, years: 1, secondsPerLoop: 1 }
      : { installations: 20_000, perCustomer: 8, years: 3, secondsPerLoop: 5 };
    const durationMs = p.secondsPerLoop * 1000;
    const env = await openEnvironment();
    const api = await signUpWithApiKey(env.server().url);
    log(
      `seeding ${p.installations} installations with ${p.years} year(s) of work orders and their forecasts`,
    );
    const seeded = await env.whileStopped(async (where) => {
      const runtime = await openServerRuntime(where);
      try {
        const db = runtime.deps.db;
        const technicianIds = [
          api.technicianId,
          ...(await seedTechnicians(db, { tenantId: api.tenantId, userId: api.adminId, count: 3 })),
        ];
        const common = { tenantId: api.tenantId, userId: api.adminId, from: 0, to: p.installations };
        await seedInstallations(db, { ...common, perCustomer: p.perCustomer });
        const workOrders = await seedWorkOrders(db, { ...common, technicianIds, years: p.years });
        await recomputeForecasts(runtime.deps);
        const [forecasts] = await db.query(
          `select count(*)::int as total, count(*) filter (where status = 'planned' and due_on < current_date)::int as overdue
             from forecasts where tenant_id = $1`,
          [api.tenantId],
        );
        return { workOrders, forecasts: forecasts?.total ?? 0, overdue: forecasts?.overdue ?? 0 };
      } finally {
        await runtime.close();
      }
    });
    log(`${seeded.workOrders} work orders, ${seeded.forecasts} forecasts of which ${seeded.overdue} overdue`);

    const url = env.server().url;
    const agent = keepAliveAgent(CONCURRENCY);
    const headers = api.headers;
    const get = (/** @type {string} */ path) => () =>
      getAndDiscard(`${url}/api/v1${path}`, { agent, headers });
    const sample = (await api.get('/installations?limit=200&sort=updatedAt')).items;
    const customers = [...new Set(sample.map((/** @type {any} */ i) => i.customerId))].slice(0, 20);
    const cooled = sample
      .filter((/** @type {any} */ i) => i.refrigerant && i.kind !== 'heating')
      .slice(0, 50);
    const pick = (/** @type {any[]} */ list, /** @type {number} */ n) => list[n % list.length];

    /** The filtered lists, each also as the repository's filter for the raw-SQL floor. */
    const filtered = [
      {
        query: 'kind=refrigeration&refrigerant=R-404A',
        filter: { kind: 'refrigeration', refrigerant: 'R-404A' },
      },
      ...customers.slice(0, 3).map((id) => ({ query: `customerId=${id}`, filter: { customerId: id } })),
      { query: 'sort=reference', filter: { sort: 'reference' } },
      { query: 'sort=-chargeKg', filter: { sort: '-chargeKg' } },
      { query: 'q=daikin', filter: { q: 'daikin' } },
    ];
    const plainTasks = [get('/installations?limit=50')];
    // A later page writes no audit record (only a first page is "consulted"): beside the first page it
    // shows what the audit record, a write under the account's audit-chain lock, costs a list.
    const secondPageCursor = (await api.get('/installations?limit=50')).nextCursor;
    const nextPageTasks = [get(`/installations?limit=50&cursor=${encodeURIComponent(secondPageCursor)}`)];
    const filteredTasks = filtered.map((f) => get(`/installations?limit=50&${f.query}`));
    const overdueTasks = [get('/forecasts?view=overdue&limit=50')];
    let n = 0;
    const detailTasks = [
      async () => {
        const id = pick(sample, n++).id;
        await getAndDiscard(`${url}/api/v1/installations/${id}`, { agent, headers });
        await getAndDiscard(`${url}/api/v1/installations/${id}/logbook`, { agent, headers });
      },
    ];
    let m = 0;
    // Through fetch (its own connection pool): a write costs the server far more than the client.
    const createTasks = [
      () => {
        const installation = pick(cooled, m++);
        return api.post('/work-orders', {
          installationIds: [installation.id],
          status: 'executed',
          executedOn: isoDate(0),
          executorId: api.technicianId,
          activities: [
            { installationId: installation.id, type: 'leak_check', result: 'no_leak', method: 'direct' },
            {
              installationId: installation.id,
              type: 'refrigerant_added',
              refrigerant: installation.refrigerant,
              quantityKg: 0.4,
            },
          ],
        });
      },
    ];
    const healthzTasks = [() => getAndDiscard(`${url}/healthz`, { agent })];

    log('warming up');
    for (const tasks of [healthzTasks, plainTasks, nextPageTasks, filteredTasks, overdueTasks, detailTasks])
      await measureLoop('warm-up', { concurrency: CONCURRENCY, durationMs: 300, tasks });

    log(`measuring over HTTP, ${p.secondsPerLoop} s each at ${CONCURRENCY} connections`);
    const http = {
      healthz: await measureLoop('/healthz', { concurrency: CONCURRENCY, durationMs, tasks: healthzTasks }),
      plain: await measureLoop('plain list', { concurrency: CONCURRENCY, durationMs, tasks: plainTasks }),
      nextPage: await measureLoop('plain list, page 2', {
        concurrency: CONCURRENCY,
        durationMs,
        tasks: nextPageTasks,
      }),
      filtered: await measureLoop('filtered list', {
        concurrency: CONCURRENCY,
        durationMs,
        tasks: filteredTasks,
      }),
      overdue: await measureLoop('overdue', { concurrency: CONCURRENCY, durationMs, tasks: overdueTasks }),
      detail: await measureLoop('detail', { concurrency: CONCURRENCY, durationMs, tasks: detailTasks }),
      create: await measureLoop('create', { concurrency: CONCURRENCY, durationMs, tasks: createTasks }),
    };
    agent.destroy();

    log('measuring the same SQL straight through the driver (the database floor)');
    const { listInstallations } = await import(
      `${SERVER_DIST}/modules/installations/installations.repository.js`
    );
    const { selectForecasts } = await import(`${SERVER_DIST}/modules/forecasts/forecasts.service.js`);
    const base = { archived: 'false', sort: '-createdAt', limit: 51 };
    const today = isoDate(0);
    const raw = await env.whileStopped(async (where) => {
      const sql = await openSql({ ...where, connections: CONCURRENCY });
      try {
        const loop = (/** @type {string} */ what, /** @type {(() => Promise<unknown>)[]} */ tasks) =>
          measureLoop(what, { concurrency: CONCURRENCY, durationMs, tasks });
        const plainSql = [() => listInstallations(sql, api.tenantId, base)];
        const filteredSql = filtered.map(
          (f) => () => listInstallations(sql, api.tenantId, { ...base, ...f.filter }),
        );
        const overdueSql = [() => selectForecasts(sql, api.tenantId, { view: 'overdue' }, today, null, 51)];
        for (const tasks of [plainSql, filteredSql, overdueSql]) await loop('warm-up', tasks);
        return {
          plain: await loop('raw plain list', plainSql),
          filtered: await loop('raw filtered list', filteredSql),
          overdue: await loop('raw overdue', overdueSql),
        };
      } finally {
        await sql.close();
      }
    });

    const targets = [
      target(
        'plain list ÷ /healthz, throughput',
        fineRatio(http.plain.perSecond, http.healthz.perSecond),
        '≥',
        0.35,
      ),
      target(
        'filtered lists ÷ /healthz, throughput',
        fineRatio(http.filtered.perSecond, http.healthz.perSecond),
        '≥',
        0.35,
      ),
      target(
        'plain list ÷ raw SQL, throughput',
        fineRatio(http.plain.perSecond, raw.plain.perSecond),
        '≥',
        0.5,
      ),
      target(
        'filtered lists ÷ raw SQL, throughput',
        fineRatio(http.filtered.perSecond, raw.filtered.perSecond),
        '≥',
        0.5,
      ),
      target('overdue view ÷ plain list, p50 latency', fineRatio(http.overdue.p50, http.plain.p50), '≤', 1.5),
    ];
    const ratios = {
      detailVsHealthz: small(http.detail.perSecond, http.healthz.perSecond),
      detailVsPlainList: ratio(http.detail.perSecond, http.plain.perSecond),
      createVsHealthz: small(http.create.perSecond, http.healthz.perSecond),
      createVsPlainList: ratio(http.create.perSecond, http.plain.perSecond),
      overdueVsRawSql: ratio(http.overdue.perSecond, raw.overdue.perSecond),
      rawPlainVsHealthz: small(raw.plain.perSecond, http.healthz.perSecond),
      nextPageVsFirstPage: ratio(http.nextPage.perSecond, http.plain.perSecond),
      nextPageVsRawSql: ratio(http.nextPage.perSecond, raw.plain.perSecond),
    };
    return {
      title: 'Lists, detail and a new work order against /healthz and raw SQL',
      question:
        `How close do the installation list (50 per page, plain and with filters), the overdue forecasts view, ` +
        `an installation with its logbook and a new work order come to the floors? ${CONCURRENCY} connections, ` +
        `${p.secondsPerLoop} s per measurement, one account with ${p.installations} installations, ` +
        `${seeded.workOrders} work orders and ${seeded.forecasts} stored forecasts (${seeded.overdue} overdue).`,
      params: { ...p, concurrency: CONCURRENCY, database: database.kind },
      metrics: { seeded, http, raw, targets, ratios },
      tables: [
        targetsTable(targets),
        {
          caption: 'Over HTTP (API key)',
          columns: LATENCY_COLUMNS,
          rows: [
            latencyRow('/healthz (HTTP floor)', http.healthz),
            latencyRow('GET /installations?limit=50', http.plain),
            latencyRow('GET /installations?limit=50&cursor=… (page 2: no audit record)', http.nextPage),
            latencyRow(`GET /installations, ${filtered.length} filters in turn`, http.filtered),
            latencyRow('GET /forecasts?view=overdue&limit=50', http.overdue),
            latencyRow('GET /installations/{id} + its /logbook', http.detail),
            latencyRow('POST /work-orders (executed, 2 activities)', http.create),
          ],
        },
        {
          caption: 'The same SQL through the driver (database floor), as the owner',
          columns: LATENCY_COLUMNS,
          rows: [
            latencyRow('installations page (plain)', raw.plain),
            latencyRow('installations page (filters in turn)', raw.filtered),
            latencyRow('overdue forecasts page', raw.overdue),
          ],
        },
        {
          caption: 'Other ratios (throughput)',
          columns: ['ratio', 'value'],
          rows: [
            ['detail + logbook ÷ /healthz', ratios.detailVsHealthz],
            ['detail + logbook ÷ plain list', ratios.detailVsPlainList],
            ['new work order ÷ /healthz', ratios.createVsHealthz],
            ['new work order ÷ plain list', ratios.createVsPlainList],
            ['overdue view ÷ its raw SQL', ratios.overdueVsRawSql],
            ['raw page SQL alone ÷ /healthz (what the list could reach at best)', ratios.rawPlainVsHealthz],
            ['list page 2 (no audit record) ÷ page 1', ratios.nextPageVsFirstPage],
            ['list page 2 (no audit record) ÷ raw page SQL', ratios.nextPageVsRawSql],
          ].map(([name, value]) => [String(name), String(value)]),
        },
      ],
      notes: [
        `Filters in turn: ${filtered.map((f) => f.query.replace(/=[0-9a-f-]{36}/, '=…')).join(', ')}.`,
        "The raw-SQL floor runs the repository's own page query (apps/server/dist, limit 51 as the server asks) " +
          'as the database owner, without the transaction, tenant switch and row-level security a request has, and ' +
          'without the queries that complete a page (labels, components, attachments, forecast history, the audit ' +
          'record of a first page). On the embedded database it runs in this process on the one PGlite backend, ' +
          'with the server stopped.',
        'A new work order is one transaction: number, work order, activities, forecasts recomputed, audit record ' +
          '(the audit chain serialises writes per account). The detail is two requests (installation, logbook).',
        `Ratios are of one run on a shared machine (load average in the header); p99 at ${round(http.plain.p99, 0)} ms ` +
          'for the plain list shows how much the queue at 16 connections adds.',
      ],
    };
  },
});
