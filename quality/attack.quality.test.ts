import { randomInt, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DB_KIND } from '../apps/server/src/test-support/test-database.js';
import { createTestApp, type TestApp } from '../apps/server/src/test-support/test-app.js';
import { newMarker, seedTenant, type TenantFixture } from '../apps/server/src/test-support/tenant-fixture.js';
import { OPERATIONS, slotsOf, valueOf, type Kind, type OperationSpec } from './support/attack-catalogue.js';
import {
  canariesOf,
  changedTables,
  CREDENTIALS,
  Credentials,
  fingerprintQuery,
  foundCanaries,
  randomIp,
  responseText,
  type CredentialName,
} from './support/attack-harness.js';
import { FULL, sized } from './support/mode.js';

/**
 * Cross-tenant attack: tenant B, with each of its credentials (browser session, API key, field-app
 * device token, portal session), calls every operation of the OpenAPI document with tenant A's ids
 * in path parameters, query filters and body references. A 2xx that shows any of A's ids, texts or
 * secrets, a 2xx for A's id in the path, a server error, or any change to A's rows fails the suite.
 * See docs/quality.md, "Cross-tenant attack".
 */

type Variant = 'exact' | 'upper' | 'otherKind';
type Case = {
  op: string;
  /** Sweep cases also compare the answer with one for look-alike ids (see `attack`). */
  oracle?: boolean;
  credential: CredentialName;
  /** The slots that get A's value; all others get B's own. */
  foreign: string[];
  variant: Variant;
  /** Index into each option list (formats, views …); -1 leaves the option out. */
  optionPick: number;
};

let t: TestApp;
let victim: TenantFixture;
let attacker: TenantFixture;
let credentials: Credentials;
let canaries: Map<string, string>;
let fingerprint: (tenantId: string) => Promise<Map<string, string>>;
let operations: Array<{ op: string; method: string; path: string; spec: OperationSpec }>;
let slots: Map<string, Array<{ slot: string; kind: Kind }>>;

const failures: string[] = [];
const stats = {
  requests: 0,
  byCredential: {} as Record<string, number>,
  status: {} as Record<string, number>,
  limited: {} as Record<string, number>,
  oracle: 0,
};
const coverage = new Set<string>();
const SEED = Number(process.env.ATTACK_SEED ?? Date.now() % 2 ** 31);
const KINDS: Kind[] = [
  'customer',
  'location',
  'building',
  'installation',
  'workOrder',
  'person',
  'product',
  'cylinder',
  'customerLabel',
  'attachment',
];
const SELF_ENDING = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/portal/logout']);

beforeAll(async () => {
  t = await createTestApp();
  victim = await seedTenant(t.app, newMarker('GEHEIMA'));
  attacker = await seedTenant(t.app, newMarker('ZIJDEB'));
  credentials = new Credentials(t.app, attacker);
  await credentials.init();
  canaries = canariesOf(victim);
  fingerprint = await fingerprintQuery(t.deps.db);
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((m) => {
      const op = `${m.toUpperCase()} ${path}`;
      return { op, method: m.toUpperCase(), path, spec: OPERATIONS[op]! };
    }),
  );
  slots = new Map(operations.map((o) => [o.op, o.spec ? slotsOf(o.spec, attacker) : []]));
});
afterAll(async () => t?.close());

type Built = {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
  /** Where A's values went, e.g. `body.customerId=A.customer`. */
  placed: string[];
  /** The values put in A's slots (lower case). */
  sent: Set<string>;
  /** Values the client chose itself, that a response may echo. */
  echoed: Set<string>;
};

