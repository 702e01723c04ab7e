import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, linkToken, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, TestClient } from '../../test-support/test-client.js';
import { recomputeAllForecasts } from './forecast-recompute.js';

let t: TestApp;
let admin: TestClient;
let customerId: string;
let locationId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  customerId = (await admin.post('/api/v1/customers', { name: 'Koelhuis Noord' })).data.id;
  locationId = (await admin.post('/api/v1/locations', { customerId, postcode: '2000', city: 'Antwerpen' }))
    .data.id;
});
afterAll(async () => t.close());

const today = () => new Date().toISOString().slice(0, 10);
const addMonths = (iso: string, months: number) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const ids = (items: Array<{ installationId: string }>) => items.map((i) => i.installationId);

async function installation(body: Record<string, unknown>) {
  return (
    await admin.post('/api/v1/installations', {
      locationId,
      kind: 'refrigeration',
      hermeticallySealed: false,
      leakDetectionSystem: false,
      ...body,
    })
  ).data;
}

describe('forecast views', () => {
  it('list overdue, future and unknown checks from the stored forecasts', async () => {
    // R-404A 10 kg = 39.22 t CO2e: at least 5 and under 50 t → every 12 months.
    const overdue = await installation({ refrigerant: 'R-404A', chargeKg: 10, commissionedOn: '2020-01-01' });
    const future = await installation({
      refrigerant: 'R-410A',
      chargeKg: 5,
      commissionedOn: addMonths(today(), -2),
    });
    const unknown = await installation({ refrigerant: 'R-410A' });

    const overdueView = await admin.get(`/api/v1/forecasts?view=overdue&customerId=${customerId}`);
    expect(ids(overdueView.data.items)).toEqual([overdue.id]);
    expect(overdueView.data.items[0]).toMatchObject({
      type: 'leak_check',
      status: 'overdue',
      dueOn: '2021-01-01',
      intervalMonths: 12,
      customerName: 'Koelhuis Noord',
    });
    expect(overdueView.data.items[0].explanation).toMatch(/R-404A/);
    const french = await admin.get(`/api/v1/forecasts?view=overdue&customerId=${customerId}&lang=fr`);
    expect(french.data.items[0].explanation).not.toBe(overdueView.data.items[0].explanation);
    expect(overdueView.data.items[0].isDefaultBuilding).toBe(false);

    const futureView = await admin.get(`/api/v1/forecasts?view=future&customerId=${customerId}`);
    expect(ids(futureView.data.items)).toContain(future.id);
    expect(
      futureView.data.items.find((i: { installationId: string }) => i.installationId === future.id).dueOn,
    ).toBe(addMonths(today(), 10));

    const unknownView = await admin.get(`/api/v1/forecasts?view=unknown&customerId=${customerId}`);
    const row = unknownView.data.items.find(
      (i: { installationId: string }) => i.installationId === unknown.id,
    );
    expect(row).toMatchObject({ status: 'unknown', dueOn: null });
    expect(row.missing).toContain('chargeKg');

    const all = await admin.get(`/api/v1/forecasts?view=all&customerId=${customerId}&type=leak_check`);
    expect(ids(all.data.items)).toEqual(expect.arrayContaining([overdue.id, future.id, unknown.id]));
  });

  it('clear an overdue check only when a matching work order is executed, not when it is planned', async () => {
    const inst = await installation({ refrigerant: 'R-407C', chargeKg: 4, commissionedOn: '2019-05-05' });
    const planned = await admin.post('/api/v1/forecasts/schedule', {
      installationId: inst.id,
      type: 'leak_check',
      plannedOn: addMonths(today(), 1),
    });
    expect(planned.statusCode).toBe(201);
    expect(planned.data).toMatchObject({
      status: 'to_be_executed',
      activities: [expect.objectContaining({ type: 'leak_check', result: null })],
    });
    expect(
      ids((await admin.get(`/api/v1/forecasts?view=overdue&customerId=${customerId}&limit=200`)).data.items),
    ).toContain(inst.id);

    const noResult = await admin.patch(`/api/v1/work-orders/${planned.data.id}`, {
      status: 'executed',
      executedOn: today(),
    });
    expect(noResult.data.errors[0]).toMatchObject({ field: 'activities.0.result', code: 'required' });
    const done = await admin.patch(`/api/v1/work-orders/${planned.data.id}`, {
      status: 'executed',
      executedOn: today(),
      activities: [{ installationId: inst.id, type: 'leak_check', result: 'no_leak' }],
    });
    expect(done.statusCode).toBe(200);
    expect(
      ids((await admin.get(`/api/v1/forecasts?view=overdue&customerId=${customerId}&limit=200`)).data.items),
    ).not.toContain(inst.id);
    const next = (
      await admin.get(`/api/v1/forecasts?view=future&customerId=${customerId}&limit=200`)
    ).data.items.find((i: { installationId: string }) => i.installationId === inst.id);
    expect(next).toMatchObject({ dueOn: addMonths(today(), 12), baseKind: 'last_check' });
  });

  it('drop archived installations and follow a change of region', async () => {
    const inst = await installation({
      kind: 'heating',
      heatingFuel: 'gas',
      heatingCapacityKw: 50,
      commissionedOn: '2024-03-01',
    });
    const flemish = (
      await admin.get(
        `/api/v1/forecasts?view=all&type=heating_maintenance&customerId=${customerId}&limit=200`,
      )
    ).data.items.find((i: { installationId: string }) => i.installationId === inst.id);
    expect(flemish).toMatchObject({ intervalMonths: 24 });
    await admin.patch(`/api/v1/locations/${locationId}`, { postcode: '5000' }); // Namur: Wallonia, gas ≤ 100 kW → 3 years
    const walloon = (
      await admin.get(
        `/api/v1/forecasts?view=all&type=heating_maintenance&customerId=${customerId}&limit=200`,
      )
    ).data.items.find((i: { installationId: string }) => i.installationId === inst.id);
    expect(walloon).toMatchObject({ intervalMonths: 36 });
    await admin.patch(`/api/v1/locations/${locationId}`, { postcode: '2000' });
    await admin.post(`/api/v1/installations/${inst.id}/archive`);
    expect(
      ids((await admin.get(`/api/v1/forecasts?view=all&customerId=${customerId}&limit=200`)).data.items),
    ).not.toContain(inst.id);
  });

  it('summarise the coming 12 months for the workload chart, and export', async () => {
    const summary = await admin.get('/api/v1/forecasts/summary');
    expect(summary.data.months).toHaveLength(12);
    expect(summary.data.months[0].month).toBe(today().slice(0, 7));
    expect(summary.data.overdue).toBeGreaterThan(0);
    const xlsx = await t.app.inject({
      method: 'GET',
      url: '/api/v1/forecasts?view=overdue&format=xlsx',
      headers: { cookie: admin.cookie! },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.rowCount).toBeGreaterThan(1);
  });

  it('are recomputed by the nightly job without changing what is stored for unchanged data', async () => {
    const before = (await admin.get(`/api/v1/forecasts?view=all&customerId=${customerId}&limit=200`)).data
      .items;
    const count = await recomputeAllForecasts(t.deps);
    expect(count).toBeGreaterThan(0);
    const after = (await admin.get(`/api/v1/forecasts?view=all&customerId=${customerId}&limit=200`)).data
      .items;
    expect(after).toEqual(before);
    // Lost or outdated forecasts (a rule change) are all written again: installations and buildings,
    // and other work (requests) gets turns of the event loop meanwhile, also on the embedded database.
    await t.deps.db.query('delete from forecasts');
    let turns = 0;
    const timer = setInterval(() => (turns += 1), 0);
    expect(await recomputeAllForecasts(t.deps)).toBe(count);
    clearInterval(timer);
    expect(turns).toBeGreaterThan(0);
    const rebuilt = (await admin.get(`/api/v1/forecasts?view=all&customerId=${customerId}&limit=200`)).data
      .items;
    expect(rebuilt).toEqual(before);
    expect(before.some((f: { type: string }) => f.type === 'energy_inspection')).toBe(true);
  });

  it('page every view by due date, type and installation, each row once, whatever the page size', async () => {
    const own = (await admin.post('/api/v1/customers', { name: 'Paging Frigo' })).data.id;
    const place = (
      await admin.post('/api/v1/locations', { customerId: own, postcode: '5000', city: 'Namur' })
    ).data.id;
    // Same due dates on purpose: the order then rests on the type and the installation id.
    for (const commissionedOn of ['2019-03-01', '2019-03-01', '2019-03-01', '2020-06-01', '2024-01-01']) {
      await installation({ locationId: place, refrigerant: 'R-404A', chargeKg: 10, commissionedOn });
    }
    await installation({ locationId: place, refrigerant: 'R-404A' });
    for (const view of ['overdue', 'future', 'unknown', 'all']) {
      const whole = (await admin.get(`/api/v1/forecasts?view=${view}&customerId=${own}&limit=200`)).data
        .items;
      const key = (i: {
        dueOn: string | null;
        type: string;
        installationId: string | null;
        buildingId: string | null;
      }) => [i.dueOn ?? '9999-12-31', i.type, i.installationId ?? i.buildingId].join(' ');
      expect(whole.map(key)).toEqual([...whole.map(key)].sort());
      const paged = [];
      let cursor: string | null = null;
      do {
        const page: { data: { items: typeof whole; nextCursor: string | null } } = await admin.get(
          `/api/v1/forecasts?view=${view}&customerId=${own}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        paged.push(...page.data.items);
        cursor = page.data.nextCursor;
      } while (cursor);
      expect(paged.map(key)).toEqual(whole.map(key));
    }
    const overdue = (await admin.get(`/api/v1/forecasts?view=overdue&customerId=${own}`)).data.items;
    expect(overdue.length).toBeGreaterThanOrEqual(4);
    const tampered = Buffer.from(
      JSON.stringify(['2024-02-31', 'leak_check', overdue[0].installationId]),
    ).toString('base64url');
    expect((await admin.get(`/api/v1/forecasts?view=overdue&cursor=${tampered}`)).statusCode).toBe(400);
  });

  it('are not for technicians', async () => {
    const email = `tech.${Date.now()}@noord.be`;
    await admin.post('/api/v1/users', {
      kind: 'person',
      firstName: 'Ine',
      lastName: 'Smet',
      email,
      roles: ['technician'],
      invite: true,
    });
    const token = linkToken(await t.mails(), email, 'invitation');
    const tech = new TestClient(t.app);
    await tech.post('/api/v1/auth/invitations/accept', { token, password: 'blauwe-zee-golven-31' });
    await tech.post('/api/v1/auth/login', { login: email, password: 'blauwe-zee-golven-31' });
    expect((await tech.get('/api/v1/forecasts')).statusCode).toBe(403);
    expect((await tech.get('/api/v1/forecasts/summary')).statusCode).toBe(403);
  });
});
