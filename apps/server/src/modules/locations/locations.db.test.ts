import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let customerId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  customerId = (await admin.post('/api/v1/customers', { name: 'Hotel Aurora' })).data.id;
});
afterAll(async () => t.close());

async function technician() {
  const email = `tech.${Date.now()}.${Math.random().toString(36).slice(2, 6)}@aurora.be`;
  await admin.post('/api/v1/users', {
    kind: 'person',
    firstName: 'Lotte',
    lastName: 'Vermeulen',
    email,
    roles: ['technician'],
    invite: true,
  });
  const token = linkToken(await t.mails(), email, 'invitation');
  const tech = new TestClient(t.app);
  await tech.post('/api/v1/auth/invitations/accept', { token, password: 'warme-zomer-avond-51' });
  await tech.post('/api/v1/auth/login', { login: email, password: 'warme-zomer-avond-51' });
  return tech;
}

describe('locations', () => {
  it('derives the region from the Belgian postcode and gets a default building', async () => {
    const cases: Array<[string, string, string | null]> = [
      ['BE', '1050', 'brussels'],
      ['BE', '1348', 'wallonia'],
      ['BE', '4000', 'wallonia'],
      ['BE', '2000', 'flanders'],
      ['BE', '8500', 'flanders'],
      ['NL', '4811', 'other'],
      ['BE', '', null],
    ];
    for (const [country, postcode, region] of cases) {
      const res = await admin.post('/api/v1/locations', {
        customerId,
        street: 'Stationsstraat',
        number: '12',
        postcode,
        city: 'X',
        country,
      });
      expect(res.statusCode).toBe(201);
      expect(res.data.region, `${country} ${postcode}`).toBe(region);
      expect(res.data.regionDerived).toBe(true);
      expect(res.data.defaultBuildingId).toBeTruthy();
    }
    const buildings = await admin.get(`/api/v1/buildings?customerId=${customerId}`);
    expect(buildings.data.items.every((b: { isDefault: boolean }) => b.isDefault)).toBe(true);
  });

  it('keeps a region given by hand, and re-derives a derived one when the postcode changes', async () => {
    const manual = await admin.post('/api/v1/locations', {
      customerId,
      postcode: '9000',
      region: 'brussels',
    });
    expect(manual.data).toMatchObject({ region: 'brussels', regionDerived: false });
    expect((await admin.patch(`/api/v1/locations/${manual.data.id}`, { postcode: '4000' })).data.region).toBe(
      'brussels',
    );
    const derived = await admin.post('/api/v1/locations', { customerId, postcode: '9000' });
    expect(
      (await admin.patch(`/api/v1/locations/${derived.data.id}`, { postcode: '1000' })).data.region,
    ).toBe('brussels');
  });

  it('never moves a location to another customer', async () => {
    const other = (await admin.post('/api/v1/customers', { name: 'Ander' })).data.id;
    const loc = await admin.post('/api/v1/locations', { customerId, postcode: '3000' });
    const move = await admin.patch(`/api/v1/locations/${loc.data.id}`, { customerId: other });
    expect(move.statusCode).toBe(422);
    expect(move.data.errors[0]).toMatchObject({ field: 'customerId', code: 'immutable' });
    expect(
      (await admin.patch(`/api/v1/locations/${loc.data.id}`, { customerId, city: 'Leuven' })).data.city,
    ).toBe('Leuven');
  });

  it('keeps contact persons and refuses bad ones with the field named', async () => {
    const loc = await admin.post('/api/v1/locations', {
      customerId,
      postcode: '8000',
      contacts: [
        { name: 'Sarah Claes', role: 'Facility manager', email: 'SARAH@aurora.be', phone: '+32 50 12 34 56' },
      ],
    });
    expect(loc.data.contacts).toEqual([
      expect.objectContaining({ name: 'Sarah Claes', email: 'sarah@aurora.be' }),
    ]);
    const bad = await admin.patch(`/api/v1/locations/${loc.data.id}`, {
      contacts: [{ name: '', email: 'nope' }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.data.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'contacts.0.email',
      'contacts.0.name',
    ]);
  });

  it('refuses an unknown customer, and deleting a customer that has locations', async () => {
    const res = await admin.post('/api/v1/locations', { customerId: '00000000-0000-4000-8000-000000000000' });
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0].field).toBe('customerId');
    const del = await admin.delete(`/api/v1/customers/${customerId}`);
    expect(del.statusCode).toBe(409);
    expect(del.data.reason).toBe('has_locations');
  });

  it('lets a technician add a location and change only their own', async () => {
    const tech = await technician();
    const mine = await tech.post('/api/v1/locations', { customerId, postcode: '2800' });
    expect(mine.statusCode).toBe(201);
    expect((await tech.patch(`/api/v1/locations/${mine.data.id}`, { city: 'Mechelen' })).statusCode).toBe(
      200,
    );
    const theirs = await admin.post('/api/v1/locations', { customerId, postcode: '2800' });
    expect((await tech.patch(`/api/v1/locations/${theirs.data.id}`, { city: 'X' })).statusCode).toBe(403);
    expect((await tech.delete(`/api/v1/locations/${mine.data.id}`)).statusCode).toBe(403);
    expect((await tech.get('/api/v1/locations?format=xlsx')).statusCode).toBe(403);
  });

  it('lists with filters and exports to .xlsx', async () => {
    const other = (await admin.post('/api/v1/customers', { name: 'Zwembad Zilverstrand' })).data.id;
    await admin.post('/api/v1/locations', {
      customerId: other,
      street: 'Strandlaan',
      postcode: '8300',
      city: 'Knokke',
    });
    const filtered = await admin.get(`/api/v1/locations?customerId=${other}`);
    expect(filtered.data.items).toHaveLength(1);
    expect(filtered.data.items[0]).toMatchObject({
      customerName: 'Zwembad Zilverstrand',
      region: 'flanders',
    });
    expect((await admin.get('/api/v1/locations?q=knokke')).data.items).toHaveLength(1);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: `/api/v1/locations?format=xlsx&customerId=${other}`,
      headers: { cookie: admin.cookie! },
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('buildings', () => {
  it('adds buildings to a location, protects the default one and non-empty ones', async () => {
    const loc = (await admin.post('/api/v1/locations', { customerId, postcode: '9000' })).data;
    const hall = await admin.post('/api/v1/buildings', {
      locationId: loc.id,
      name: 'Hal 2',
      forecastEnabled: false,
      lastEnergyInspectionOn: '2024-05-01',
    });
    expect(hall.data).toMatchObject({
      name: 'Hal 2',
      isDefault: false,
      forecastEnabled: false,
      lastEnergyInspectionOn: '2024-05-01',
    });
    expect(
      (await admin.patch(`/api/v1/buildings/${hall.data.id}`, { lastEnergyInspectionOn: '2024-02-30' }))
        .statusCode,
    ).toBe(400);
    expect((await admin.delete(`/api/v1/buildings/${loc.defaultBuildingId}`)).statusCode).toBe(409);
    expect((await admin.delete(`/api/v1/buildings/${hall.data.id}`)).statusCode).toBe(204);
  });
});

describe('labels', () => {
  it('are defined by administrators per scope and put on records by the allowed roles', async () => {
    const vip = await admin.post('/api/v1/labels', {
      scope: 'customer',
      name: 'VIP',
      colour: '#E8590C',
      settableBy: ['manager', 'administrator'],
    });
    expect(vip.statusCode).toBe(201);
    expect(vip.data.colour).toBe('#e8590c');
    const dup = await admin.post('/api/v1/labels', { scope: 'customer', name: 'vip' });
    expect(dup.data.errors[0]).toMatchObject({ field: 'name', code: 'duplicate' });
    const locLabel = await admin.post('/api/v1/labels', { scope: 'location', name: 'Moeilijke toegang' });

    const tagged = await admin.post('/api/v1/customers', {
      name: 'Belangrijke klant',
      labelIds: [vip.data.id],
    });
    expect(tagged.data.labels).toEqual([{ id: vip.data.id, name: 'VIP', colour: '#e8590c' }]);
    expect(
      (await admin.get(`/api/v1/customers?labelId=${vip.data.id}`)).data.items.map(
        (c: { id: string }) => c.id,
      ),
    ).toEqual([tagged.data.id]);
    const wrongScope = await admin.patch(`/api/v1/customers/${tagged.data.id}`, {
      labelIds: [locLabel.data.id],
    });
    expect(wrongScope.data.errors[0]).toMatchObject({ field: 'labelIds', code: 'unknown_label' });

    const tech = await technician();
    const own = await tech.post('/api/v1/customers', { name: 'Van technieker' });
    const restricted = await tech.patch(`/api/v1/customers/${own.data.id}`, { labelIds: [vip.data.id] });
    expect(restricted.statusCode).toBe(403);
    expect((await tech.post('/api/v1/labels', { scope: 'customer', name: 'Eigen' })).statusCode).toBe(403);
    expect((await tech.get('/api/v1/labels?scope=customer')).data.items).toHaveLength(1);
  });
});

describe('merging customers', () => {
  it('moves the duplicate’s locations, installations’ owner and labels over, fills gaps and removes it', async () => {
    const label = (await admin.post('/api/v1/labels', { scope: 'customer', name: 'Onderhoudscontract' }))
      .data;
    const keep = (await admin.post('/api/v1/customers', { name: 'Bakkerij Dubois' })).data;
    const duplicate = (
      await admin.post('/api/v1/customers', {
        name: 'Bakkerij Dubois bvba',
        enterpriseNumber: '0417.497.106',
        email: 'info@dubois.be',
        labelIds: [label.id],
      })
    ).data;
    const loc = (
      await admin.post('/api/v1/locations', { customerId: duplicate.id, street: 'Markt', postcode: '9000' })
    ).data;
    const inst = (await admin.post('/api/v1/installations', { locationId: loc.id, kind: 'heating' })).data;
    const wo = (
      await admin.post('/api/v1/work-orders', { installationIds: [inst.id], plannedOn: '2027-05-01' })
    ).data;
    const merged = await admin.post(`/api/v1/customers/${keep.id}/merge`, { duplicateId: duplicate.id });
    expect(merged.statusCode).toBe(200);
    expect(merged.data).toMatchObject({
      name: 'Bakkerij Dubois',
      enterpriseNumber: '0417.497.106',
      email: 'info@dubois.be',
    });
    expect(merged.data.labels.map((l: { name: string }) => l.name)).toEqual(['Onderhoudscontract']);
    expect((await admin.get(`/api/v1/locations/${loc.id}`)).data.customerId).toBe(keep.id);
    expect((await admin.get(`/api/v1/customers/${duplicate.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/installations/${inst.id}`)).data.customerId).toBe(keep.id);
    expect((await admin.get(`/api/v1/work-orders/${wo.id}`)).data.customerId).toBe(keep.id);
    const log = await admin.get(`/api/v1/audit-events?entityId=${keep.id}&action=customer.merged`);
    expect(log.data.items[0].details).toMatchObject({
      duplicateId: duplicate.id,
      movedLocations: 1,
      movedInstallations: 1,
      movedWorkOrders: 1,
    });
    expect(
      (await admin.post(`/api/v1/customers/${keep.id}/merge`, { duplicateId: keep.id })).statusCode,
    ).toBe(422);
  });
});
