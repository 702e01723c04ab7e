import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let customerId: string;
let locationId: string;
let defaultBuildingId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  customerId = (
    await admin.post('/api/v1/customers', { name: 'Slagerij Goossens', customerNumber: 'K-1042' })
  ).data.id;
  const loc = (
    await admin.post('/api/v1/locations', {
      customerId,
      street: 'Dorpsstraat',
      number: '5',
      postcode: '2200',
      city: 'Herentals',
    })
  ).data;
  locationId = loc.id;
  defaultBuildingId = loc.defaultBuildingId;
});
afterAll(async () => t.close());

const coldRoom = {
  kind: 'refrigeration',
  reference: 'Koelcel 1',
  brand: 'Daikin',
  model: 'LRYEQ16',
  serialNumber: 'SN-778899',
  refrigerant: 'r410a',
  chargeKg: 2.5,
  hermeticallySealed: false,
  leakDetectionSystem: false,
  coolingCapacityKw: 14,
  comfortCooling: false,
  commissionedOn: '2023-04-15',
};

describe('installations', () => {
  it('stores every field, puts it in the default building and computes CO2e', async () => {
    const res = await admin.post('/api/v1/installations', { locationId, ...coldRoom });
    expect(res.statusCode).toBe(201);
    expect(res.data).toMatchObject({
      customerId,
      locationId,
      buildingId: defaultBuildingId,
      kind: 'refrigeration',
      refrigerant: 'R-410A',
      chargeKg: 2.5,
      forecastMode: 'automatic',
      archived: false,
      missing: [],
    });
    // R-410A: GWP 2088 → 2.5 kg = 5.22 t CO2e
    expect(res.data.co2eTonnes).toBeCloseTo(5.22, 10);
    expect(res.data.token).toMatch(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}$/);
    const again = await admin.get(`/api/v1/installations/${res.data.id}`);
    expect(again.data.token).toBe(res.data.token);
  });

  it('saves an incomplete installation quickly and reports what is missing', async () => {
    const res = await admin.post('/api/v1/installations', {
      locationId,
      kind: 'air_conditioning',
      refrigerant: 'R-32',
    });
    expect(res.statusCode).toBe(201);
    expect(res.data.missing).toEqual([
      'chargeKg',
      'hermeticallySealed',
      'leakDetectionSystem',
      'coolingCapacityKw',
      'comfortCooling',
      'commissionedOn',
    ]);
    expect(res.data.co2eTonnes).toBeNull();
    const bare = await admin.post('/api/v1/installations', { locationId });
    expect(bare.data.missing).toEqual(['kind']);
    const heating = await admin.post('/api/v1/installations', {
      locationId,
      kind: 'heating',
      heatingFuel: 'gas',
    });
    expect(heating.data.missing).toEqual(['heatingCapacityKw', 'commissionedOn']);
  });

  it('refuses unknown refrigerants, negative or absurd quantities, bad dates and intervals, naming the field', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ refrigerant: 'R-9999' }, 'refrigerant'],
      [{ chargeKg: -1 }, 'chargeKg'],
      [{ chargeKg: 10_001 }, 'chargeKg'],
      [{ coolingCapacityKw: 'veel' }, 'coolingCapacityKw'],
      [{ commissionedOn: '2023-02-30' }, 'commissionedOn'],
      [{ customIntervalMonths: 0 }, 'customIntervalMonths'],
      [{ customIntervalMonths: 121 }, 'customIntervalMonths'],
      [{ kind: 'fridge' }, 'kind'],
      [{ token: 'MINE' }, 'token'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/v1/installations', { locationId, ...body });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.data.errors[0].field, JSON.stringify(body)).toBe(field);
    }
    const custom = await admin.post('/api/v1/installations', { locationId, forecastMode: 'custom' });
    expect(custom.statusCode).toBe(422);
    expect(custom.data.errors[0].field).toBe('customIntervalMonths');
    const noPlace = await admin.post('/api/v1/installations', { kind: 'heating' });
    expect(noPlace.data.errors[0].field).toBe('locationId');
  });

  it('moves only between buildings of its own location, and the token never changes', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId, ...coldRoom })).data;
    const hall = (await admin.post('/api/v1/buildings', { locationId, name: 'Hal 2' })).data;
    const moved = await admin.patch(`/api/v1/installations/${inst.id}`, { buildingId: hall.id, chargeKg: 3 });
    expect(moved.data).toMatchObject({ buildingId: hall.id, chargeKg: 3, token: inst.token });
    const otherLoc = (await admin.post('/api/v1/locations', { customerId, postcode: '9000' })).data;
    const away = await admin.patch(`/api/v1/installations/${inst.id}`, {
      buildingId: otherLoc.defaultBuildingId,
    });
    expect(away.data.errors[0]).toMatchObject({ field: 'buildingId', code: 'other_location' });
    expect((await admin.patch(`/api/v1/installations/${inst.id}`, { token: 'X' })).statusCode).toBe(400);
  });

  it('archives: gone from lists by default, still readable, back after unarchiving', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId, reference: 'Oude airco' })).data;
    const archived = await admin.post(`/api/v1/installations/${inst.id}/archive`);
    expect(archived.data.archived).toBe(true);
    const active = await admin.get(`/api/v1/installations?locationId=${locationId}&limit=200`);
    expect(active.data.items.map((i: { id: string }) => i.id)).not.toContain(inst.id);
    const onlyArchived = await admin.get(`/api/v1/installations?locationId=${locationId}&archived=true`);
    expect(onlyArchived.data.items.map((i: { id: string }) => i.id)).toEqual([inst.id]);
    expect((await admin.get(`/api/v1/installations/${inst.id}`)).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/installations/${inst.id}/unarchive`)).data.archived).toBe(false);
  });

  it('searches by serial number, token and customer number, filters and pages', async () => {
    const inst = (
      await admin.post('/api/v1/installations', { locationId, ...coldRoom, serialNumber: 'UNIEK-4242' })
    ).data;
    expect(
      (await admin.get('/api/v1/installations?q=uniek-4242')).data.items.map((i: { id: string }) => i.id),
    ).toEqual([inst.id]);
    expect((await admin.get(`/api/v1/installations?q=${inst.token.toLowerCase()}`)).data.items).toHaveLength(
      1,
    );
    expect((await admin.get('/api/v1/installations?q=K-1042&limit=200')).data.items.length).toBeGreaterThan(
      1,
    );
    const page1 = await admin.get('/api/v1/installations?limit=2&refrigerant=R410A');
    expect(page1.data.items).toHaveLength(2);
    const page2 = await admin.get(
      `/api/v1/installations?limit=2&refrigerant=R410A&cursor=${page1.data.nextCursor}`,
    );
    const ids = [...page1.data.items, ...page2.data.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      (await admin.get('/api/v1/installations?kind=heating')).data.items.every(
        (i: { kind: string }) => i.kind === 'heating',
      ),
    ).toBe(true);
  });

  it('keeps components for the instruction card', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId, ...coldRoom })).data;
    const added = await admin.post(`/api/v1/installations/${inst.id}/components`, {
      kind: 'compressor',
      brand: 'Copeland',
      model: 'ZB45',
    });
    expect(added.statusCode).toBe(201);
    const componentId = added.data.items[0].id;
    await admin.post(`/api/v1/installations/${inst.id}/components`, { kind: 'evaporator' });
    const changed = await admin.request('PUT', `/api/v1/installations/${inst.id}/components/${componentId}`, {
      kind: 'compressor',
      brand: 'Bitzer',
    });
    expect(changed.data.items.map((c: { brand: string }) => c.brand)).toEqual(['Bitzer', '']);
    const detail = await admin.get(`/api/v1/installations/${inst.id}`);
    expect(detail.data.components.map((c: { kind: string }) => c.kind)).toEqual(['compressor', 'evaporator']);
    const removed = await admin.delete(`/api/v1/installations/${inst.id}/components/${componentId}`);
    expect(removed.data.items).toHaveLength(1);
  });

  it('lets technicians add and change only their own, without archive, delete or export', async () => {
    const email = `tech.${Date.now()}@goossens.be`;
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Bram',
      lastName: 'Peeters',
      email,
      roles: ['technician'],
      invite: true,
    });
    const token = linkToken(await t.mails(), email, 'invitation');
    const tech = new TestClient(t.app);
    await tech.post('/api/v1/auth/invitations/accept', { token, password: 'groene-appel-valt-19' });
    await tech.post('/api/v1/auth/login', { login: email, password: 'groene-appel-valt-19' });
    const mine = await tech.post('/api/v1/installations', { locationId, kind: 'heat_pump' });
    expect(mine.data.abilities).toEqual({ update: true, delete: false, archive: false });
    expect(
      (await tech.patch(`/api/v1/installations/${mine.data.id}`, { brand: 'Vaillant' })).statusCode,
    ).toBe(200);
    const office = (await admin.post('/api/v1/installations', { locationId, kind: 'heat_pump' })).data;
    expect((await tech.patch(`/api/v1/installations/${office.id}`, { brand: 'X' })).statusCode).toBe(403);
    expect((await tech.post(`/api/v1/installations/${office.id}/components`, { kind: 'x' })).statusCode).toBe(
      403,
    );
    expect((await tech.post(`/api/v1/installations/${mine.data.id}/archive`)).statusCode).toBe(403);
    expect((await tech.delete(`/api/v1/installations/${mine.data.id}`)).statusCode).toBe(403);
    expect((await tech.get('/api/v1/installations?format=xlsx')).statusCode).toBe(403);
  });

  it('records reads of the detail in the audit log', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId })).data;
    await admin.get(`/api/v1/installations/${inst.id}`);
    const log = await admin.get(`/api/v1/audit-events?entityId=${inst.id}`);
    expect(log.data.items.map((e: { action: string }) => e.action)).toEqual([
      'installation.viewed',
      'installation.created',
    ]);
  });
});

describe('refrigerant catalogue', () => {
  it('lists refrigerants with their GWP per regulation version', async () => {
    const res = await admin.get('/api/v1/refrigerants');
    const byName = new Map(res.data.items.map((r: { name: string }) => [r.name, r]));
    expect(byName.get('R-410A')).toMatchObject({ gwp: 2088, fgasAnnex: 'annex_i' });
    expect(byName.get('R-290')).toMatchObject({ fgasAnnex: null });
    const old = await admin.get('/api/v1/refrigerants?on=2020-01-01');
    const yf = old.data.items.find((r: { name: string }) => r.name === 'R-1234yf');
    expect(yf.gwp).toBe(4);
  });
});

describe('forecast on the installation', () => {
  it('says when the next leak check is due, why, and moves it after an executed check', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId, ...coldRoom })).data;
    expect(inst.forecast.leakCheck).toMatchObject({
      status: 'overdue',
      dueOn: '2024-04-15',
      intervalMonths: 12,
      baseDate: '2023-04-15',
      baseKind: 'commissioning',
    });
    expect(inst.forecast.leakCheck.source).toMatch(/2014|2024/);
    expect(inst.forecast.heatingMaintenance).toBeNull();
    expect(inst.forecast.leakRepair).toBeNull();
    const today = new Date().toISOString().slice(0, 10);
    await admin.post('/api/v1/work-orders', {
      installationIds: [inst.id],
      status: 'executed',
      executedOn: today,
      activities: [{ installationId: inst.id, type: 'leak_check', result: 'no_leak' }],
    });
    const after = (await admin.get(`/api/v1/installations/${inst.id}`)).data;
    expect(after.forecast.leakCheck).toMatchObject({
      status: 'planned',
      baseDate: today,
      baseKind: 'last_check',
      intervalMonths: 12,
    });
    expect(after.forecast.leakCheck.explanation).toMatch(/R-410A/);
  });

  it('says which inputs are missing instead of guessing, in the reader’s language', async () => {
    await admin.patch('/api/v1/me', { language: 'nl' });
    const inst = (
      await admin.post('/api/v1/installations', { locationId, kind: 'refrigeration', refrigerant: 'R-410A' })
    ).data;
    expect(inst.forecast.leakCheck).toEqual({
      status: 'unknown',
      missing: expect.arrayContaining(['chargeKg']),
    });
    const heating = (
      await admin.post('/api/v1/installations', {
        locationId,
        kind: 'heating',
        heatingFuel: 'gas',
        heatingCapacityKw: 30,
        commissionedOn: '2024-01-10',
      })
    ).data;
    expect(heating.forecast.heatingMaintenance).toMatchObject({ intervalMonths: 24, dueOn: '2026-01-10' });
    expect(heating.forecast.heatingMaintenance.explanation).toMatch(/[a-z]/);
    const building = (await admin.get(`/api/v1/buildings/${defaultBuildingId}`)).data;
    expect(building).toHaveProperty('energyInspection');
    await admin.patch('/api/v1/me', { language: 'en' });
  });
});

describe('finding an installation by its token', () => {
  it('accepts the token typed loosely, and never another account’s', async () => {
    const inst = (await admin.post('/api/v1/installations', { locationId, kind: 'heating' })).data;
    const typed = inst.token.toLowerCase().replace(/-/g, ' ');
    expect((await admin.get(`/api/v1/installations/by-token/${encodeURIComponent(typed)}`)).data.id).toBe(
      inst.id,
    );
    const other = (await signUpCompany(t.app)).client;
    expect((await other.get(`/api/v1/installations/by-token/${inst.token}`)).statusCode).toBe(404);
  });
});
