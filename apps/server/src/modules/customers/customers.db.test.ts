import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function technicianOf(admin: TestClient) {
  const email = `tech.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@koeling.be`;
  await admin.post('/api/v1/users', {
    kind: 'person',
    firstName: 'Wim',
    lastName: 'Goossens',
    email,
    roles: ['technician'],
    invite: true,
  });
  const token = linkToken(await t.mails(), email, 'invitation');
  const tech = new TestClient(t.app);
  await tech.post('/api/v1/auth/invitations/accept', { token, password: 'ijzige-noordzee-golf-64' });
  await tech.post('/api/v1/auth/login', { login: email, password: 'ijzige-noordzee-golf-64' });
  return tech;
}

describe('customers', () => {
  it('creates, reads, updates and deletes, with the enterprise number validated and formatted', async () => {
    const { client } = await signUpCompany(t.app);
    const created = await client.post('/api/v1/customers', {
      name: 'Frituur De Gouden Friet',
      language: 'fr',
      enterpriseNumber: 'BE 417 497 106',
    });
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      name: 'Frituur De Gouden Friet',
      language: 'fr',
      enterpriseNumber: '0417.497.106',
      abilities: { update: true, delete: true },
    });
    const id = created.data.id;
    expect((await client.get(`/api/v1/customers/${id}`)).data.name).toBe('Frituur De Gouden Friet');
    const updated = await client.patch(`/api/v1/customers/${id}`, {
      name: 'Frituur Gouden Friet',
      enterpriseNumber: null,
    });
    expect(updated.data).toMatchObject({
      name: 'Frituur Gouden Friet',
      enterpriseNumber: null,
      language: 'fr',
    });
    expect((await client.delete(`/api/v1/customers/${id}`)).statusCode).toBe(204);
    expect((await client.get(`/api/v1/customers/${id}`)).statusCode).toBe(404);
    expect((await client.delete(`/api/v1/customers/${id}`)).statusCode).toBe(404);
  });

  it('refuses an invalid enterprise number with a field error', async () => {
    const { client } = await signUpCompany(t.app);
    const res = await client.post('/api/v1/customers', { name: 'X', enterpriseNumber: '0417.497.107' });
    expect(res.statusCode).toBe(400);
    expect(res.data.errors).toEqual([
      expect.objectContaining({ field: 'enterpriseNumber', message: expect.stringMatching(/check digits/) }),
    ]);
    expect((await client.get('/api/v1/customers')).data.items).toEqual([]);
  });

  it('lists alphabetically with search and paging', async () => {
    const { client } = await signUpCompany(t.app);
    for (const name of ['Zeebrugge Vis', 'aalst bakkerij', 'Brugge Hotel', 'Antwerpen Koel', '100% Koud'])
      await client.post('/api/v1/customers', { name });
    const page = await client.get('/api/v1/customers?limit=3');
    expect(page.data.items.map((c: { name: string }) => c.name)).toEqual([
      '100% Koud',
      'aalst bakkerij',
      'Antwerpen Koel',
    ]);
    const rest = await client.get(`/api/v1/customers?limit=3&cursor=${page.data.nextCursor}`);
    expect(rest.data.items.map((c: { name: string }) => c.name)).toEqual(['Brugge Hotel', 'Zeebrugge Vis']);
    const search = await client.get('/api/v1/customers?q=BRUGGE');
    expect(search.data.items).toHaveLength(2);
    const percent = await client.get(`/api/v1/customers?q=${encodeURIComponent('%')}`);
    expect(percent.data.items.map((c: { name: string }) => c.name)).toEqual(['100% Koud']);
  });

  it('lets a technician add customers and change only their own', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const tech = await technicianOf(admin);
    const theirs = await tech.post('/api/v1/customers', { name: 'Nieuw op de werf' });
    expect(theirs.statusCode).toBe(201);
    expect(theirs.data.abilities).toEqual({ update: true, delete: false });
    const ours = await admin.post('/api/v1/customers', { name: 'Van kantoor' });
    const view = await tech.get(`/api/v1/customers/${ours.data.id}`);
    expect(view.data.abilities).toEqual({ update: false, delete: false });
    expect((await tech.patch(`/api/v1/customers/${ours.data.id}`, { name: 'Gewijzigd' })).statusCode).toBe(
      403,
    );
    expect((await tech.patch(`/api/v1/customers/${theirs.data.id}`, { name: 'Verbeterd' })).statusCode).toBe(
      200,
    );
    expect((await tech.delete(`/api/v1/customers/${theirs.data.id}`)).statusCode).toBe(403);
    expect((await tech.get('/api/v1/customers?format=xlsx')).statusCode).toBe(403);
  });

  it('exports the filtered list to .xlsx with formula injection neutralised', async () => {
    const { client } = await signUpCompany(t.app);
    await client.post('/api/v1/customers', { name: '=cmd|calc' });
    await client.post('/api/v1/customers', { name: 'Gewone Klant', enterpriseNumber: '0417497106' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/customers?format=xlsx',
      headers: { cookie: client.cookie! },
    });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names = workbook.worksheets[0]!.getColumn(1).values.filter(Boolean);
    expect(names).toEqual(['Name', "'=cmd|calc", 'Gewone Klant']);
    expect(workbook.worksheets[0]!.getRow(3).getCell(5).value).toBe('0417.497.106');
    const log = await client.get('/api/v1/audit-events?action=export.created');
    expect(log.data.items).toHaveLength(1);
  });
});
