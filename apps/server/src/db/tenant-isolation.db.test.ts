import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../modules/accounts/accounts.service.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { newCompany } from '../test-support/test-client.js';
import { APP_ROLE, enterTenant, withTenant } from './tenant-scope.js';

let t: TestApp;
let tenantA: string;
let tenantB: string;

async function makeTenant(): Promise<string> {
  const c = newCompany();
  const { accountId } = await createAccount(
    t.deps,
    {},
    {
      name: c.companyName,
      kind: 'service',
      admin: {
        firstName: c.firstName,
        lastName: c.lastName,
        email: c.email,
        password: c.password,
        language: 'nl',
      },
    },
    'operator',
  );
  return accountId;
}

beforeAll(async () => {
  t = await createTestApp();
  tenantA = await makeTenant();
  tenantB = await makeTenant();
  for (const [tenant, name] of [
    [tenantA, 'Bakkerij A'],
    [tenantB, 'Slagerij B'],
  ] as const) {
    await withTenant(t.deps.db, tenant, (tx) =>
      tx.query('insert into customers (tenant_id, name) values ($1, $2)', [tenant, name]),
    );
  }
});

afterAll(async () => t.close());

describe('row-level security', () => {
  it('shows only the current tenant’s rows to a query without any tenant filter', async () => {
    const rowsA = await withTenant(t.deps.db, tenantA, (tx) =>
      tx.query<{ tenant_id: string; name: string }>('select tenant_id, name from customers'),
    );
    const rowsB = await withTenant(t.deps.db, tenantB, (tx) =>
      tx.query<{ tenant_id: string; name: string }>('select tenant_id, name from customers'),
    );
    // Positive control: each tenant does see its own row.
    expect(rowsA.map((r) => r.name)).toEqual(['Bakkerij A']);
    expect(rowsB.map((r) => r.name)).toEqual(['Slagerij B']);
    const users = await withTenant(t.deps.db, tenantA, (tx) =>
      tx.query<{ tenant_id: string }>('select tenant_id from users'),
    );
    expect(users.length).toBeGreaterThan(0);
    expect(users.every((u) => u.tenant_id === tenantA)).toBe(true);
    const tenants = await withTenant(t.deps.db, tenantA, (tx) =>
      tx.query<{ id: string }>('select id from tenants'),
    );
    expect(tenants.map((r) => r.id)).toEqual([tenantA]);
  });

  it('sees nothing and can write nothing when no tenant is set (fails closed)', async () => {
    const rows = await t.deps.db.transaction(async (tx) => {
      await tx.query(`set local role ${APP_ROLE}`);
      return tx.query('select * from customers');
    });
    expect(rows).toEqual([]);
    await expect(
      t.deps.db.transaction(async (tx) => {
        await tx.query(`set local role ${APP_ROLE}`);
        await tx.query('insert into customers (tenant_id, name) values ($1, $2)', [tenantA, 'Sneaky']);
      }),
    ).rejects.toThrow(/row-level security/);
  });

  it('refuses to insert into or move rows to another tenant', async () => {
    await expect(
      withTenant(t.deps.db, tenantA, (tx) =>
        tx.query('insert into customers (tenant_id, name) values ($1, $2)', [tenantB, 'Intruder']),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      withTenant(t.deps.db, tenantA, (tx) => tx.query('update customers set tenant_id = $1', [tenantB])),
    ).rejects.toThrow(/row-level security/);
    const updated = await withTenant(t.deps.db, tenantA, (tx) =>
      tx.query('update customers set name = name where tenant_id = $1 returning id', [tenantB]),
    );
    expect(updated).toEqual([]);
  });

  it('cannot append to or rewrite the audit log of another tenant, nor edit its own', async () => {
    await expect(
      withTenant(t.deps.db, tenantA, (tx) =>
        tx.query('update audit_events set action = $1', ['user.viewed']),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      withTenant(t.deps.db, tenantA, (tx) => tx.query('delete from audit_events')),
    ).rejects.toThrow(/permission denied/);
  });

  it('drops the tenant and the role at the end of each transaction', async () => {
    await withTenant(t.deps.db, tenantA, async () => undefined);
    const [state] = await t.deps.db.transaction((tx) =>
      tx.query<{ tenant: string | null; role: string }>(
        `select current_setting('app.tenant_id', true) as tenant, current_user as role`,
      ),
    );
    expect(state?.tenant ?? '').toBe('');
    expect(state?.role).not.toBe(APP_ROLE);
  });

  it('switches to the unprivileged role inside a tenant scope', async () => {
    const [row] = await t.deps.db.transaction(async (tx) => {
      await enterTenant(tx, tenantA);
      return tx.query<{ role: string }>('select current_user as role');
    });
    expect(row?.role).toBe(APP_ROLE);
  });
});

describe('catalogue invariants', () => {
  it('forces row-level security on every table with a tenant column', async () => {
    const rows = await t.deps.db.query<{ table: string; rls: boolean; forced: boolean; policies: number }>(`
      select c.relname as table, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r'
         and (exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
              or c.relname = 'tenants')`);
    expect(rows.length).toBeGreaterThanOrEqual(9);
    for (const row of rows) expect(row, row.table).toMatchObject({ rls: true, forced: true });
    for (const row of rows) expect(row.policies, row.table).toBeGreaterThan(0);
  });

  it('runs tenant work as a role that is neither superuser, BYPASSRLS nor owner of anything', async () => {
    const [role] = await t.deps.db.query<{ rolsuper: boolean; rolbypassrls: boolean; owned: number }>(
      `select r.rolsuper, r.rolbypassrls,
              (select count(*)::int from pg_class c where c.relowner = r.oid) as owned
         from pg_roles r where r.rolname = $1`,
      [APP_ROLE],
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, owned: 0 });
  });

  it('gives the application role no access to instance-wide tables', async () => {
    await expect(
      withTenant(t.deps.db, tenantA, (tx) => tx.query('select * from rate_limit_buckets')),
    ).rejects.toThrow(/permission denied/);
  });

  it('has no views without security_invoker and no SECURITY DEFINER functions without a fixed search_path', async () => {
    const views = await t.deps.db.query(`
      select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('v', 'm')
         and not coalesce(c.reloptions @> array['security_invoker=true'], false)`);
    expect(views).toEqual([]);
    const definers = await t.deps.db.query(`
      select p.proname from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'public' and p.prosecdef and not coalesce(array_to_string(p.proconfig, ',') like '%search_path=%', false)`);
    expect(definers).toEqual([]);
  });
});
