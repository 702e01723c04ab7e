import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';

let t: TestApp;
let admin: TestClient;
let companyName: string;
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

beforeAll(async () => {
  t = await createTestApp();
  const signed = await signUpCompany(t.app);
  admin = signed.client;
  companyName = signed.company.companyName;
});
afterAll(async () => t.close());

describe('settings', () => {
  it('start from the account and sensible defaults', async () => {
    const res = await admin.get('/api/v1/settings');
    expect(res.data).toMatchObject({
      companyName,
      country: 'BE',
      bccAddresses: [],
      noteTemplates: [],
      logo: null,
      defaults: { buildingForecastsEnabled: true },
    });
  });

  it('keep company information, certificates, BCC addresses and templates (new templates get ids)', async () => {
    const res = await admin.patch('/api/v1/settings', {
      street: 'Industrieweg',
      number: '7',
      postcode: '9000',
      city: 'Gent',
      vatNumber: 'BE 0417.497.106',
      certificates: [{ kind: 'F-gassen gecertificeerd bedrijf', number: 'VLG-2023-0042' }],
      bccAddresses: ['Archief@Koeling.be'],
      noteTemplates: [{ language: 'nl', name: 'Lektest OK', body: 'Geen lekken gevonden.' }],
      emailTemplates: [
        {
          language: 'fr',
          name: 'Bon',
          subject: 'Bon de travail {workOrderNumber}',
          body: 'Bonjour {customerName}',
        },
      ],
      logo: PNG,
    });
    expect(res.statusCode).toBe(200);
    expect(res.data).toMatchObject({
      vatNumber: 'BE0417497106',
      bccAddresses: ['archief@koeling.be'],
      logo: PNG,
    });
    expect(res.data.noteTemplates[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await admin.patch('/api/v1/settings', {
      noteTemplates: [...res.data.noteTemplates, { language: 'fr', name: 'Test', body: 'x' }],
    });
    expect(again.data.noteTemplates[0].id).toBe(res.data.noteTemplates[0].id);
    expect(again.data.logo).toBe(PNG);
    expect(again.data.emailTemplates).toHaveLength(1);
  });

  it('refuse bad input with the field named, and a logo that is not the image it claims', async () => {
    const bad = await admin.patch('/api/v1/settings', { bccAddresses: ['nope'], country: 'Belgium' });
    expect(bad.data.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'bccAddresses.0',
      'country',
    ]);
    const fake = await admin.patch('/api/v1/settings', { logo: 'data:image/png;base64,PHN2Zz48L3N2Zz4=' });
    expect(fake.data.errors[0]).toMatchObject({ field: 'logo', code: 'content_mismatch' });
  });

  it('apply the default building forecast switch to new locations', async () => {
    await admin.patch('/api/v1/settings', { defaults: { buildingForecastsEnabled: false } });
    const customerId = (await admin.post('/api/v1/customers', { name: 'X' })).data.id;
    const loc = (await admin.post('/api/v1/locations', { customerId })).data;
    expect((await admin.get(`/api/v1/buildings/${loc.defaultBuildingId}`)).data.forecastEnabled).toBe(false);
  });
});
