import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../../test-support/test-client.js';
import { INTERRUPTED_AFTER_MS, resumeInterruptedImports, runImport } from './import-runner.js';

let t: TestApp;
let admin: TestClient;
let tenantId: string;

beforeAll(async () => {
  t = await createTestApp();
  const signedUp = await signUpCompany(t.app);
  admin = signedUp.client;
  tenantId = signedUp.session.account.id;
});
afterAll(async () => t.close());

/** Uploads `count` customers (numbers `prefix-1` …) as a CSV and starts the import; returns its id. */
async function startCustomersImport(prefix: string, count: number): Promise<string> {
  const lines = ['Naam;Klantnummer'];
  for (let i = 1; i <= count; i++) lines.push(`Klant ${prefix} ${i};${prefix}-${i}`);
  const created = await admin.request(
    'POST',
    '/api/v1/imports?kind=customers&filename=k.csv',
    lines.join('\n') as never,
    {
      'content-type': 'text/csv',
    },
  );
  expect(created.statusCode).toBe(201);
  expect((await admin.post(`/api/v1/imports/${created.data.id}/start`)).statusCode).toBe(202);
  return created.data.id as string;
}

async function storedCustomers(prefix: string) {
  const [row] = await t.deps.db.query<{ customers: number; numbers: number }>(
    `select count(*)::int as customers, count(distinct customer_number)::int as numbers
       from customers where tenant_id = $1 and customer_number like $2`,
    [tenantId, `${prefix}-%`],
  );
  return row;
}

describe('import runs', () => {
  it('takes an interrupted run up again from its last committed batch, without a row twice', async () => {
    const id = await startCustomersImport('ONDERBROKEN', 250);
    // A runner that commits its first batch and then never again, like a process killed there.
    let release!: () => void;
    const stopped = new Promise<void>((resolve) => (release = resolve));
    let batches = 0;
    const dying = runImport(t.deps, tenantId, id, async () => {
      batches++;
      await stopped;
    });
    await expect.poll(() => batches).toBe(1);
    const halfway = (await admin.get(`/api/v1/imports/${id}`)).data;
    expect(halfway.status).toBe('running');
    const committed = halfway.progress.processed as number;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(250);
    expect(await storedCustomers('ONDERBROKEN')).toEqual({ customers: committed, numbers: committed });

    // Not yet silent for long enough: nothing is taken up.
    expect(await resumeInterruptedImports(t.deps)).toBe(0);
    t.clock.advance(INTERRUPTED_AFTER_MS + 1000);
    expect(await resumeInterruptedImports(t.deps)).toBe(1);
    await t.deps.jobs.drain();
    const done = (await admin.get(`/api/v1/imports/${id}`)).data;
    expect(done).toMatchObject({
      status: 'finished',
      progress: { processed: 250, created: 250, updated: 0, failed: 0 },
    });
    expect(await storedCustomers('ONDERBROKEN')).toEqual({ customers: 250, numbers: 250 });

    // The old runner wakes up: the import is no longer its own, so it stops without writing anything.
    release();
    await dying;
    expect(await storedCustomers('ONDERBROKEN')).toEqual({ customers: 250, numbers: 250 });
    expect((await admin.get(`/api/v1/imports/${id}`)).data.progress.processed).toBe(250);
  });

  it('fails an import whose starter is gone, with the reason, and does not take it up again', async () => {
    const id = await startCustomersImport('VERTROKKEN', 5);
    // As if the manager who started it was removed before it ran.
    await t.deps.db.query('update imports set created_by = gen_random_uuid() where id = $1', [id]);
    await t.deps.jobs.drain();
    const failed = (await admin.get(`/api/v1/imports/${id}`)).data;
    expect(failed).toMatchObject({ status: 'failed', progress: { processed: 0 } });
    expect(failed.failure).toMatch(/no longer exists/);
    t.clock.advance(INTERRUPTED_AFTER_MS + 1000);
    expect(await resumeInterruptedImports(t.deps)).toBe(0);
    expect(await storedCustomers('VERTROKKEN')).toEqual({ customers: 0, numbers: 0 });
  });

  it('sends a queued import whose job was lost again, and runs it once however many jobs it has', async () => {
    const id = await startCustomersImport('VERLOREN', 30);
    t.clock.advance(INTERRUPTED_AFTER_MS + 1000);
    // Its job is still there (not lost here), so after the resume it has two: the claim lets one run it.
    expect(await resumeInterruptedImports(t.deps)).toBe(1);
    await t.deps.jobs.drain();
    expect((await admin.get(`/api/v1/imports/${id}`)).data).toMatchObject({
      status: 'finished',
      progress: { processed: 30, created: 30 },
    });
    expect(await storedCustomers('VERLOREN')).toEqual({ customers: 30, numbers: 30 });
    const [finished] = await t.deps.db.query<{ n: number }>(
      `select count(*)::int as n from audit_events where tenant_id = $1 and entity_id = $2 and action = 'import.finished'`,
      [tenantId, id],
    );
    expect(finished!.n).toBe(1);
  });
});
