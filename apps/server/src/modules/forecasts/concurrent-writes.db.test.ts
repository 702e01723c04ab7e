import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';

/**
 * Concurrent writers on the same installation and building (on PostgreSQL they really run at the
 * same time; found by the crash suite, quality/crash.quality.test.ts): each one recomputes the
 * stored forecasts and appends to the audit chain. Before, two such transactions failed on the
 * forecasts' unique index or deadlocked on the audit chain head (HTTP 500).
 */
let t: TestApp;
let admin: TestClient;
let locationId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = (await signUpCompany(t.app)).client;
  const customerId = (await admin.post('/api/v1/customers', { name: 'Koelhuis Zuid' })).data.id;
  locationId = (await admin.post('/api/v1/locations', { customerId, postcode: '9000', city: 'Gent' })).data
    .id;
});
afterAll(async () => t.close());

const installationBody = (reference: string) => ({
  locationId,
  reference,
  kind: 'refrigeration',
  refrigerant: 'R-404A',
  chargeKg: 10,
  hermeticallySealed: false,
  leakDetectionSystem: false,
  commissionedOn: '2020-01-01',
});

describe('concurrent writes on one installation and building', () => {
  it('all succeed, and the stored forecast counts every one of them', async () => {
    const installation = (await admin.post('/api/v1/installations', installationBody('Cel 1'))).data;
    const days = Array.from({ length: 12 }, (_, i) => `2026-0${1 + (i % 9)}-1${i % 10}`);
    const results = await Promise.all([
      ...days.map((executedOn) =>
        admin.post('/api/v1/work-orders', {
          installationIds: [installation.id],
          status: 'executed',
          executedOn,
          activities: [
            { installationId: installation.id, type: 'leak_check', result: 'no_leak', method: 'direct' },
          ],
        }),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        admin.post('/api/v1/installations', installationBody(`Cel ${i + 2}`)),
      ),
    ]);
    expect(results.map((r) => r.statusCode).filter((s) => s !== 201)).toEqual([]);
    const forecasts = await admin.get(`/api/v1/forecasts?view=all&locationId=${locationId}&limit=100`);
    const leakCheck = forecasts.data.items.find(
      (f: { installationId: string; type: string }) =>
        f.installationId === installation.id && f.type === 'leak_check',
    );
    expect(leakCheck.baseDate).toBe([...days].sort().at(-1));
    expect((await admin.get('/api/v1/audit-events/verify')).data.intact).toBe(true);
  });
});
