import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

type Item = { id: string; number?: number } & Record<string, unknown>;
type Value = string | number | null;

/** Walks every page of a list and returns the items in the order they came. */
async function pageAll(client: TestClient, url: string, limit = 2): Promise<Item[]> {
  const items: Item[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const res = await client.get(`${url}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    expect(res.data.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.data.items);
    cursor = res.data.nextCursor;
    if (!cursor) return items;
  }
  throw new Error(`${url} did not end`);
}

const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Each neighbour pair in order: by value (NULLs last), then by the tie-breaker, both in the sort's
 * direction. Values here are chosen to order the same under any collation (they differ first in a
 * letter of one case or in a digit).
 */
function expectOrdered(items: Item[], value: (item: Item) => Value, descending: boolean, tie = 'id') {
  const dir = descending ? -1 : 1;
  for (let i = 1; i < items.length; i++) {
    const [a, b] = [items[i - 1]!, items[i]!];
    const [va, vb] = [value(a), value(b)];
    const where = `${JSON.stringify(va)} then ${JSON.stringify(vb)}`;
    if (va === null) expect(vb, where).toBeNull();
    if (va !== null && vb !== null) expect(compare(va, vb) * dir, where).toBeLessThanOrEqual(0);
    if (va === vb) expect(compare(a[tie] as string, b[tie] as string) * dir, `tie ${where}`).toBe(-1);
  }
}

/** The paged walk under one sort: every row once, ordered, and the same as one big page. */
async function checkSort(
  client: TestClient,
  base: string,
  sort: string,
  ids: string[],
  value?: (item: Item) => Value,
  tie?: string,
) {
  const url = `${base}?sort=${encodeURIComponent(sort)}`;
  const paged = await pageAll(client, url);
  const pagedIds = paged.map((i) => i.id);
  expect(new Set(pagedIds).size, `${sort}: duplicates`).toBe(pagedIds.length);
  expect([...pagedIds].sort(), `${sort}: all rows`).toEqual([...ids].sort());
  const whole = await pageAll(client, url, 200);
  expect(pagedIds, `${sort}: same as one page`).toEqual(whole.map((i) => i.id));
  if (value) expectOrdered(paged, value, sort.startsWith('-'), tie);
  return paged;
}

const lower = (v: unknown) => (typeof v === 'string' && v !== '' ? v.toLowerCase() : null);
const plain = (v: unknown) => (v === undefined ? null : (v as Value));

describe('?sort= on lists, with keyset paging', () => {
  it('customers: name, number, createdAt, updatedAt, each both ways', async () => {
    const { client } = await signUpCompany(t.app);
    const ids: string[] = [];
    for (const [name, customerNumber] of [
      ['delta', '300'],
      ['Alpha', null],
      ['charlie', '100'],
      ['bravo', '200'],
      ['alpha', '100'],
      ['echo', null],
    ] as const) {
      const res = await client.post('/api/v1/customers', { name, customerNumber });
      expect(res.statusCode).toBe(201);
      ids.push(res.data.id);
    }
    await client.patch(`/api/v1/customers/${ids[2]}`, { notes: 'Changed last' });

    const byName = await checkSort(client, '/api/v1/customers', 'name', ids, (c) => lower(c.name));
    expect(byName.map((c) => c.name).slice(2)).toEqual(['bravo', 'charlie', 'delta', 'echo']);
    // The default is alphabetical, as before.
    expect((await pageAll(client, '/api/v1/customers?q=')).map((c) => c.id)).toEqual(byName.map((c) => c.id));
    await checkSort(client, '/api/v1/customers', '-name', ids, (c) => lower(c.name));
    const byNumber = await checkSort(client, '/api/v1/customers', 'number', ids, (c) =>
      lower(c.customerNumber),
    );
    expect(byNumber.slice(-2).map((c) => c.customerNumber)).toEqual([null, null]);
    const byNumberDesc = await checkSort(client, '/api/v1/customers', '-number', ids, (c) =>
      lower(c.customerNumber),
    );
    expect(byNumberDesc[0]!.customerNumber).toBe('300');
    expect(byNumberDesc.slice(-2).map((c) => c.customerNumber)).toEqual([null, null]);
    await checkSort(client, '/api/v1/customers', 'createdAt', ids, (c) => plain(c.createdAt));
    await checkSort(client, '/api/v1/customers', '-createdAt', ids, (c) => plain(c.createdAt));
    const updated = await checkSort(client, '/api/v1/customers', '-updatedAt', ids, (c) =>
      plain(c.updatedAt),
    );
    expect(updated[0]!.id).toBe(ids[2]);
    await checkSort(client, '/api/v1/customers', 'updatedAt', ids, (c) => plain(c.updatedAt));
  });

  it('locations: customer (default), name, city, postcode, createdAt, with empty values last', async () => {
    const { client } = await signUpCompany(t.app);
    const customerA = (await client.post('/api/v1/customers', { name: 'Bakkerij Aerts' })).data.id;
    const customerB = (await client.post('/api/v1/customers', { name: 'Slagerij Baert' })).data.id;
    const ids: string[] = [];
    for (const [customerId, name, city, postcode] of [
      [customerA, 'Magazijn', 'Gent', '9000'],
      [customerB, '', '', ''],
      [customerA, 'atelier', 'antwerpen', '2000'],
      [customerB, 'Kantoor', 'Brugge', '8000'],
      [customerB, 'atelier', 'gent', '9000'],
    ]) {
      const res = await client.post('/api/v1/locations', { customerId, name, city, postcode });
      expect(res.statusCode).toBe(201);
      ids.push(res.data.id);
    }
    const base = '/api/v1/locations';
    const byCustomer = await checkSort(client, base, 'customer', ids);
    expect(byCustomer.map((l) => l.customerName)).toEqual([
      'Bakkerij Aerts',
      'Bakkerij Aerts',
      'Slagerij Baert',
      'Slagerij Baert',
      'Slagerij Baert',
    ]);
    expect((await pageAll(client, `${base}?q=`)).map((l) => l.id)).toEqual(byCustomer.map((l) => l.id));
    await checkSort(client, base, '-customer', ids);
    for (const field of ['name', 'city', 'postcode'] as const) {
      for (const sort of [field, `-${field}`]) {
        const items = await checkSort(client, base, sort, ids, (l) => lower(l[field]));
        expect(items.at(-1)!.id, `${sort}: the empty one last`).toBe(ids[1]);
      }
    }
    await checkSort(client, base, 'createdAt', ids, (l) => plain(l.createdAt));
    await checkSort(client, base, '-createdAt', ids, (l) => plain(l.createdAt));
    await checkSort(client, base, '-updatedAt', ids, (l) => plain(l.updatedAt));
  });

  it('installations: reference, refrigerant, chargeKg, commissionedOn, createdAt (default newest first)', async () => {
    const { client } = await signUpCompany(t.app);
    const customerId = (await client.post('/api/v1/customers', { name: 'Hotel Zeezicht' })).data.id;
    const locationId = (await client.post('/api/v1/locations', { customerId, city: 'Oostende' })).data.id;
    const ids: string[] = [];
    for (const [reference, refrigerant, chargeKg, commissionedOn] of [
      ['K1', 'R-404A', 12, '2020-05-01'],
      ['', null, null, null],
      ['a2', 'R-134a', 2.5, '2018-01-15'],
      ['b3', 'R-410A', 100, '2020-05-01'],
      ['k1', 'R-404A', 12, '2023-09-30'],
      ['c4', 'R-32', 0.75, null],
    ] as const) {
      const res = await client.post('/api/v1/installations', {
        locationId,
        kind: 'air_conditioning',
        reference,
        refrigerant,
        chargeKg,
        commissionedOn,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.data.id);
    }
    const base = '/api/v1/installations';
    const newest = await checkSort(client, base, '-createdAt', ids, (i) => plain(i.createdAt));
    expect((await pageAll(client, `${base}?archived=false`)).map((i) => i.id)).toEqual(
      newest.map((i) => i.id),
    );
    await checkSort(client, base, 'createdAt', ids, (i) => plain(i.createdAt));
    for (const sort of ['reference', '-reference']) {
      const items = await checkSort(client, base, sort, ids, (i) => lower(i.reference));
      expect(items.at(-1)!.id).toBe(ids[1]);
    }
    for (const sort of ['refrigerant', '-refrigerant']) {
      const items = await checkSort(client, base, sort, ids, (i) => plain(i.refrigerant));
      expect(items.at(-1)!.id).toBe(ids[1]);
    }
    const byCharge = await checkSort(client, base, 'chargeKg', ids, (i) => plain(i.chargeKg));
    expect(byCharge.map((i) => i.chargeKg)).toEqual([0.75, 2.5, 12, 12, 100, null]);
    const byChargeDesc = await checkSort(client, base, '-chargeKg', ids, (i) => plain(i.chargeKg));
    expect(byChargeDesc.map((i) => i.chargeKg)).toEqual([100, 12, 12, 2.5, 0.75, null]);
    for (const sort of ['commissionedOn', '-commissionedOn']) {
      const items = await checkSort(client, base, sort, ids, (i) => plain(i.commissionedOn));
      expect(items.slice(-2).map((i) => i.commissionedOn)).toEqual([null, null]);
    }
    await checkSort(client, base, '-updatedAt', ids, (i) => plain(i.updatedAt));
  });

  it('work orders: date (default newest first), executedOn, plannedOn, number, createdAt; ties by number', async () => {
    const { client } = await signUpCompany(t.app);
    const customerId = (await client.post('/api/v1/customers', { name: 'Brouwerij Het Anker' })).data.id;
    const locationId = (await client.post('/api/v1/locations', { customerId, city: 'Mechelen' })).data.id;
    const installationId = (await client.post('/api/v1/installations', { locationId, kind: 'refrigeration' }))
      .data.id;
    const ids: string[] = [];
    for (const fields of [
      { status: 'executed', executedOn: '2025-01-10', plannedOn: '2025-01-05' },
      { plannedOn: '2027-03-01' },
      { status: 'executed', executedOn: '2025-01-10' },
      { plannedOn: '2027-03-01' },
      {},
      { status: 'executed', executedOn: '2024-06-30', plannedOn: '2027-01-01' },
    ]) {
      const res = await client.post('/api/v1/work-orders', { installationIds: [installationId], ...fields });
      expect(res.statusCode, res.body).toBe(201);
      ids.push(res.data.id);
    }
    const base = '/api/v1/work-orders';
    const date = (w: Item) => (w.executedOn ?? w.plannedOn ?? (w.createdAt as string).slice(0, 10)) as string;
    const newest = await checkSort(client, base, '-date', ids, date, 'number');
    expect((await pageAll(client, `${base}?mine=false`)).map((w) => w.id)).toEqual(newest.map((w) => w.id));
    await checkSort(client, base, 'date', ids, date, 'number');
    for (const field of ['executedOn', 'plannedOn'] as const) {
      for (const sort of [field, `-${field}`]) {
        const items = await checkSort(client, base, sort, ids, (w) => plain(w[field]), 'number');
        expect(items.at(-1)![field]).toBeNull();
      }
    }
    const byNumber = await checkSort(client, base, 'number', ids, (w) => plain(w.number), 'number');
    expect(byNumber.map((w) => w.id)).toEqual(ids);
    const byNumberDesc = await checkSort(client, base, '-number', ids, (w) => plain(w.number), 'number');
    expect(byNumberDesc.map((w) => w.id)).toEqual([...ids].reverse());
    await checkSort(client, base, 'createdAt', ids, (w) => plain(w.createdAt), 'number');
    await checkSort(client, base, '-updatedAt', ids, (w) => plain(w.updatedAt), 'number');
  });

  it('the spreadsheet export follows the sort', async () => {
    const { client } = await signUpCompany(t.app);
    for (const name of ['bravo', 'alpha', 'charlie']) await client.post('/api/v1/customers', { name });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/customers?format=xlsx&sort=-name',
      headers: { cookie: client.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getColumn(1).values.filter(Boolean)).toEqual([
      'Name',
      'charlie',
      'bravo',
      'alpha',
    ]);

    const customerId = (await client.post('/api/v1/customers', { name: 'Delta' })).data.id;
    const locationId = (await client.post('/api/v1/locations', { customerId })).data.id;
    const installationId = (await client.post('/api/v1/installations', { locationId })).data.id;
    for (const plannedOn of ['2027-02-01', '2027-01-01', '2027-03-01'])
      await client.post('/api/v1/work-orders', { installationIds: [installationId], plannedOn });
    const orders = await t.app.inject({
      method: 'GET',
      url: '/api/v1/work-orders?format=xlsx&sort=plannedOn',
      headers: { cookie: client.cookie! },
    });
    const sheet = new ExcelJS.Workbook();
    await sheet.xlsx.load(orders.rawPayload as unknown as ArrayBuffer);
    expect(sheet.worksheets[0]!.getColumn(3).values.filter(Boolean)).toEqual([
      'Planned on',
      '2027-01-01',
      '2027-02-01',
      '2027-03-01',
    ]);
  });

  it('refuses an unknown sort, naming sort and listing the allowed values', async () => {
    const { client } = await signUpCompany(t.app);
    for (const [url, allowed] of [
      ['/api/v1/customers?sort=colour', 'name, -name, number'],
      ['/api/v1/locations?sort=name;drop', 'customer, -customer'],
      ['/api/v1/installations?sort=--createdAt', 'chargeKg, -chargeKg'],
      ['/api/v1/work-orders?sort=id', 'executedOn, -executedOn'],
    ] as const) {
      const res = await client.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.data.errors[0].field).toBe('sort');
      expect(res.data.errors[0].message).toContain(allowed);
    }
  });

  it('refuses a cursor made for another sort, or tampered with, naming cursor (never a 500)', async () => {
    const { client } = await signUpCompany(t.app);
    for (const name of ['a', 'b', 'c']) await client.post('/api/v1/customers', { name });
    const first = await client.get('/api/v1/customers?sort=name&limit=1');
    const other = await client.get(`/api/v1/customers?sort=-name&limit=1&cursor=${first.data.nextCursor}`);
    expect(other.statusCode).toBe(400);
    expect(other.data.errors[0]).toMatchObject({ field: 'cursor', code: 'cursor_sort_mismatch' });
    const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values)).toString('base64url');
    for (const [sort, values] of [
      ['createdAt', ['createdAt', '2026-02-31T00:00:00.000000Z', 'x']],
      ['createdAt', ['createdAt', 'yesterday', 'x']],
      ['name', ['name', 'b\u0000', 'x']],
      ['name', ['name', 'b']],
      ['name', ['name', 42, 'x']],
    ] as const) {
      const res = await client.get(`/api/v1/customers?sort=${sort}&cursor=${cursor([...values])}`);
      expect(res.statusCode, JSON.stringify(values)).toBe(400);
      expect(res.data.errors[0].field).toBe('cursor');
    }
    for (const [url, values] of [
      ['/api/v1/installations?sort=chargeKg', ['chargeKg', '1e400', 'x']],
      ['/api/v1/installations?sort=commissionedOn', ['commissionedOn', '0000-01-01', 'x']],
      ['/api/v1/work-orders?sort=number', ['number', '99999999999999999999', '1']],
      ['/api/v1/work-orders?sort=executedOn', ['executedOn', null, 'abc']],
    ] as const) {
      const res = await client.get(`${url}&cursor=${cursor([...values])}`);
      expect(res.statusCode, JSON.stringify(values)).toBe(400);
      expect(res.data.errors[0].field).toBe('cursor');
    }
    // A hand-made but well-formed cursor is just a position.
    const fromNull = await client.get(
      `/api/v1/work-orders?sort=executedOn&cursor=${cursor(['executedOn', null, '5'])}`,
    );
    expect(fromNull.statusCode).toBe(200);
  });
});
