import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient, type TestClient as Client } from '../../test-support/test-client.js';

let t: TestApp;
let admin: Client;
let customerId: string;
let otherCustomerId: string;
let locA: string;
let locB: string;
const inst: Record<string, { id: string; token: string }> = {};
let workOrderId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  customerId = (await admin.post('/api/v1/customers', { name: 'Hotel Zeezicht', language: 'nl' })).data.id;
  otherCustomerId = (await admin.post('/api/v1/customers', { name: 'Andere Klant' })).data.id;
  locA = (await admin.post('/api/v1/locations', { customerId, name: 'Oostende', postcode: '8400' })).data.id;
  locB = (await admin.post('/api/v1/locations', { customerId, name: 'Knokke', postcode: '8300' })).data.id;
  const locOther = (await admin.post('/api/v1/locations', { customerId: otherCustomerId, postcode: '9000' }))
    .data.id;
  for (const [key, locationId] of [
    ['a1', locA],
    ['a2', locA],
    ['b1', locB],
    ['x', locOther],
  ] as const) {
    const res = await admin.post('/api/v1/installations', {
      locationId,
      kind: 'air_conditioning',
      reference: `Airco ${key}`,
      refrigerant: 'R-32',
      chargeKg: 2,
    });
    inst[key] = { id: res.data.id, token: res.data.token };
  }
  workOrderId = (
    await admin.post('/api/v1/work-orders', {
      installationIds: [inst.a1!.id],
      status: 'executed',
      executedOn: '2026-11-10',
      activities: [{ installationId: inst.a1!.id, type: 'maintenance' }],
    })
  ).data.id;
});
afterAll(async () => t.close());

const visitor = () => new TestClient(t.app);
const ids = (res: { data: { items: Array<{ id: string }> } }) => res.data.items.map((i) => i.id).sort();

