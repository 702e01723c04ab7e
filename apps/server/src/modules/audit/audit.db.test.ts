import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

describe('audit log', () => {
  it('records changes, reads of personal data and use of features, with actor, IP and user agent', async () => {
    const { client, session } = await signUpCompany(t.app);
    const customer = await client.post(
      '/api/v1/customers',
      { name: 'Brouwerij Het Anker' },
      { 'user-agent': 'Mozilla/5.0 Test' },
    );
    await client.get(`/api/v1/customers/${customer.data.id}`, { 'user-agent': 'Mozilla/5.0 Test' });
    await client.get('/api/v1/customers');
    const log = await client.get(`/api/v1/audit-events?entityId=${customer.data.id}`);
    expect(log.data.items.map((e: { action: string }) => e.action)).toEqual([
      'customer.viewed',
      'customer.created',
    ]);
    expect(log.data.items[0]).toMatchObject({
      actor: { type: 'user', id: session.user.id },
      entity: { type: 'customer', id: customer.data.id },
      ip: client.ip,
      userAgent: 'Mozilla/5.0 Test',
    });
    const listed = await client.get('/api/v1/audit-events?action=customer.listed');
    expect(listed.data.items).toHaveLength(1);
    const all = await client.get('/api/v1/audit-events?action=customer.*');
    expect(all.data.items.length).toBeGreaterThanOrEqual(3);
  });

  it('filters by actor and time and pages with a cursor', async () => {
    const { client, session } = await signUpCompany(t.app);
    for (let i = 0; i < 5; i++) await client.post('/api/v1/customers', { name: `Klant ${i}` });
    const page1 = await client.get(
      `/api/v1/audit-events?actorId=${session.user.id}&action=customer.created&limit=3`,
    );
    expect(page1.data.items).toHaveLength(3);
    const page2 = await client.get(
      `/api/v1/audit-events?actorId=${session.user.id}&action=customer.created&limit=3&cursor=${page1.data.nextCursor}`,
    );
    expect(page2.data.items).toHaveLength(2);
    expect(page2.data.nextCursor).toBeNull();
    const seqs = [...page1.data.items, ...page2.data.items].map((e: { seq: number }) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    const future = await client.get('/api/v1/audit-events?from=2999-01-01');
    expect(future.data.items).toEqual([]);
    const bad = await client.get('/api/v1/audit-events?from=yesterday&action=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors.map((e: { field: string }) => e.field).sort()).toEqual(['action', 'from']);
  });

  it('exports the filtered log as a real spreadsheet, and records the export', async () => {
    const { client } = await signUpCompany(t.app);
    await client.post('/api/v1/customers', { name: '=HYPERLINK("http://evil")' });
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-events?format=xlsx&action=customer.created',
      headers: { cookie: client.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment; filename="audit-log.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(3).value).toBe('Action');
    expect(sheet.getRow(2).getCell(3).value).toBe('customer.created');
    expect(sheet.rowCount).toBe(2);
    const exported = await client.get('/api/v1/audit-events?action=export.created');
    expect(exported.data.items).toHaveLength(1);
    expect(exported.data.items[0].details).toMatchObject({
      resource: 'audit_events',
      format: 'xlsx',
      action: 'customer.created',
    });
  });

  it('is for administrators only', async () => {
    const { client: admin } = await signUpCompany(t.app);
    const system = await admin.post('/api/v1/users', {
      kind: 'system',
      name: 'Planning',
      roles: ['manager'],
    });
    const key = (await admin.post(`/api/v1/users/${system.data.id}/api-keys`, { name: 'k' })).data.key;
    const manager = new TestClient(t.app);
    manager.bearer = key;
    expect((await manager.get('/api/v1/audit-events')).statusCode).toBe(403);
    expect((await manager.get('/api/v1/audit-events/verify')).statusCode).toBe(403);
  });

  it('verifies the hash chain, and detects an edited or removed event', async () => {
    const { client, session } = await signUpCompany(t.app);
    for (let i = 0; i < 3; i++) await client.post('/api/v1/customers', { name: `Klant ${i}` });
    const intact = await client.get('/api/v1/audit-events/verify');
    expect(intact.data).toMatchObject({ intact: true, brokenAtSeq: null });
    expect(intact.data.checkedEvents).toBeGreaterThanOrEqual(5);

    // Tampering straight in the database, as someone with the owner's rights could.
    const tenantId = (await client.get('/api/v1/auth/session')).data.account.id;
    await t.deps.db.query(
      `update audit_events set details = '{"name":"Iets anders"}' where tenant_id = $1 and seq = 3`,
      [tenantId],
    );
    const edited = await client.get('/api/v1/audit-events/verify');
    expect(edited.data).toMatchObject({ intact: false, brokenAtSeq: 3 });
    expect(edited.data.problem).toMatch(/changed/);

    const { client: other } = await signUpCompany(t.app);
    await other.post('/api/v1/customers', { name: 'Klant' });
    const otherTenant = (await other.get('/api/v1/auth/session')).data.account.id;
    await t.deps.db.query('delete from audit_events where tenant_id = $1 and seq = 2', [otherTenant]);
    const removed = await other.get('/api/v1/audit-events/verify');
    expect(removed.data).toMatchObject({ intact: false, brokenAtSeq: 2 });
    expect(session.user.id).toBeTruthy();
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    const { client } = await signUpCompany(t.app);
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.post('/api/v1/customers', { name: `Gelijktijdig ${i}` })),
    );
    const result = await client.get('/api/v1/audit-events/verify');
    expect(result.data.intact).toBe(true);
  });
});
