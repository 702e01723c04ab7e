import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';
import { zipArchive } from '../../test-support/zip.js';

let t: TestApp;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
});
afterAll(async () => t.close());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function upload(kind: string, body: Buffer | string, type: string, filename = 'import') {
  return admin.request('POST', `/api/v1/imports?kind=${kind}&filename=${filename}`, body as never, {
    'content-type': type,
  });
}

async function runToEnd(id: string) {
  expect((await admin.post(`/api/v1/imports/${id}/start`)).statusCode).toBe(202);
  await t.deps.jobs.drain();
  return (await admin.get(`/api/v1/imports/${id}`)).data;
}

describe('imports', () => {
  it('imports customers from a Belgian semicolon CSV: preview, mapping, per-row errors, progress, summary', async () => {
    const csv = [
      'Naam;Klantnummer;Ondernemingsnummer;Taal;E-mail',
      'Bakkerij Peeters;K-001;0417.497.106;Nederlands;info@peeters.be',
      'Boulangerie Dubois;K-002;;français;contact@dubois.be',
      ';K-003;;nl;',
      'Fout Nummer BV;K-004;0417.497.107;nl;',
      '=cmd|calc;K-005;;nl;',
    ].join('\r\n');
    const created = await upload('customers', csv, 'text/csv', 'klanten.csv');
    expect(created.statusCode).toBe(201);
    expect(created.data).toMatchObject({
      kind: 'customers',
      status: 'preview',
      total: 5,
      validRows: 3,
      invalidRows: 2,
    });
    expect(created.data.mapping).toMatchObject({
      name: 0,
      customerNumber: 1,
      enterpriseNumber: 2,
      language: 3,
      email: 4,
    });
    expect(created.data.sample[1].values).toMatchObject({ name: 'Boulangerie Dubois', language: 'fr' });
    expect(created.data.rowErrors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 4, field: 'name' }),
        expect.objectContaining({ row: 5, field: 'enterpriseNumber' }),
      ]),
    );

    const done = await runToEnd(created.data.id);
    expect(done).toMatchObject({
      status: 'finished',
      progress: { processed: 5, created: 3, updated: 0, failed: 2, percent: 100 },
    });
    const list = (await admin.get('/api/v1/customers?limit=200')).data.items.map(
      (c: { name: string }) => c.name,
    );
    expect(list).toEqual(expect.arrayContaining(['Bakkerij Peeters', 'Boulangerie Dubois', '=cmd|calc']));
    expect(list).not.toContain('Fout Nummer BV');

    // Re-importing the same file updates by customer number instead of duplicating.
    const again = await upload('customers', csv.replace('info@peeters.be', 'nieuw@peeters.be'), 'text/csv');
    const second = await runToEnd(again.data.id);
    expect(second.progress).toMatchObject({ created: 0, updated: 3, failed: 2 });
    const peeters = (await admin.get('/api/v1/customers?q=Peeters')).data.items;
    expect(peeters).toHaveLength(1);
    expect(peeters[0].email).toBe('nieuw@peeters.be');
  });

  it('imports locations and installations from .xlsx, resolving references', async () => {
    const workbook = new ExcelJS.Workbook();
    const locations = workbook.addWorksheet('Locaties');
    locations.addRow(['Klantnummer', 'Straat', 'Nummer', 'Postcode', 'Gemeente', 'Referentie']);
    locations.addRow(['K-001', 'Kerkstraat', '1', '9000', 'Gent', 'LOC-1']);
    locations.addRow(['K-999', 'Nergensstraat', '2', '1000', 'Brussel', 'LOC-2']);
    const locImport = await upload('locations', Buffer.from(await workbook.xlsx.writeBuffer()), XLSX);
    expect(locImport.data.sample[1].errors[0]).toMatchObject({ field: 'customerNumber', code: 'not_found' });
    const locDone = await runToEnd(locImport.data.id);
    expect(locDone.progress).toMatchObject({ created: 1, failed: 1 });

    const wb2 = new ExcelJS.Workbook();
    const inst = wb2.addWorksheet('Installaties');
    inst.addRow([
      'Locatiereferentie',
      'Soort',
      'Merk',
      'Koelmiddel',
      'Vulling (kg)',
      'Hermetisch',
      'Ingebruikname',
      'Externe referentie',
    ]);
    inst.addRow(['LOC-1', 'airco', 'Daikin', 'R32', '2,4', 'ja', '15/03/2022', 'INST-1']);
    inst.addRow(['LOC-1', 'koeling', 'Carrier', 'R-9999', 3, 'nee', new Date('2021-01-02'), 'INST-2']);
    inst.addRow(['LOC-1', 'koeling', 'Carrier', 'R-404A', -3, 'nee', '2021-01-02', 'INST-3']);
    const instImport = await upload('installations', Buffer.from(await wb2.xlsx.writeBuffer()), XLSX);
    expect(instImport.data.sample[0].values).toMatchObject({
      kind: 'air_conditioning',
      refrigerant: 'R-32',
      chargeKg: 2.4,
      hermeticallySealed: true,
      commissionedOn: '2022-03-15',
    });
    expect(
      instImport.data.rowErrors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort(),
    ).toEqual(['3:refrigerant', '4:chargeKg']);
    const instDone = await runToEnd(instImport.data.id);
    expect(instDone.progress).toMatchObject({ created: 1, failed: 2 });
    const installations = (await admin.get('/api/v1/installations?q=Daikin')).data.items;
    expect(installations[0]).toMatchObject({
      refrigerant: 'R-32',
      chargeKg: 2.4,
      externalReference: 'INST-1',
    });
  });

  it('answers the progress polls of a large file with the same counts and sample, without validating every row again', async () => {
    const lines = ['Naam;Klantnummer;E-mail'];
    for (let i = 1; i <= 60; i++)
      lines.push(`Klant ${i};P-${i};${i % 7 === 0 ? 'geen-adres' : `k${i}@example.be`}`);
    const created = (await upload('customers', lines.join('\n'), 'text/csv')).data;
    expect(created).toMatchObject({ total: 60, validRows: 52, invalidRows: 8 });
    const again = (await admin.get(`/api/v1/imports/${created.id}`)).data;
    expect(again).toMatchObject({ total: 60, validRows: 52, invalidRows: 8 });
    expect(again.sample).toEqual(created.sample);
    expect(again.sample.map((s: { row: number }) => s.row)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 2),
    );
    expect(again.rowErrors).toEqual(created.rowErrors);
    const finished = await runToEnd(created.id);
    expect(finished.progress).toMatchObject({ processed: 60, created: 52, failed: 8 });
  });

  it('imports a file of several batches: every row stored with its audit event and its forecasts, the chain intact', async () => {
    const customer = await admin.post('/api/v1/customers', { name: 'Koelhuis Batch', customerNumber: 'B-1' });
    const location = await admin.post('/api/v1/locations', {
      customerId: customer.data.id,
      name: 'Depot',
      street: 'Havenlaan',
      number: '5',
      postcode: '2000',
      city: 'Antwerpen',
      externalReference: 'LOC-BATCH',
    });
    expect(location.statusCode).toBe(201);
    const lines = ['Locatiereferentie;Soort;Koelmiddel;Vulling (kg);Externe referentie'];
    // 230 rows: three batches; every tenth names a location that does not exist.
    for (let i = 1; i <= 230; i++)
      lines.push(`${i % 10 === 0 ? 'LOC-NONE' : 'LOC-BATCH'};koeling;R-404A;${10 + (i % 5)};BATCH-${i}`);
    const created = (await upload('installations', lines.join('\n'), 'text/csv')).data;
    const done = await runToEnd(created.id);
    expect(done).toMatchObject({
      status: 'finished',
      progress: { processed: 230, created: 207, updated: 0, failed: 23, percent: 100 },
    });
    expect(done.rowErrors).toHaveLength(23);
    expect(done.rowErrors[0]).toMatchObject({ row: 11, field: 'locationReference', code: 'not_found' });

    const [stored] = await t.deps.db.query<{ installations: number; audited: number; forecasts: number }>(
      `select count(*)::int as installations,
              (select count(*)::int from audit_events e where e.entity_id = any(array_agg(i.id)) and e.action = 'installation.created') as audited,
              (select count(distinct f.installation_id)::int from forecasts f where f.installation_id = any(array_agg(i.id)) and f.type = 'leak_check') as forecasts
         from installations i where i.external_reference like 'BATCH-%'`,
    );
    // R-404A (GWP 3922) from 10 kg: over 5 t CO2e, so each has a leak check planned.
    expect(stored).toEqual({ installations: 207, audited: 207, forecasts: 207 });
    const verified = await admin.get('/api/v1/audit-events/verify');
    expect(verified.data).toMatchObject({ intact: true });
  });

  it('lets the mapping be changed, and refuses files that are not spreadsheets', async () => {
    const created = await upload('customers', 'Kolom A,Kolom B\nAcme,123\n', 'text/csv');
    expect(created.data.mapping).toEqual({});
    expect(created.data.invalidRows).toBe(1);
    const mapped = await admin.patch(`/api/v1/imports/${created.data.id}`, {
      mapping: { name: 0, customerNumber: 1 },
    });
    expect(mapped.data.invalidRows).toBe(0);
    const wrong = await admin.patch(`/api/v1/imports/${created.data.id}`, { mapping: { colour: 0 } });
    expect(wrong.data.errors[0].field).toBe('mapping.colour');

    const binary = await upload(
      'customers',
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
      'application/octet-stream',
    );
    expect(binary.statusCode).toBe(422);
    expect(binary.data.errors[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });
    const fakeZip = await upload(
      'customers',
      Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(100)]),
      XLSX,
    );
    expect(fakeZip.data.errors[0]).toMatchObject({ field: 'file', code: 'invalid_xlsx' });
    expect((await upload('customers', 'a,b', 'application/pdf')).statusCode).toBe(415);
  });

  it('refuses a zip bomb whose headers understate what it unpacks to, before unpacking it', async () => {
    // 200 MB of spaces deflate to ~200 kB; the headers claim 400 kB, well within every limit.
    const sheet = Buffer.alloc(200 * 1024 * 1024, 0x20);
    const bomb = zipArchive([
      { name: '[Content_Types].xml', data: Buffer.from('<Types/>') },
      { name: 'xl/worksheets/sheet1.xml', data: sheet, declaredSize: 400_000 },
    ]);
    expect(bomb.length).toBeLessThan(400_000);
    const before = process.memoryUsage().rss;
    const res = await upload('customers', bomb, XLSX, 'bom.xlsx');
    expect(res.statusCode).toBe(422);
    expect(res.data.errors[0]).toMatchObject({ field: 'file', code: 'too_large_unpacked' });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    // An entry whose data is cut short, or packed with an unknown method, is no workbook.
    const truncated = Buffer.from(bomb);
    truncated.fill(0, 60, 2_000);
    expect((await upload('customers', truncated, XLSX)).data.errors[0].code).toBe('invalid_xlsx');
  });

  it('refuses a CSV with a NUL byte anywhere, and keeps NUL and half characters of workbook cells out of the preview', async () => {
    const csv = `Naam;E-mail\n${'Bakkerij Peeters;info@peeters.be\n'.repeat(30)}Nul\u0000Byte;x@y.be\n`;
    const refused = await upload('customers', csv, 'text/csv');
    expect(refused.statusCode).toBe(422);
    expect(refused.data.errors[0]).toMatchObject({ field: 'file', code: 'unsupported_type' });
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Klanten');
    sheet.addRow(['Naam', 'E-mail']);
    sheet.addRow(['Nul\u0000Byte', 'half\ud800teken@x.be']);
    const created = await upload('customers', Buffer.from(await book.xlsx.writeBuffer()), XLSX);
    expect(created.statusCode).toBe(201);
    expect(created.data.sample[0].values.name).toBe('NulByte');
  });
});