describe('customer portal', () => {
  it('a customer code shows every location’s installations of that customer, read-only', async () => {
    const issued = await admin.post(`/api/v1/customers/${customerId}/portal-code`, {});
    expect(issued.statusCode).toBe(201);
    expect(issued.data.code).toMatch(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}$/);
    expect(issued.data.link).toBe(`http://localhost:3000/portal#code=${issued.data.code}`);
    const [stored] = await t.deps.db.query<{ code_hash: string }>(
      'select code_hash from portal_access where customer_id = $1',
      [customerId],
    );
    expect(stored!.code_hash).not.toContain(issued.data.code);

    const v = visitor();
    const session = await v.post('/api/v1/portal/session', {
      code: issued.data.code.toLowerCase().replace(/-/g, ' '),
    });
    expect(session.statusCode).toBe(200);
    expect(session.data.company.name).toBeTruthy();
    const cookie = session.cookies.find((c) => c.name === 'climalog_portal')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/v1/portal' });
    const list = await v.get('/api/v1/portal/installations');
    expect(ids(list)).toEqual([inst.a1!.id, inst.a2!.id, inst.b1!.id].sort());
    expect(list.data.items[0].forecast).toBeDefined();
    expect(list.data.locations).toHaveLength(2);

    const logbook = await v.get(`/api/v1/portal/installations/${inst.a1!.id}/logbook`);
    expect(logbook.data.items[0]).toMatchObject({ id: workOrderId, number: 1 });
    expect(logbook.data.items[0].activities[0]).not.toHaveProperty('cylinderId');
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/v1/portal/work-orders/${workOrderId}/document`,
      headers: { cookie: `climalog_portal=${cookie.value}` },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(
      /filename="(werkbon|work-order|bon-de-travail|arbeitsauftrag)-1\.pdf"/,
    );

    // Not another customer's installation, not the Service API, no writes.
    expect((await v.get(`/api/v1/portal/installations/${inst.x!.id}/logbook`)).statusCode).toBe(404);
    expect((await v.get('/api/v1/customers')).statusCode).toBe(401);
    expect(
      (await v.request('PATCH', `/api/v1/installations/${inst.a1!.id}`, { brand: 'X' })).statusCode,
    ).toBe(401);
  });

  it('a location code shows only that location; with the token requirement, only one installation', async () => {
    const issued = await admin.post(`/api/v1/locations/${locA}/portal-code`, {
      requireInstallationToken: true,
    });
    const v = visitor();
    const noToken = await v.post('/api/v1/portal/session', { code: issued.data.code });
    expect(noToken.statusCode).toBe(401);
    const otherLocationToken = await v.post('/api/v1/portal/session', {
      code: issued.data.code,
      token: inst.b1!.token,
    });
    expect(otherLocationToken.statusCode).toBe(401);
    expect(otherLocationToken.data.detail).toBe(noToken.data.detail);
    const ok = await v.post('/api/v1/portal/session', {
      code: issued.data.code,
      token: inst.a2!.token.toLowerCase(),
    });
    expect(ok.data).toMatchObject({ scope: 'location', singleInstallation: true });
    expect(ids(await v.get('/api/v1/portal/installations'))).toEqual([inst.a2!.id]);
    expect((await v.get(`/api/v1/portal/installations/${inst.a1!.id}/logbook`)).statusCode).toBe(404);
    expect((await v.get(`/api/v1/portal/work-orders/${workOrderId}/document`)).statusCode).toBe(404);

    const open = await admin.post(`/api/v1/locations/${locB}/portal-code`, {});
    const w = visitor();
    await w.post('/api/v1/portal/session', { code: open.data.code });
    expect(ids(await w.get('/api/v1/portal/installations'))).toEqual([inst.b1!.id]);
  });

  it('regenerating or disabling a code ends the sessions opened with it; wrong codes get one uniform answer', async () => {
    const first = await admin.post(`/api/v1/customers/${otherCustomerId}/portal-code`, {});
    const v = visitor();
    await v.post('/api/v1/portal/session', { code: first.data.code });
    expect((await v.get('/api/v1/portal/installations')).statusCode).toBe(200);
    const second = await admin.post(`/api/v1/customers/${otherCustomerId}/portal-code`, {});
    expect(second.data.code).not.toBe(first.data.code);
    expect((await v.get('/api/v1/portal/installations')).statusCode).toBe(401);
    expect((await visitor().post('/api/v1/portal/session', { code: first.data.code })).statusCode).toBe(401);

    const w = visitor();
    await w.post('/api/v1/portal/session', { code: second.data.code });
    expect((await admin.delete(`/api/v1/customers/${otherCustomerId}/portal-code`)).statusCode).toBe(204);
    expect((await w.get('/api/v1/portal/installations')).statusCode).toBe(401);
    const disabled = await visitor().post('/api/v1/portal/session', { code: second.data.code });
    const malformed = await visitor().post('/api/v1/portal/session', { code: 'nope' });
    const overlong = await visitor().post('/api/v1/portal/session', { code: 'A'.repeat(65) });
    expect(disabled.statusCode).toBe(401);
    expect(malformed.statusCode).toBe(401);
    expect(malformed.data.detail).toBe(disabled.data.detail);
    expect(overlong.statusCode).toBe(400);
    expect((await admin.get(`/api/v1/customers/${otherCustomerId}/portal`)).data.enabled).toBe(false);
  });

  it('limits wrong codes per client', async () => {
    const v = visitor();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (await v.post('/api/v1/portal/session', { code: `ABCDE-FGHJK-MNPQR-STUV${i % 10}` })).statusCode,
      );
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('shows the customer who at the company consulted their data, and audits portal use as the end customer', async () => {
    await admin.get(`/api/v1/installations/${inst.a1!.id}`);
    await t.app.inject({
      method: 'GET',
      url: `/api/v1/work-orders/${workOrderId}/document`,
      headers: { cookie: admin.cookie! },
    });
    const issued = await admin.post(`/api/v1/customers/${customerId}/portal-code`, {});
    const v = visitor();
    await v.post('/api/v1/portal/session', { code: issued.data.code });
    const consultations = await v.get('/api/v1/portal/consultations');
    const actions = consultations.data.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['installation.viewed', 'export.created']));
    expect(consultations.data.items[0].who).toBe('Annelies Peeters');
    const viewed = consultations.data.items.find(
      (e: { action: string }) => e.action === 'installation.viewed',
    );
    expect(viewed.subject).toEqual({ type: 'installation', id: inst.a1!.id, label: 'Airco a1' });
    const exported = consultations.data.items.find((e: { action: string }) => e.action === 'export.created');
    expect(exported).toMatchObject({
      format: 'pdf',
      resource: 'work_order_document',
      subject: { type: 'work_order', id: workOrderId, label: '1' },
    });
    const log = await admin.get('/api/v1/audit-events?action=portal.*');
    expect(log.data.items.map((e: { actor: { type: string } }) => e.actor.type)).toContain('end_customer');
    expect(log.data.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['portal.signed_in', 'portal.viewed', 'portal.sign_in_failed']),
    );
  });

  it('downloads certificates and the verifiable logbook export of what the code grants only', async () => {
    const checked = (
      await admin.post('/api/v1/work-orders', {
        installationIds: [inst.a2!.id, inst.b1!.id],
        status: 'executed',
        executedOn: '2026-11-12',
        activities: [
          { installationId: inst.a2!.id, type: 'leak_check', result: 'no_leak', method: 'direct' },
          { installationId: inst.b1!.id, type: 'leak_check', result: 'no_leak', method: 'direct' },
        ],
      })
    ).data.id;
    const issued = await admin.post(`/api/v1/locations/${locB}/portal-code`, {});
    const v = visitor();
    const session = await v.post('/api/v1/portal/session', { code: issued.data.code });
    const cookie = `climalog_portal=${session.cookies.find((c) => c.name === 'climalog_portal')!.value}`;
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });

    // Location B's session: the certificate of b1, never a2's (location A), even when asked by id.
    const certificate = await get(`/api/v1/portal/work-orders/${checked}/certificates/leak_check`);
    expect(certificate.statusCode).toBe(200);
    expect(certificate.headers['content-type']).toBe('application/pdf');
    expect(
      (
        await get(
          `/api/v1/portal/work-orders/${checked}/certificates/leak_check?installationId=${inst.a2!.id}`,
        )
      ).statusCode,
    ).toBe(404);
    expect((await get(`/api/v1/portal/work-orders/${checked}/certificates/heating_audit`)).statusCode).toBe(
      404,
    );

    const logbook = await get(`/api/v1/portal/installations/${inst.b1!.id}/logbook/export?format=pdf`);
    expect(logbook.statusCode).toBe(200);
    const digest = logbook.headers['x-logbook-digest'] as string;
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect((await visitor().get(`/api/v1/logbook-verifications/${digest}`)).data.valid).toBe(true);
    expect((await get(`/api/v1/portal/installations/${inst.a1!.id}/logbook/export`)).statusCode).toBe(404);
    expect(
      (await visitor().get(`/api/v1/portal/installations/${inst.b1!.id}/logbook/export`)).statusCode,
    ).toBe(401);

    const log = await admin.get('/api/v1/audit-events?action=export.created');
    const byCustomer = log.data.items.filter(
      (e: { actor: { type: string } }) => e.actor.type === 'end_customer',
    );
    expect(byCustomer.map((e: { details: { resource: string } }) => e.details.resource).sort()).toEqual([
      'certificate',
      'logbook',
    ]);
  });

  it('portal codes are managed by managers and administrators only', async () => {
    const other = (await signUpCompany(t.app)).client;
    expect((await other.post(`/api/v1/customers/${customerId}/portal-code`, {})).statusCode).toBe(404);
  });
});
