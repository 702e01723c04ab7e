import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROCESS_ID } from '../db/request-transaction.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../test-support/test-client.js';

let t: TestApp;
let client: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  client = (await signUpCompany(t.app)).client;
});
afterAll(async () => t.close());

const count = async () => (await client.get('/api/v1/customers?limit=200')).data.items.length;

describe('Idempotency-Key', () => {
  it('replays the first result for a retry and creates nothing new', async () => {
    const before = await count();
    const first = await client.post('/api/v1/customers', { name: 'Eén keer' }, { 'idempotency-key': 'k-1' });
    const again = await client.post('/api/v1/customers', { name: 'Eén keer' }, { 'idempotency-key': 'k-1' });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.data.id).toBe(first.data.id);
    expect(await count()).toBe(before + 1);
  });

  it('refuses the same key with a different body (422), and concurrent duplicates run once', async () => {
    await client.post('/api/v1/customers', { name: 'A' }, { 'idempotency-key': 'k-2' });
    const other = await client.post('/api/v1/customers', { name: 'B' }, { 'idempotency-key': 'k-2' });
    expect(other.statusCode).toBe(422);
    expect(other.data.reason).toBe('idempotency_mismatch');
    const before = await count();
    const results = await Promise.all(
      Array.from({ length: 5 }, () =>
        client.post('/api/v1/customers', { name: 'Gelijktijdig' }, { 'idempotency-key': 'k-3' }),
      ),
    );
    const created = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.data.id));
    expect(created.size).toBe(1);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 409)).toBe(true);
    expect(await count()).toBe(before + 1);
  });

  it('does not store refused requests, so a corrected retry with the same key runs', async () => {
    const bad = await client.post('/api/v1/customers', { name: '' }, { 'idempotency-key': 'k-4' });
    expect(bad.statusCode).toBe(400);
    const good = await client.post('/api/v1/customers', { name: 'Nu goed' }, { 'idempotency-key': 'k-4' });
    expect(good.statusCode).toBe(201);
  });

  it('keeps keys per user: another account’s key is a different key', async () => {
    const other = (await signUpCompany(t.app)).client;
    const mine = await client.post('/api/v1/customers', { name: 'Van mij' }, { 'idempotency-key': 'shared' });
    const theirs = await other.post(
      '/api/v1/customers',
      { name: 'Van mij' },
      { 'idempotency-key': 'shared' },
    );
    expect(theirs.statusCode).toBe(201);
    expect(theirs.data.id).not.toBe(mine.data.id);
    expect(
      (await client.post('/api/v1/customers', { name: 'x' }, { 'idempotency-key': 'x'.repeat(256) }))
        .statusCode,
    ).toBe(400);
  });
});

describe('Idempotency-Key after the process that ran the request was killed', () => {
  // What kill -9 leaves behind, made by hand: the key's row as the dead process last wrote it.
  const leaveAsKilled = (key: string, state: 'running' | 'committed', keepAnswer: boolean) =>
    t.deps.db.query(
      `update idempotency_keys set state = $2, claim = 'gone-process:1'
              ${keepAnswer ? '' : ', response_status = null, response_type = null, response_body = null'}
        where key = $1`,
      [key, state],
    );

  it('lets the retry take over a key left running, when the change was never committed', async () => {
    const first = await client.post(
      '/api/v1/customers',
      { name: 'Afgebroken' },
      { 'idempotency-key': 'k-killed' },
    );
    expect(first.statusCode).toBe(201);
    // The process died before its transaction committed: no customer, the key still "running".
    expect((await client.delete(`/api/v1/customers/${first.data.id}`)).statusCode).toBe(204);
    await leaveAsKilled('k-killed', 'running', false);
    const before = await count();
    const retry = await client.post(
      '/api/v1/customers',
      { name: 'Afgebroken' },
      { 'idempotency-key': 'k-killed' },
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBeUndefined();
    expect(await count()).toBe(before + 1);
    const again = await client.post(
      '/api/v1/customers',
      { name: 'Afgebroken' },
      { 'idempotency-key': 'k-killed' },
    );
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.data.id).toBe(retry.data.id);
  });

  it('replays the answer recorded with the commit when the process died before answering', async () => {
    const first = await client.post(
      '/api/v1/customers',
      { name: 'Bewaard' },
      { 'idempotency-key': 'k-committed' },
    );
    await leaveAsKilled('k-committed', 'committed', true);
    const before = await count();
    const retry = await client.post(
      '/api/v1/customers',
      { name: 'Bewaard' },
      { 'idempotency-key': 'k-committed' },
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data.id).toBe(first.data.id);
    expect(await count()).toBe(before);
  });

  it('records the answer in the transaction of the change, as the route sends it', async () => {
    // The process dies right after the commit, before it stores the answer: the key keeps what the
    // transaction wrote with the change.
    const query = t.deps.db.query;
    t.deps.db.query = ((sql: string, params?: readonly unknown[]) =>
      sql.includes("set state = 'done'") ? Promise.resolve([]) : query(sql, params)) as typeof query;
    let first;
    try {
      first = await client.post('/api/v1/customers', { name: 'Net op tijd' }, { 'idempotency-key': 'k-tx' });
    } finally {
      t.deps.db.query = query;
    }
    expect(first.statusCode).toBe(201);
    const [row] = await t.deps.db.query<{ state: string }>(
      'select state from idempotency_keys where key = $1',
      ['k-tx'],
    );
    expect(row?.state).toBe('committed');
    await leaveAsKilled('k-tx', 'committed', true);
    const before = await count();
    const retry = await client.post(
      '/api/v1/customers',
      { name: 'Net op tijd' },
      { 'idempotency-key': 'k-tx' },
    );
    expect(retry.statusCode).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.data).toEqual(first.data);
    expect(await count()).toBe(before);
  });

  it('is still refused while the process that claimed it is alive', async () => {
    await t.deps.db.query(
      `insert into idempotency_keys (scope, key, request_hash, state, created_at, claim)
       select scope, 'k-alive', request_hash, 'running', now(), $1 from idempotency_keys where key = 'k-1'`,
      [`${PROCESS_ID}:other-request`],
    );
    const retry = await client.post(
      '/api/v1/customers',
      { name: 'Eén keer' },
      { 'idempotency-key': 'k-alive' },
    );
    expect(retry.statusCode).toBe(409);
    expect(retry.data.reason).toBe('idempotency_in_progress');
  });
});
