import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../bench/lib/api.mjs';
import type { Environment } from '../bench/lib/environment.mjs';
import { closedLoop } from '../bench/lib/load.mjs';
import { summarize, type LatencySummary } from '../bench/lib/stats.mjs';
import { FULL, sized } from './support/mode.js';
import { clientOf, openServer, signUp, type Client } from './support/real-server.js';
import {
  createSites,
  customerBody,
  executedWorkOrderBody,
  installationBody,
  type Site,
} from './support/write-mix.js';

/**
 * Load held: CONNECTIONS keep-alive connections send a realistic mix of reads and writes to the
 * real server for SECONDS, each sending its next request when the answer to the last one has
 * arrived (closed loop). Every answer must be a 2xx; throughput and p50/p99 are reported per kind
 * of request and overall (docs/quality.md, "Load held"). Times are never asserted: the machines
 * are shared.
 */
const DB = process.env.TEST_DB ?? 'pglite';
const CONNECTIONS = sized(16, 64);
const SECONDS = sized(5, 60);
const SITES = sized(4, 16);
const INSTALLATIONS = sized(40, 400);
const WORK_ORDERS = sized(12, 60);

let environment: Environment;
let api: Api;
let client: Client;
let sites: Site[];
const installations: { id: string; version: number }[] = [];
const workOrderIds: string[] = [];

