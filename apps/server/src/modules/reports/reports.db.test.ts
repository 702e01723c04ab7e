import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let locationId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  const customerId = (await admin.post('/api/v1/customers', { name: 'Brouwerij Verhaeghe' })).data.id;
  locationId = (await admin.post('/api/v1/locations', { customerId, postcode: '8000' })).data.id;
});
afterAll(async () => t.close());

describe('reports', () => {
  it('lists incomplete installations with what each lacks, and exports them', async () => {
    const incomplete = (
      await admin.post('/api/v1/installations', { locationId, kind: 'heating', heatingFuel: 'gas' })
    ).data;
    await admin.post('/api/v1/installations', {
      locationId,
      kind: 'heating',
      heatingFuel: 'liquid',
      heatingCapacityKw: 25,
      commissionedOn: '2020-01-01',
    });
    const res = await admin.get('/api/v1/reports/incomplete-installations');
    expect(res.data.items).toEqual([
      expect.objectContaining({
        installationId: incomplete.id,
        missing: ['heatingCapacityKw', 'commissionedOn'],
      }),
    ]);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/reports/incomplete-installations?format=xlsx',
      headers: { cookie: admin.cookie! },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(2).getCell(5).value).toBe('heatingCapacityKw, commissionedOn');
  });

  it('adds up refrigerant added and recovered per refrigerant and month, in kg and t CO2e', async () => {
    const inst = (
      await admin.post('/api/v1/installations', {
        locationId,
        kind: 'refrigeration',
        refrigerant: 'R-410A',
        chargeKg: 20,
      })
    ).data;
    const work = (executedOn: string, activities: unknown[]) =>
      admin.post('/api/v1/work-orders', {
        installationIds: [inst.id],
        status: 'executed',
        executedOn,
        activities,
      });
    await work('2025-02-10', [
      { installationId: inst.id, type: 'refrigerant_added', refrigerant: 'R-410A', quantityKg: 1.5 },
    ]);
    await work('2025-06-01', [
      { installationId: inst.id, type: 'refrigerant_added', refrigerant: 'R-410A', quantityKg: 0.5 },
      { installationId: inst.id, type: 'refrigerant_recovered', refrigerant: 'R-410A', quantityKg: 3 },
    ]);
    await work('2024-12-31', [
      { installationId: inst.id, type: 'refrigerant_added', refrigerant: 'R-410A', quantityKg: 9 },
    ]);
    const res = await admin.get('/api/v1/reports/refrigerant-balance?year=2025');
    expect(res.data.lines).toHaveLength(1);
    const line = res.data.lines[0];
    expect(line).toMatchObject({ refrigerant: 'R-410A', addedKg: 2, recoveredKg: 3 });
    expect(line.addedCo2eTonnes).toBeCloseTo(4.176, 9); // 2 kg × 2088
    expect(line.recoveredCo2eTonnes).toBeCloseTo(6.264, 9);
    expect(line.months[1]).toEqual({ month: 2, addedKg: 1.5, recoveredKg: 0 });
    expect(line.months[5]).toEqual({ month: 6, addedKg: 0.5, recoveredKg: 3 });
    expect((await admin.get('/api/v1/reports/refrigerant-balance?year=1999')).statusCode).toBe(400);
  });

  it('are not for technicians', async () => {
    const email = `tech.${Date.now()}@verhaeghe.be`;
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Jef',
      lastName: 'Aerts',
      email,
      roles: ['technician'],
      invite: true,
    });
    const token = linkToken(await t.mails(), email, 'invitation');
    const tech = new TestClient(t.app);
    await tech.post('/api/v1/auth/invitations/accept', { token, password: 'zilveren-maan-schijnt-88' });
    await tech.post('/api/v1/auth/login', { login: email, password: 'zilveren-maan-schijnt-88' });
    expect((await tech.get('/api/v1/reports/incomplete-installations')).statusCode).toBe(403);
    expect((await tech.get('/api/v1/reports/refrigerant-balance?year=2025')).statusCode).toBe(403);
  });
});
