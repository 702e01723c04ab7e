import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let tech: TestClient;
let techId: string;
let customerId: string;
let locationId: string;
let installationId: string;

// A 1×1 transparent PNG.
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  const email = `tech.${Date.now()}@frigo.be`;
  techId = (
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Koen',
      lastName: 'Willems',
      email,
      roles: ['technician'],
      invite: true,
    })
  ).data.id;
  const token = linkToken(await t.mails(), email, 'invitation');
  tech = new TestClient(t.app);
  await tech.post('/api/v1/auth/invitations/accept', { token, password: 'stille-berg-nacht-27' });
  await tech.post('/api/v1/auth/login', { login: email, password: 'stille-berg-nacht-27' });
  customerId = (await admin.post('/api/v1/customers', { name: 'Supermarkt Vers' })).data.id;
  locationId = (await admin.post('/api/v1/locations', { customerId, postcode: '3500', city: 'Hasselt' })).data
    .id;
  installationId = (
    await admin.post('/api/v1/installations', {
      locationId,
      kind: 'refrigeration',
      refrigerant: 'R-404A',
      chargeKg: 12,
    })
  ).data.id;
});
afterAll(async () => t.close());

const cylinder = async (contentKg: number, refrigerant = 'R-404A', kind = 'supply') =>
  (await admin.post('/api/v1/cylinders', { kind, refrigerant, capacityKg: 20, contentKg })).data.id as string;

