import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