/** A value of the same shape as `value` that names nothing: a fresh uuid, or random letters. */
const unknownLike = (value: string): string =>
  /^[0-9a-fA-F-]{36}$/.test(value)
    ? randomUUID()
    : Array.from(value, () => 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'[randomInt(32)]).join('');

/** One request of tenant B's with A's values (or, for `unknown`, look-alikes naming nothing) in the chosen slots. */
function build(c: Case, source: 'victim' | 'unknown'): Built {
  const { method, path, spec } = operations.find((o) => o.op === c.op)!;
  const foreign = new Set(c.foreign);
  const built: Built = {
    method,
    url: path,
    headers: {},
    payload: undefined,
    placed: [],
    sent: new Set(),
    echoed: new Set(),
  };
  const fill = (slot: string, kind: Kind): string => {
    if (!foreign.has(slot)) return valueOf(attacker, kind);
    let value = valueOf(victim, kind);
    if (c.variant === 'upper') value = value.toUpperCase();
    if (c.variant === 'otherKind' && /^[0-9a-f-]{36}$/.test(value))
      value = valueOf(victim, KINDS[(KINDS.indexOf(kind as never) + 1 + slot.length) % KINDS.length]!);
    if (source === 'unknown') value = unknownLike(value);
    built.placed.push(`${slot}=A.${kind}${c.variant === 'exact' ? '' : `(${c.variant})`}`);
    built.sent.add(value.toLowerCase());
    if (spec.echoSlots?.includes(slot)) built.echoed.add(value.toLowerCase());
    return value;
  };
  for (const [name, kind] of Object.entries(spec.path ?? {}))
    built.url = built.url.replace(
      `{${name}}`,
      encodeURIComponent(typeof kind === 'string' ? fill(`path.${name}`, kind) : kind.fixed),
    );
  const query = new URLSearchParams(spec.fixedQuery ?? {});
  for (const [name, kind] of Object.entries(spec.query ?? {}))
    if (foreign.has(`query.${name}`) || c.optionPick % 2 === 0) query.set(name, fill(`query.${name}`, kind));
  for (const [name, values] of Object.entries(spec.options ?? {}))
    if (c.optionPick >= 0) query.set(name, values[c.optionPick % values.length]!);
  if (query.size) built.url += `?${query}`;
  built.headers = { ...credentials.get(c.credential) };
  if (spec.upload) {
    built.headers['content-type'] = spec.upload.contentType;
    built.payload = spec.upload.payload;
  } else if (spec.body) {
    built.headers['content-type'] = 'application/json';
    built.payload = JSON.stringify(spec.body(fill, attacker));
  } else if (method !== 'GET' && method !== 'DELETE') {
    built.headers['content-type'] = 'application/json';
    built.payload = '{}';
  }
  // Now and then replay A's idempotency key: the server must not hand B the response it stored for A.
  if (method === 'POST' && c.optionPick === 1) built.headers['idempotency-key'] = victim.ids.idempotencyKey;
  return built;
}

const send = (b: Built) =>
  t.app.inject({
    method: b.method as 'GET',
    url: b.url,
    headers: b.headers,
    payload: b.payload,
    remoteAddress: randomIp(),
  });

/** An error answer with the request id and the references sent taken out, to compare two of them. */
function normalized(body: string, sent: Set<string>): string {
  let text = body;
  try {
    const { requestId: _, ...rest } = JSON.parse(body) as Record<string, unknown>;
    text = JSON.stringify(rest);
  } catch {
    // not JSON: compared as it is
  }
  for (const value of sent) text = text.split(value).join('<ref>').split(value.toUpperCase()).join('<ref>');
  return text;
}

/**
 * Sends one request of tenant B's with A's references, checks it, and records what went wrong. With
 * `oracle`, a refused request is sent again with look-alike references that name nothing: the two
 * answers must be the same, or B could tell which of A's ids exist.
 */
async function attack(
  c: Case,
  before: Map<string, string>,
  oracle = false,
): Promise<{ after: Map<string, string>; status: number; body: string }> {
  const request = build(c, 'victim');
  const res = await send(request);
  stats.requests += 1;
  stats.byCredential[c.credential] = (stats.byCredential[c.credential] ?? 0) + 1;
  stats.status[String(res.statusCode)] = (stats.status[String(res.statusCode)] ?? 0) + 1;
  coverage.add(`${c.op} ${c.credential}`);
  const { placed } = request;
  const where = `${c.op} [${c.credential}] ${placed.join(', ') || '(no reference: list/own data)'} → ${request.url}`;
  if (res.statusCode >= 500)
    failures.push(`${where}: server error ${res.statusCode} ${res.body.slice(0, 200)}`);
  if (res.statusCode < 300) {
    if (placed.some((p) => p.startsWith('path.')))
      failures.push(`${where}: answered ${res.statusCode} for A's id in the path`);
    const found = foundCanaries(await responseText(res), canaries, request.echoed);
    if (found.length) failures.push(`${where}: ${res.statusCode} reveals A's ${found.join(', ')}`);
  } else {
    // An error may repeat what B sent, nothing else of A's.
    const found = foundCanaries(await responseText(res), canaries, request.sent);
    if (found.length) failures.push(`${where}: error ${res.statusCode} reveals A's ${found.join(', ')}`);
    if (oracle && placed.length && res.statusCode !== 429) {
      const lookalike = build(c, 'unknown');
      const other = await send(lookalike);
      stats.requests += 1;
      stats.oracle += 1;
      if (
        other.statusCode !== res.statusCode ||
        normalized(other.body, lookalike.sent) !== normalized(res.body, request.sent)
      )
        failures.push(
          `${where}: answers A's ids differently from ids that do not exist (${res.statusCode} ${normalized(res.body, request.sent).slice(0, 160)} vs ${other.statusCode} ${normalized(other.body, lookalike.sent).slice(0, 160)})`,
        );
    }
  }
  let after = before;
  if (request.method !== 'GET' || res.statusCode < 300) {
    after = await fingerprint(victim.ids.account);
    const changed = changedTables(before, after);
    if (changed.length)
      failures.push(`${where}: ${res.statusCode} changed A's rows in ${changed.join(', ')}`);
  }
  if (res.statusCode === 429) stats.limited[c.op] = (stats.limited[c.op] ?? 0) + 1;
  if (SELF_ENDING.has(c.op) || res.statusCode === 401) await credentials.ensure(c.credential);
  return { after, status: res.statusCode, body: res.body };
}

/** Every operation × credential, with each slot alone and then all slots at once holding A's value. */
function sweepCases(): Case[] {
  const cases: Case[] = [];
  for (const { op } of operations) {
    const opSlots = slots.get(op)!.map((s) => s.slot);
    for (const credential of CREDENTIALS) {
      const sets = FULL
        ? [...opSlots.map((s) => [s]), ...(opSlots.length > 1 ? [opSlots] : [])]
        : [opSlots.length ? [opSlots[cases.length % opSlots.length]!] : []];
      if (!sets.length) sets.push([]);
      for (const foreign of sets)
        cases.push({
          op,
          credential,
          foreign,
          variant: 'exact',
          optionPick: 0,
          // The quick mode compares with look-alike ids for the browser session only.
          oracle: FULL || credential === 'session',
        });
    }
  }
  return cases;
}

/** Random combinations: any operation, credential, non-empty set of slots, id variant and options. */
function randomCases(count: number): Case[] {
  const withSlots = operations.filter((o) => slots.get(o.op)!.length > 0).map((o) => o.op);
  const arbitrary = fc
    .record({
      op: fc.constantFrom(...withSlots),
      credential: fc.constantFrom(...CREDENTIALS),
      principal: fc.constantFrom<CredentialName>('session', 'apiKey', 'device'),
      mask: fc.integer({ min: 1, max: 2 ** 8 - 1 }),
      variant: fc.constantFrom<Variant>('exact', 'exact', 'upper', 'otherKind'),
      optionPick: fc.integer({ min: -1, max: 5 }),
    })
    .map(({ op, mask, credential, principal, ...rest }) => {
      const opSlots = slots.get(op)!.map((s) => s.slot);
      let foreign = opSlots.filter((_, i) => mask & (1 << i));
      if (!foreign.length) foreign = [opSlots[mask % opSlots.length]!];
      // The portal session opens only portal routes (the sweep shows it 401 everywhere else), so
      // random requests elsewhere go with the credentials that open them.
      return { op, foreign, credential: op.includes('/portal/') ? credential : principal, ...rest };
    });
  return fc.sample(arbitrary, { numRuns: count, seed: SEED });
}

describe(`cross-tenant attack (${TEST_DB_KIND}, ${FULL ? 'full' : 'quick'})`, () => {
  it('has an attack plan for every operation of the OpenAPI document, and none for removed ones', () => {
    const missing = operations.filter((o) => !o.spec).map((o) => o.op);
    expect(missing, 'add these operations to quality/support/attack-catalogue.ts').toEqual([]);
    const known = new Set(operations.map((o) => o.op));
    expect(Object.keys(OPERATIONS).filter((op) => !known.has(op))).toEqual([]);
  });

  it('accepts each request with B’s own references, so that a refusal of A’s means something', async () => {
    // Positive control: the same request with every slot holding B's own record succeeds. Deleting
    // and revoking operations are left out (they would remove B's records the attack needs).
    let before = await fingerprint(victim.ids.account);
    const refused: string[] = [];
    for (const { op, spec } of operations) {
      if (!slots.get(op)!.length || spec.destructive) continue;
      const credential: CredentialName = op.includes('/portal/') ? 'portal' : 'session';
      const result = await attack({ op, credential, foreign: [], variant: 'exact', optionPick: 0 }, before);
      before = result.after;
      if (result.status >= 300) refused.push(`${op}: ${result.status} ${result.body.slice(0, 160)}`);
    }
    expect(refused).toEqual([]);
  });

  it('gives tenant B nothing of A’s through A’s list cursors, on the list they came from or another', async () => {
    // Every cursor-paged list of the OpenAPI document; A takes a first page of one row to get a cursor,
    // and B sends it to that list and to every other (where it is refused or positions B's own list).
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { parameters?: Array<{ name?: string }> }>>;
    };
    const lists = Object.entries(doc.paths)
      .filter(([, methods]) => methods.get?.parameters?.some((p) => p.name === 'cursor'))
      .map(([path]) => path);
    // A second location and installation of A's, so that their lists (and the forecasts) have a second page.
    const second = await victim.admin.post('/api/v1/locations', {
      customerId: victim.ids.customer,
      name: `Tweede ${victim.marker}`,
      street: 'Kerkstraat',
      number: '2',
      postcode: '9000',
      city: 'Gent',
    });
    expect(second.statusCode).toBe(201);
    const installation = await victim.admin.post('/api/v1/installations', {
      locationId: second.data.id,
      kind: 'refrigeration',
      refrigerant: 'R-404A',
      chargeKg: 12,
      brand: `Tweede ${victim.marker}`,
    });
    expect(installation.statusCode).toBe(201);
    const cursors = new Map<string, string>();
    for (const path of lists) {
      const page = await victim.admin.get(`${path}?limit=1`);
      expect(page.statusCode, `A lists ${path}`).toBe(200);
      if (page.data.nextCursor) cursors.set(path, page.data.nextCursor as string);
    }
    // Only lists where A has one record or none give no cursor (the incomplete-installations report).
    expect(cursors.size).toBeGreaterThanOrEqual(lists.length - 1);
    const answers: Record<string, number> = {};
    for (const [from, cursor] of cursors) {
      for (const path of lists) {
        for (const credential of CREDENTIALS) {
          if (credential === 'portal') continue; // the portal has no cursor-paged lists of these
          const url = `${path}?limit=50&cursor=${encodeURIComponent(cursor)}`;
          const res = await t.app.inject({
            method: 'GET',
            url,
            headers: credentials.get(credential),
            remoteAddress: randomIp(),
          });
          stats.requests += 1;
          answers[res.statusCode] = (answers[res.statusCode] ?? 0) + 1;
          const where = `${credential} GET ${url} (A's cursor of ${from})`;
          if (res.statusCode >= 500) failures.push(`${where}: ${res.statusCode}`);
          if (res.statusCode < 300) {
            const found = foundCanaries(await responseText(res), canaries, new Set());
            if (found.length) failures.push(`${where}: shows A's ${found.join(', ')}`);
          }
        }
      }
    }
    console.log(`A's cursors in B's hands: ${cursors.size} lists, answers ${JSON.stringify(answers)}`);
    expect(failures).toEqual([]);
  });

  it('never lets tenant B see or change tenant A’s data', async () => {
    const started = Date.now();
    let before = await fingerprint(victim.ids.account);
    const initial = before;
    const cases = [...sweepCases(), ...randomCases(sized(120, 9_500))];
    for (const c of cases) before = (await attack(c, before, c.oracle)).after;
    const changed = changedTables(initial, await fingerprint(victim.ids.account));
    // Concurrent phase: A and B at once (on PostgreSQL over several pooled connections); neither
    // may see the other's data, as a tenant setting left on a connection would show.
    const reads = [
      '/api/v1/customers',
      '/api/v1/installations?archived=all',
      '/api/v1/work-orders',
      '/api/v1/users',
    ];
    const attackerCanaries = canariesOf(attacker);
    for (let round = 0; round < sized(5, 60); round += 1) {
      const batch = reads.flatMap((url) => [
        t.app
          .inject({ method: 'GET', url, headers: credentials.get('apiKey'), remoteAddress: randomIp() })
          .then(async (res) => ({
            who: 'B',
            url,
            res,
            found: foundCanaries(await responseText(res), canaries, new Set()),
          })),
        t.app
          .inject({
            method: 'GET',
            url,
            headers: { cookie: victim.admin.cookie! },
            remoteAddress: randomIp(),
          })
          .then(async (res) => ({
            who: 'A',
            url,
            res,
            found: foundCanaries(await responseText(res), attackerCanaries, new Set()),
          })),
      ]);
      for (const { who, url, res, found } of await Promise.all(batch)) {
        stats.requests += 1;
        if (res.statusCode !== 200) failures.push(`concurrent ${who} GET ${url}: ${res.statusCode}`);
        if (found.length)
          failures.push(`concurrent ${who} GET ${url}: sees the other tenant's ${found.join(', ')}`);
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const operationsCovered = new Set([...coverage].map((k) => k.split(' [')[0]!.replace(/ \w+$/, ''))).size;
    console.log(
      `cross-tenant attack on ${TEST_DB_KIND} (${FULL ? 'full' : 'quick'}, seed ${SEED}): ${stats.requests} requests in ` +
        `${seconds.toFixed(1)} s over ${operationsCovered} operations × ${CREDENTIALS.length} credentials ` +
        `(${coverage.size} pairs); by credential ${JSON.stringify(stats.byCredential)}; statuses ${JSON.stringify(stats.status)}; ` +
        `${stats.oracle} of them look-alike comparisons; rate-limited ${JSON.stringify(stats.limited)}; credentials renewed ${credentials.renewals}×; failures ${failures.length}`,
    );
    for (const failure of failures.slice(0, 200)) console.log(`FAIL ${failure}`);
    expect(changed, 'A’s rows changed during the attack').toEqual([]);
    expect(failures.slice(0, 50), `${failures.length} cross-tenant failures (seed ${SEED})`).toEqual([]);
    expect(coverage.size).toBe(operations.length * CREDENTIALS.length);
    if (FULL) expect(stats.requests).toBeGreaterThanOrEqual(10_000);
  });
});