describe('work orders', () => {
  it('records an executed leak check with a top-up from a cylinder; the cylinder content drops', async () => {
    const cylinderId = await cylinder(10);
    const res = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
      executedOn: '2026-11-20',
      executorId: techId,
      notes: 'Jaarlijkse controle',
      activities: [
        { installationId, type: 'leak_check', result: 'no_leak', method: 'direct' },
        { installationId, type: 'refrigerant_added', refrigerant: 'R404A', quantityKg: 1.2, cylinderId },
      ],
      signatures: [{ role: 'customer', signerName: 'Mevr. Jacobs', image: PNG }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.data).toMatchObject({
      number: 1,
      status: 'executed',
      executorName: 'Koen Willems',
      customerId,
      installationIds: [installationId],
    });
    expect(res.data.activities).toEqual([
      expect.objectContaining({ type: 'leak_check', result: 'no_leak', details: { method: 'direct' } }),
      expect.objectContaining({
        type: 'refrigerant_added',
        refrigerant: 'R-404A',
        quantityKg: 1.2,
        cylinderId,
      }),
    ]);
    expect((await admin.get(`/api/v1/cylinders/${cylinderId}`)).data).toMatchObject({
      contentKg: 8.8,
      movements: [expect.objectContaining({ deltaKg: -1.2, reason: 'withdrawal' })],
    });
    const logbook = await admin.get(`/api/v1/installations/${installationId}/logbook`);
    expect(logbook.data.items.map((w: { id: string }) => w.id)).toContain(res.data.id);
  });

  it('numbers work orders per account', async () => {
    const a = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      plannedOn: '2027-01-10',
    });
    const b = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      plannedOn: '2027-01-11',
    });
    expect(b.data.number).toBe(a.data.number + 1);
    const other = (await signUpCompany(t.app)).client;
    const c = (await other.post('/api/v1/customers', { name: 'X' })).data.id;
    const l = (await other.post('/api/v1/locations', { customerId: c })).data.id;
    const i = (await other.post('/api/v1/installations', { locationId: l })).data.id;
    expect((await other.post('/api/v1/work-orders', { installationIds: [i] })).data.number).toBe(1);
  });

  it('refuses a refrigerant that differs from the installation’s, with the field named', async () => {
    const res = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
      executedOn: '2026-11-20',
      activities: [{ installationId, type: 'refrigerant_added', refrigerant: 'R-134a', quantityKg: 1 }],
    });
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0]).toMatchObject({
      field: 'activities.0.refrigerant',
      code: 'refrigerant_mismatch',
    });
  });

  it('refuses future dates for executed work, absurd quantities, a non-technician executor and foreign activities', async () => {
    const future = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
      executedOn: '2099-01-01',
    });
    expect(future.data.errors[0]).toMatchObject({ field: 'executedOn', code: 'future_date' });
    const noDate = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
    });
    expect(noDate.data.errors[0].field).toBe('executedOn');
    const huge = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      activities: [{ installationId, type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 10_001 }],
    });
    expect(huge.statusCode).toBe(400);
    expect(huge.data.errors[0].field).toBe('activities.0.quantityKg');
    const session = (await admin.get('/api/v1/auth/session')).data;
    const notTech = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      executorId: session.user.id,
    });
    expect(notTech.data.errors[0]).toMatchObject({ field: 'executorId', code: 'not_a_technician' });
    const other = (await admin.post('/api/v1/installations', { locationId })).data.id;
    const stray = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      activities: [{ installationId: other, type: 'maintenance' }],
    });
    expect(stray.data.errors[0].field).toBe('activities.0.installationId');
    const badSignature = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      signatures: [{ role: 'customer', image: 'data:image/png;base64,PHN2Zz48L3N2Zz4=' }],
    });
    expect(badSignature.data.errors[0]).toMatchObject({ field: 'signatures.0.image', code: 'not_png' });
  });

  it('never draws a cylinder below zero, even with parallel requests', async () => {
    const cylinderId = await cylinder(3);
    const attempts = await Promise.all(
      Array.from({ length: 6 }, () =>
        admin.post('/api/v1/work-orders', {
          installationIds: [installationId],
          status: 'executed',
          executedOn: '2026-11-21',
          activities: [
            { installationId, type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 1, cylinderId },
          ],
        }),
      ),
    );
    const statuses = attempts.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([201, 201, 201, 422, 422, 422]);
    const refused = attempts.find((a) => a.statusCode === 422)!;
    expect(refused.data.errors[0]).toMatchObject({
      field: 'activities.0.quantityKg',
      code: 'cylinder_empty',
    });
    expect((await admin.get(`/api/v1/cylinders/${cylinderId}`)).data.contentKg).toBe(0);
  });

  it('puts refrigerant back when an executed work order is cancelled, and moves it again when corrected', async () => {
    const cylinderId = await cylinder(5);
    const wo = (
      await admin.post('/api/v1/work-orders', {
        installationIds: [installationId],
        status: 'executed',
        executedOn: '2026-11-22',
        activities: [
          { installationId, type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 2, cylinderId },
        ],
      })
    ).data;
    expect((await admin.get(`/api/v1/cylinders/${cylinderId}`)).data.contentKg).toBe(3);
    const corrected = await admin.patch(`/api/v1/work-orders/${wo.id}`, {
      version: wo.version,
      activities: [
        { installationId, type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 0.5, cylinderId },
      ],
    });
    expect(corrected.data.version).toBe(2);
    expect((await admin.get(`/api/v1/cylinders/${cylinderId}`)).data.contentKg).toBe(4.5);
    await admin.patch(`/api/v1/work-orders/${wo.id}`, { status: 'cancelled' });
    expect((await admin.get(`/api/v1/cylinders/${cylinderId}`)).data.contentKg).toBe(5);
    expect((await admin.delete(`/api/v1/work-orders/${wo.id}`)).statusCode).toBe(204);
  });

  it('detects lost updates with the version (If-Match or version field)', async () => {
    const wo = (
      await admin.post('/api/v1/work-orders', { installationIds: [installationId], plannedOn: '2027-02-01' })
    ).data;
    expect(
      (await admin.patch(`/api/v1/work-orders/${wo.id}`, { notes: 'Eerste' }, { 'if-match': '"1"' }))
        .statusCode,
    ).toBe(200);
    const stale = await tech.patch(`/api/v1/work-orders/${wo.id}`, { notes: 'Tweede', version: 1 });
    expect([403, 409]).toContain(stale.statusCode);
    const staleAdmin = await admin.patch(
      `/api/v1/work-orders/${wo.id}`,
      { notes: 'Tweede' },
      { 'if-match': '"1"' },
    );
    expect(staleAdmin.statusCode).toBe(409);
    expect(staleAdmin.data.reason).toBe('version_conflict');
    expect((await admin.get(`/api/v1/work-orders/${wo.id}`)).data.notes).toBe('Eerste');
  });

  it('keeps executed work orders in the logbook: no delete, filters by status and "mine"', async () => {
    const executed = (
      await admin.post('/api/v1/work-orders', {
        installationIds: [installationId],
        status: 'executed',
        executedOn: '2026-10-01',
        executorId: techId,
      })
    ).data;
    expect((await admin.delete(`/api/v1/work-orders/${executed.id}`)).statusCode).toBe(409);
    const mine = await tech.get(`/api/v1/installations/${installationId}/logbook?filter=mine`);
    expect(mine.data.items.every((w: { executorId: string }) => w.executorId === techId)).toBe(true);
    expect(mine.data.items.length).toBeGreaterThan(0);
    const planned = await admin.get(`/api/v1/installations/${installationId}/logbook?filter=to_be_executed`);
    expect(planned.data.items.every((w: { status: string }) => w.status === 'to_be_executed')).toBe(true);
    const asc = await admin.get(`/api/v1/installations/${installationId}/logbook?filter=executed&order=asc`);
    const dates = asc.data.items.map((w: { executedOn: string }) => w.executedOn);
    expect(dates).toEqual([...dates].sort());
    expect((await admin.delete(`/api/v1/installations/${installationId}`)).statusCode).toBe(409);
  });

  it('lets a technician record work and change only their own', async () => {
    const mine = await tech.post('/api/v1/work-orders', {
      installationIds: [installationId],
      executorId: techId,
      plannedOn: '2027-03-01',
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.data.abilities).toEqual({ update: true, delete: false });
    expect(
      (
        await tech.patch(`/api/v1/work-orders/${mine.data.id}`, {
          status: 'executed',
          executedOn: '2026-11-24',
        })
      ).statusCode,
    ).toBe(200);
    const office = (await admin.post('/api/v1/work-orders', { installationIds: [installationId] })).data;
    expect((await tech.patch(`/api/v1/work-orders/${office.id}`, { notes: 'x' })).statusCode).toBe(403);
    const ownWork = await tech.post('/api/v1/work-orders', {
      installationIds: [installationId],
      status: 'executed',
      executedOn: '2026-11-24',
    });
    expect(ownWork.data.executorId).toBe(techId);
  });

  it('exports the filtered list to .xlsx (not for technicians)', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders?format=xlsx&customerId=${customerId}`,
      headers: { cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('work-orders.xlsx');
    expect((await tech.get('/api/v1/work-orders?format=xlsx')).statusCode).toBe(403);
  });

  it('lists with filters and cursor paging', async () => {
    const page1 = await admin.get(`/api/v1/work-orders?customerId=${customerId}&limit=3`);
    expect(page1.data.items).toHaveLength(3);
    const page2 = await admin.get(
      `/api/v1/work-orders?customerId=${customerId}&limit=3&cursor=${page1.data.nextCursor}`,
    );
    const ids = [...page1.data.items, ...page2.data.items].map((w: { id: string }) => w.id);
    expect(new Set(ids).size).toBe(ids.length);
    const executed = await admin.get('/api/v1/work-orders?status=executed&from=2026-11-20&to=2026-11-22');
    expect(
      executed.data.items.every(
        (w: { executedOn: string }) => w.executedOn >= '2026-11-20' && w.executedOn <= '2026-11-22',
      ),
    ).toBe(true);
  });
});

describe('inventory and cylinders', () => {
  it('are managed by managers, read by technicians, and validated', async () => {
    const product = await admin.post('/api/v1/products', { name: 'Filterdroger 3/8"', unit: 'piece' });
    expect(product.statusCode).toBe(201);
    expect((await tech.post('/api/v1/products', { name: 'X' })).statusCode).toBe(403);
    expect((await tech.get('/api/v1/products')).data.items.map((p: { name: string }) => p.name)).toContain(
      'Filterdroger 3/8"',
    );
    const wo = await admin.post('/api/v1/work-orders', {
      installationIds: [installationId],
      products: [{ productId: product.data.id, quantity: 2 }],
    });
    expect(wo.data.products).toEqual([expect.objectContaining({ name: 'Filterdroger 3/8"', quantity: 2 })]);
    const over = await admin.post('/api/v1/cylinders', {
      kind: 'supply',
      refrigerant: 'R-32',
      capacityKg: 10,
      contentKg: 12,
    });
    expect(over.data.errors[0].field).toBe('contentKg');
    const unknown = await admin.post('/api/v1/cylinders', {
      kind: 'supply',
      refrigerant: 'R-999',
      capacityKg: 10,
      contentKg: 1,
    });
    expect(unknown.data.errors[0].field).toBe('refrigerant');
  });
});
