import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany } from '../../test-support/test-client.js';
import { listInstallations } from '../installations/installations.repository.js';
import { listWorkOrders } from './work-orders.repository.js';

let t: TestApp;
let tenantId: string;
beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await signUpCompany(t.app)).session.account.id;
});
afterAll(async () => t.close());

/** The plan PostgreSQL makes for what `run` sends, as text. */
async function planOf(run: (tx: Queryable) => Promise<unknown>): Promise<string> {
  let plan = '';
  await withTenant(t.deps.db, tenantId, async (tx) => {
    await run({
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`, params);
        plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        return [] as T[];
      },
    });
  });
  return plan;
}

const ID = '00000000-0000-4000-8000-000000000001';

// An `exists` behind "$n is null or …" is not turned into a join: it runs once for every row of
// the account (an installation's logbook read all 60,000 work orders of a seeded account).
describe('list filters are joins, not a subquery per row', () => {
  it('the logbook (work orders of one installation), by location and by label', async () => {
    for (const filter of [{ installationId: ID }, { locationId: ID }, { labelId: ID }]) {
      const plan = await planOf((tx) => listWorkOrders(tx, tenantId, { ...filter, limit: 50 }));
      expect(plan).not.toMatch(/SubPlan/);
    }
  });

  it('installations by label', async () => {
    const plan = await planOf((tx) =>
      listInstallations(tx, tenantId, { labelId: ID, archived: 'false', sort: '-createdAt', limit: 51 }),
    );
    expect(plan).not.toMatch(/SubPlan/);
  });
});
