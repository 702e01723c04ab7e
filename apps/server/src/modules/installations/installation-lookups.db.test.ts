import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../db/tenant-scope.js';
import { seedTenant, newMarker, type TenantFixture } from '../../test-support/tenant-fixture.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { evaluateInstallations, presentEvaluation } from '../forecasts/forecast-evaluation.js';
import { labelsOf } from '../labels/label-assignments.js';
import { attachmentsOf } from './attachments.service.js';
import { lookupsOf } from './installation-lookups.js';
import { componentsOf, listInstallations, type InstallationRow } from './installations.repository.js';

let t: TestApp;
let tenant: TenantFixture;

const ok = <T extends { statusCode: number; data: any }>(res: T): T['data'] => {
  expect(res.statusCode, JSON.stringify(res.data)).toBeLessThan(300);
  return res.data;
};

beforeAll(async () => {
  t = await createTestApp();
  tenant = await seedTenant(t.app, newMarker('Opzoek'));
  const c = tenant.admin;
  const { ids } = tenant;
  // A second installation in another region, with two components, two labels, two attachments
  // and a leak history (found, topped up, repaired), beside the fixture's one.
  const location = ok(
    await c.post('/api/v1/locations', {
      customerId: ids.customer2,
      street: 'Rue de la Loi',
      number: '16',
      postcode: '4000',
      city: 'Liège',
    }),
  );
  const second = ok(
    await c.post('/api/v1/installations', {
      locationId: location.id,
      kind: 'refrigeration',
      refrigerant: 'R-404A',
      chargeKg: 30,
      hermeticallySealed: false,
      leakDetectionSystem: false,
      coolingCapacityKw: 20,
      comfortCooling: false,
      commissionedOn: '2019-03-01',
      labelIds: [ids.installationLabel],
    }),
  );
  const other = ok(await c.post('/api/v1/labels', { scope: 'installation', name: 'Aandacht' }));
  ok(await c.patch(`/api/v1/installations/${second.id}`, { labelIds: [ids.installationLabel, other.id] }));
  for (const kind of ['condenser', 'compressor'])
    ok(await c.post(`/api/v1/installations/${second.id}/components`, { kind, brand: `Merk ${kind}` }));
  for (const name of ['a.pdf', 'b.pdf'])
    ok(
      await c.request(
        'POST',
        `/api/v1/installations/${second.id}/attachments?filename=${name}`,
        `%PDF-1.4\n% ${name}\n%%EOF` as never,
        { 'content-type': 'application/pdf' },
      ),
    );
  for (const [executedOn, activities] of [
    [
      '2025-05-02',
      [
        { type: 'leak_check', result: 'leak_found', method: 'direct' },
        { type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 1.25 },
      ],
    ],
    ['2025-05-09', [{ type: 'leak_check', result: 'no_leak', method: 'direct' }]],
    ['2026-02-03', [{ type: 'refrigerant_added', refrigerant: 'R-404A', quantityKg: 0.7 }]],
  ] as const)
    ok(
      await c.post('/api/v1/work-orders', {
        installationIds: [second.id],
        status: 'executed',
        executedOn,
        executorId: ids.person,
        activities: activities.map((a) => ({ ...a, installationId: second.id })),
      }),
    );
  // Stored times with microseconds: the view shows milliseconds, truncated as the driver's Date does.
  await t.deps.db.query(
    `update attachments set created_at = created_at + interval '0.029999 seconds' where installation_id = $1`,
    [second.id],
  );
});
afterAll(async () => t.close());

describe('installation lookups', () => {
  it('give each installation of a page what the separate lookups and the evaluation gave', async () => {
    const list = ok(await tenant.admin.get('/api/v1/installations?limit=50')).items;
    expect(list).toHaveLength(2);
    const tenantId = tenant.ids.account;
    const today = t.deps.now().toISOString().slice(0, 10);
    const expected = await withTenant(t.deps.db, tenantId, async (tx) => {
      const rows: InstallationRow[] = await listInstallations(tx, tenantId, {
        archived: 'false',
        sort: '-createdAt',
        limit: 50,
      });
      const ids = rows.map((r) => r.id);
      const labels = await labelsOf(tx, tenantId, ids);
      const components = await componentsOf(tx, tenantId, ids);
      const attachments = await attachmentsOf(tx, tenantId, ids);
      const evaluations = await evaluateInstallations(tx, tenantId, rows, today, 'nl');
      const lookups = await lookupsOf(tx, tenantId, rows);
      expect([...lookups.keys()]).toEqual(ids);
      return rows.map((r) => ({
        id: r.id,
        labels: labels.get(r.id) ?? [],
        components: (components.get(r.id) ?? []).map(({ installation_id: _, ...c }) => c),
        attachments: attachments.get(r.id) ?? [],
        lookedUp: lookups.get(r.id)!,
        ...presentEvaluation(evaluations.get(r.id)!),
      }));
    });
    for (const [i, e] of expected.entries()) {
      expect(e.lookedUp.labels).toEqual(e.labels);
      expect(e.lookedUp.components).toEqual(e.components);
      expect(e.lookedUp.attachments).toEqual(e.attachments);
      const item = list[i];
      expect(item.id).toBe(e.id);
      expect(item.labels).toEqual(e.labels);
      expect(item.attachments).toEqual(e.attachments);
      expect(item.forecast).toEqual(e.forecast);
      expect(item.leakLoss).toEqual(e.leakLoss);
    }
    const second = expected.find((e) => e.labels.length === 2)!;
    expect(second.components).toHaveLength(2);
    expect(second.attachments).toHaveLength(2);
    expect(second.attachments[0]!.createdAt).toMatch(/\.\d{3}Z$/);
    expect(second.leakLoss).not.toBeNull();
    expect(second.forecast.leakCheck).toMatchObject({ status: expect.any(String) });
  });

  it('make the list show each installation as its own page does', async () => {
    const list = ok(await tenant.admin.get('/api/v1/installations?limit=50')).items;
    for (const item of list)
      expect(item).toEqual(ok(await tenant.admin.get(`/api/v1/installations/${item.id}`)));
  });
});
