import { randomInt } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../apps/server/src/test-support/test-app';
import {
  failureSummary,
  judge,
  operationsOf,
  responseValidators,
  type OpenApiDocument,
  type Operation,
} from './support/fuzz-openapi';
import { requestFactory } from './support/fuzz-requests';
import { createWorld, randomIp, type World } from './support/fuzz-world';
import { FULL, sized } from './support/mode';

/**
 * API fuzzing from the OpenAPI document: for every operation, fast-check generates requests that
 * are plausible except in one place — a field of the wrong type, missing or unknown, a huge or
 * hostile Unicode string, NUL bytes, deep JSON, __proto__ keys, a wrong content type, an
 * oversized body, an odd path or query value, a bad header — sent as a real tenant (session +
 * CSRF, API key, field-app token, portal session) or signed out. Every answer is judged by
 * `judge` (support/fuzz-openapi.ts); after each operation the server must still be healthy and
 * the rows a create route wrote must be exactly those it answered 201 for.
 *
 * Replay a failure with the seed it prints: FUZZ_SEED=<seed> [FUZZ_OP='POST /api/v1/customers'].
 */
const SEED = Number(process.env.FUZZ_SEED ?? randomInt(2 ** 31));
const ONLY = process.env.FUZZ_OP;
const RUNS = sized(2, 92);

/** The table a create route writes its record to: rows there must match its 201s one for one. */
const CREATES: Record<string, string> = {
  'POST /api/v1/customers': 'customers',
  'POST /api/v1/locations': 'locations',
  'POST /api/v1/buildings': 'buildings',
  'POST /api/v1/installations': 'installations',
  'POST /api/v1/labels': 'labels',
  'POST /api/v1/products': 'products',
  'POST /api/v1/cylinders': 'cylinders',
  'POST /api/v1/users': 'users',
  'POST /api/v1/work-orders': 'work_orders',
  'POST /api/v1/users/{id}/api-keys': 'api_keys',
};

/** Reads first, then writes, then what ends sessions or removes records, so targets live long. */
function order(op: Operation): number {
  if (op.method === 'DELETE' || op.path.endsWith('/merge')) return 3;
  if (/logout|password|two-factor|deactivate|tokens\/refresh/.test(op.path)) return 2;
  return op.method === 'GET' ? 0 : 1;
}

let t: TestApp;
let world: World;
let operations: Operation[];
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await createTestApp();
  world = await createWorld(t);
  doc = t.app.swagger() as unknown as OpenApiDocument;
  operations = operationsOf(doc)
    .filter((op) => !op.upload && (!ONLY || op.key === ONLY))
    .sort((a, b) => order(a) - order(b));
});
afterAll(async () => t?.close());

describe(`API fuzzing (${FULL ? 'full' : 'quick'}, seed ${SEED})`, () => {
  it('answers every generated request of every operation without a 5xx, as documented, leaking nothing', async () => {
    const validators = responseValidators(doc);
    const pool = (kind: string) => (kind === 'any' ? (world.ids.any ?? []) : (world.ids[kind] ?? []));
    const generate = requestFactory(pool);
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let requests = 0;

    for (const [index, op] of operations.entries()) {
      const seed = SEED + index;
      const table = CREATES[op.key];
      const count = async () =>
        table ? (await t.deps.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n : 0;
      const before = await count();
      const created = new Set<string>();
      try {
        await fc.assert(
          fc.asyncProperty(generate(op), async (request) => {
            const res = await t.app.inject({
              method: op.method,
              url: request.url,
              headers: { ...world.headers(request.credential, op.method), ...request.headers },
              remoteAddress: randomIp(),
              ...(request.payload === undefined ? {} : { payload: request.payload }),
            });
            requests += 1;
            statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode === 201 && table) created.add(JSON.parse(res.body).id);
            const wrong = judge(validators, op, request, res);
            if (wrong)
              throw new Error(
                `${wrong}\n  ${op.method} ${request.url.slice(0, 300)} as ${request.credential}, ${request.mutation.kind} at ${request.mutation.field}\n  headers ${JSON.stringify(request.headers).slice(0, 300)}\n  body ${String(request.payload ?? '').slice(0, 300)}`,
              );
          }),
          { seed, numRuns: RUNS, endOnFailure: true, includeErrorInReport: true },
        );
      } catch (error) {
        failures.push(
          `${op.key} (FUZZ_SEED=${SEED} FUZZ_OP='${op.key}', fast-check seed ${seed}):\n${failureSummary((error as Error).message)}`,
        );
      }
      const written = (await count()) - before;
      if (table && written !== created.size)
        failures.push(`${op.key}: ${written} rows written to ${table} for ${created.size} answers 201`);
      const health = await t.app.inject({ method: 'GET', url: '/healthz' });
      if (health.statusCode !== 200)
        failures.push(`${op.key}: /healthz answers ${health.statusCode} afterwards`);
      await world.heal();
    }

    const ready = await t.app.inject({ method: 'GET', url: '/readyz' });
    console.info(
      `fuzz-api ${t.deps.db.kind} seed ${SEED}: ${requests} requests over ${operations.length} operations; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`,
    );
    expect(ready.statusCode).toBe(200);
    expect(failures, failures.join('\n\n')).toEqual([]);
    if (!ONLY) expect(requests).toBeGreaterThanOrEqual(sized(200, 10_000));
  });
});