/** Runs `count` tasks, `parallel` at a time. */
async function inParallel(count: number, parallel: number, task: (n: number) => Promise<unknown>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

beforeAll(async () => {
  environment = await openServer();
  ({ api, client } = await signUp(environment));
  sites = await createSites(api, SITES);
  await inParallel(INSTALLATIONS, 8, async (n) => {
    const site = sites[n % sites.length]!;
    await client.ok('POST', '/customers', customerBody(`L-${n}`));
    const installation = await client.ok('POST', '/installations', {
      ...installationBody(site, `Unit ${n}`, n),
      refrigerant: ['R-404A', 'R-410A', 'R-32', 'R-134a'][n % 4],
      kind: n % 3 ? 'air_conditioning' : 'refrigeration',
    });
    installations.push({ id: installation.id, version: installation.version });
  });
  await inParallel(WORK_ORDERS, 4, async (n) => {
    const { body } = executedWorkOrderBody(api, sites[n % sites.length]!, `Load ${n}`, n);
    workOrderIds.push((await client.ok('POST', '/work-orders', body)).id);
  });
  // Setting up the full size takes minutes on a busy machine.
}, 600_000);
afterAll(async () => environment?.close());

type Kind = { name: string; weight: number; run: (c: Client, n: number) => Promise<unknown> };

const pick = <T>(items: readonly T[], n: number): T => items[n % items.length]!;

/** Installations being changed right now are taken out of the pool, so no two changes collide. */
const takeInstallation = () => installations.shift();

const KINDS: Kind[] = [
  {
    name: 'list installations (filters)',
    weight: 18,
    run: (c, n) =>
      c.ok(
        'GET',
        `/installations?limit=50&${pick(['kind=air_conditioning', 'refrigerant=R-32', 'kind=refrigeration&refrigerant=R-404A', 'sort=-updatedAt', ''], n)}`,
      ),
  },
  { name: 'list customers', weight: 6, run: (c) => c.ok('GET', '/customers?limit=50') },
  {
    name: 'search',
    weight: 10,
    run: (c, n) =>
      pick(
        [
          () => c.ok('GET', `/installations?limit=20&q=${encodeURIComponent(`Unit ${n % INSTALLATIONS}`)}`),
          () => c.ok('GET', `/customers?limit=20&q=${encodeURIComponent(`Klant L-${n % INSTALLATIONS}`)}`),
        ],
        n,
      )(),
  },
  {
    name: 'installation detail',
    weight: 10,
    run: (c, n) => c.ok('GET', `/installations/${pick(installations, n)?.id ?? sites[0]!.installation.id}`),
  },
  {
    name: 'logbook',
    weight: 6,
    run: (c, n) => c.ok('GET', `/installations/${pick(sites, n).installation.id}/logbook`),
  },
  {
    name: 'work order detail',
    weight: 8,
    run: (c, n) => c.ok('GET', `/work-orders/${pick(workOrderIds, n)}`),
  },
  { name: 'list work orders', weight: 5, run: (c) => c.ok('GET', '/work-orders?limit=50') },
  {
    name: 'forecasts',
    weight: 8,
    run: (c, n) =>
      c.ok('GET', pick(['/forecasts?view=overdue&limit=50', '/forecasts?limit=50', '/forecasts/summary'], n)),
  },
  {
    name: 'create work order',
    weight: 12,
    run: (c, n) => {
      const { body } = executedWorkOrderBody(api, pick(sites, n), `Load run ${n}`, n);
      // One in three tops up from the site's cylinder; the others record no refrigerant.
      const activities =
        n % 3
          ? body.activities.filter((a: Record<string, unknown>) => a['type'] !== 'refrigerant_added')
          : body.activities;
      return c.ok('POST', '/work-orders', { ...body, activities });
    },
  },
  {
    name: 'create customer',
    weight: 5,
    run: (c, n) => c.ok('POST', '/customers', customerBody(`run-${n}-${Date.now()}`)),
  },
  {
    name: 'change installation (row version)',
    weight: 8,
    run: async (c, n) => {
      const target = takeInstallation();
      if (!target) return c.ok('GET', '/installations?limit=1');
      try {
        const updated = await c.ok('PATCH', `/installations/${target.id}`, {
          model: `LH-${n}`,
          version: target.version,
        });
        target.version = updated.version;
      } finally {
        installations.push(target);
      }
    },
  },
  {
    name: 'cylinder refill',
    weight: 2,
    run: (c, n) => c.ok('PATCH', `/cylinders/${pick(sites, n).cylinder.id}`, { contentKg: 60 }),
  },
  {
    name: 'work order PDF',
    weight: 2,
    run: (c, n) => c.ok('GET', `/work-orders/${pick(workOrderIds, n)}/document`),
  },
];

describe(`load held (${DB})`, () => {
  it(`answers ${CONNECTIONS} connections for ${SECONDS} s of mixed reads and writes without an error`, async () => {
    const loaded = clientOf(environment, api.headers, CONNECTIONS);
    const total = KINDS.reduce((sum, k) => sum + k.weight, 0);
    const latencies = new Map<string, number[]>(KINDS.map((k) => [k.name, []]));
    const failures = new Map<string, string>();
    let n = 0;
    const result = await closedLoop({
      concurrency: CONNECTIONS,
      durationMs: SECONDS * 1000,
      task: async () => {
        const i = n++;
        // Each kind once first (a slow machine may get few requests through), then a fixed,
        // spread-out order by weight (i * 7919 walks every weight slot evenly).
        let slot = (i * 7919) % total;
        const kind = KINDS[i] ?? KINDS.find((k) => (slot -= k.weight) < 0)!;
        const t0 = performance.now();
        try {
          await kind.run(loaded, i);
        } catch (error) {
          if (!failures.has(kind.name)) failures.set(kind.name, String(error));
          throw error;
        }
        latencies.get(kind.name)!.push(performance.now() - t0);
      },
    });
    const rows: [string, LatencySummary][] = [
      ...KINDS.map(
        (k) => [k.name, summarize(latencies.get(k.name)!, result.seconds)] as [string, LatencySummary],
      ),
      ['overall', summarize(result.latencies, result.seconds, result.errors)],
    ];
    console.log(
      [
        `load (${DB}, ${FULL ? 'full' : 'quick'}): ${CONNECTIONS} connections, ${result.seconds.toFixed(1)} s, ${result.errors} errors`,
        '| request | count | per s | p50 ms | p99 ms | max ms |',
        '| --- | ---: | ---: | ---: | ---: | ---: |',
        ...rows.map(
          ([name, s]) => `| ${name} | ${s.count} | ${s.perSecond} | ${s.p50} | ${s.p99} | ${s.max} |`,
        ),
      ].join('\n'),
    );
    expect(Object.fromEntries(failures), environment.server().output().slice(-20_000)).toEqual({});
    expect(result.errors).toBe(0);
    for (const kind of KINDS) expect(latencies.get(kind.name)!.length, kind.name).toBeGreaterThan(0);
  });
});
