import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../apps/server/src/db/database.js';
import { APP_ROLE, enterTenant } from '../apps/server/src/db/tenant-scope.js';
import { createTestApp, type TestApp } from '../apps/server/src/test-support/test-app.js';
import { TEST_DB_KIND } from '../apps/server/src/test-support/test-database.js';
import { currentTotpCode } from '../apps/server/src/security/totp.js';
import { TestClient } from '../apps/server/src/test-support/test-client.js';
import { newMarker, seedTenant, type TenantFixture } from '../apps/server/src/test-support/tenant-fixture.js';
import { tenantTables } from './support/attack-harness.js';

/**
 * Row-level security, proven below the application: as the application's role (climalog_app) with
 * tenant B's setting, SQL without any tenant filter reads none of tenant A's rows and can neither
 * change, delete, insert nor move rows into A, for every tenant table the catalogue lists.
 */
let t: TestApp;
let a: TenantFixture;
let b: TenantFixture;
let db: Database;
let tables: string[];
/** Rows per table of each tenant, counted as the database owner. */
const counts = new Map<string, { a: number; b: number }>();

const REFUSED = /row-level security|permission denied/;

/** Runs SQL as the application role with B's tenant setting; returns the rows or the error message. */
async function asB<T>(sql: string, params: unknown[] = []): Promise<{ rows?: T[]; error?: string }> {
  try {
    const rows = await db.transaction(async (tx) => {
      await enterTenant(tx, b.ids.account);
      return tx.query<T>(sql, params);
    });
    return { rows };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

/** The owner still sees every row of A, as many as before. */
async function expectRowsOfAUnchanged(): Promise<void> {
  for (const table of tables) {
    const column = table === 'tenants' ? 'id' : 'tenant_id';
    const [row] = await db.query<{ n: number }>(
      `select count(*)::int as n from "${table}" where ${column} = $1`,
      [a.ids.account],
    );
    expect(row!.n, table).toBe(counts.get(table)!.a);
  }
}

const columnsOf = async (table: string) =>
  (
    await db.query<{ name: string }>(
      `select a.attname as name from pg_attribute a where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped`,
      [`public.${table}`],
    )
  ).map((r) => r.name);

beforeAll(async () => {
  t = await createTestApp();
  db = t.deps.db;
  a = await seedTenant(t.app, newMarker('RLSA'));
  b = await seedTenant(t.app, newMarker('RLSB'));
  // Activity that fills the tables the fixture leaves empty: a portal visit, a logbook export, a send,
  // a password reset link and two-step sign-in (recovery codes).
  const portal = (await a.admin.post('/api/v1/portal/session', { code: a.secrets.portalCode })).data;
  expect(portal?.scope).toBe('location');
  await a.admin.get(`/api/v1/portal/installations/${a.ids.installation}/logbook`);
  await a.admin.get(`/api/v1/installations/${a.ids.installation}/logbook/export?format=pdf`);
  await a.admin.post(`/api/v1/work-orders/${a.ids.workOrder}/send`, { to: ['klant@example.be'] });
  await new TestClient(t.app).post('/api/v1/auth/password-reset', { email: a.email });
  const secret = (await a.admin.post('/api/v1/me/two-factor/setup')).data.secret as string;
  const enabled = await a.admin.post('/api/v1/me/two-factor/enable', {
    password: a.password,
    code: currentTotpCode(secret, t.clock.now()),
  });
  expect(enabled.statusCode).toBe(200);
  await t.mails();
  tables = [...(await tenantTables(db)), 'tenants'];
  for (const table of tables) {
    const column = table === 'tenants' ? 'id' : 'tenant_id';
    const [row] = await db.query<{ a: number; b: number }>(
      `select count(*) filter (where ${column} = $1)::int as a, count(*) filter (where ${column} = $2)::int as b from "${table}"`,
      [a.ids.account, b.ids.account],
    );
    counts.set(table, row!);
  }
});
afterAll(async () => t?.close());

describe(`row-level security as ${APP_ROLE} (${TEST_DB_KIND})`, () => {
  it('lists the tenant tables from the catalogue, and tenant A has rows in every one', () => {
    expect(tables.length).toBeGreaterThanOrEqual(20);
    const empty = tables.filter((table) => counts.get(table)!.a === 0);
    console.log(
      `RLS proof on ${TEST_DB_KIND}: ${tables.length} tenant tables; A has rows in ${tables.length - empty.length}` +
        (empty.length ? `; none in ${empty.join(', ')}` : ''),
    );
    expect(empty).toEqual([]);
  });

  it('runs as the application role, which is neither superuser nor BYPASSRLS', async () => {
    const { rows } = await asB<{ role: string; tenant: string; sup: boolean; bypass: boolean }>(
      `select current_user as role, current_setting('app.tenant_id') as tenant, r.rolsuper as sup, r.rolbypassrls as bypass
         from pg_roles r where r.rolname = current_user`,
    );
    expect(rows).toEqual([{ role: APP_ROLE, tenant: b.ids.account, sup: false, bypass: false }]);
  });

  it('reads none of A’s rows with select * and no tenant filter, yet sees B’s own', async () => {
    const problems: string[] = [];
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const { rows, error } = await asB<Record<string, unknown>>(`select * from "${table}"`);
      if (error) {
        // No access at all is as safe as none of A's rows; it must be a permission error.
        if (!REFUSED.test(error)) problems.push(`${table}: select failed oddly: ${error}`);
        continue;
      }
      const foreign = rows!.filter((r) => r[column] !== b.ids.account);
      if (foreign.length) problems.push(`${table}: B reads ${foreign.length} row(s) of another tenant`);
      // Positive control: B sees its own rows, so the query itself works.
      if (rows!.length !== counts.get(table)!.b)
        problems.push(`${table}: B sees ${rows!.length} of its ${counts.get(table)!.b} rows`);
      const direct = await asB<{ n: number }>(
        `select count(*)::int as n from "${table}" where ${column} = $1`,
        [a.ids.account],
      );
      if (direct.rows?.[0]?.n)
        problems.push(`${table}: B counts ${direct.rows[0].n} of A's rows by tenant filter`);
    }
    expect(problems).toEqual([]);
  });

  it('updates and deletes none of A’s rows, and cannot move its own rows to A', async () => {
    const problems: string[] = [];
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const attempts = [
        [`update "${table}" set ${column} = ${column} where ${column} = $1 returning 1`, [a.ids.account]],
        [`delete from "${table}" where ${column} = $1 returning 1`, [a.ids.account]],
        [`update "${table}" set ${column} = ${column} returning ${column}`, []],
      ] as const;
      for (const [sql, params] of attempts) {
        const { rows, error } = await asB<Record<string, unknown>>(sql, [...params]);
        if (error && !REFUSED.test(error)) problems.push(`${table}: ${sql}: unexpected error ${error}`);
        const foreign = (rows ?? []).filter((r) => r[column] !== b.ids.account);
        if (rows && sql.includes('$1') && rows.length)
          problems.push(`${table}: ${sql}: touched ${rows.length} of A's rows`);
        if (foreign.length) problems.push(`${table}: ${sql}: touched another tenant's rows`);
      }
      if (counts.get(table)!.b > 0) {
        const moved = await asB(`update "${table}" set ${column} = $1 returning 1`, [a.ids.account]);
        if (!moved.error || !REFUSED.test(moved.error))
          problems.push(
            `${table}: moving B's rows to A was not refused (${moved.error ?? `${moved.rows?.length} rows`})`,
          );
      }
    }
    expect(problems).toEqual([]);
    await expectRowsOfAUnchanged();
  });

  it('cannot insert rows with A’s tenant id', async () => {
    const problems: string[] = [];
    for (const table of tables) {
      const column = table === 'tenants' ? 'id' : 'tenant_id';
      const columns = await columnsOf(table);
      // A template row: one of B's own (read as the owner), with the tenant set to A and a new id.
      const [template] = await db.query<{ row: Record<string, unknown> }>(
        `select to_jsonb(x) as row from "${table}" x where ${column} = $1 limit 1`,
        [b.ids.account],
      );
      if (!template) continue;
      const row = { ...template.row, [column]: a.ids.account };
      if (table !== 'tenants' && columns.includes('id')) row.id = crypto.randomUUID();
      const { rows, error } = await asB(
        `insert into "${table}" select * from jsonb_populate_record(null::"${table}", $1::jsonb) returning 1`,
        [JSON.stringify(row)],
      );
      if (!error)
        problems.push(`${table}: inserting a row with A's tenant id succeeded (${rows?.length} rows)`);
      else if (!REFUSED.test(error))
        problems.push(`${table}: insert refused, but not by RLS or privileges: ${error}`);
    }
    expect(problems).toEqual([]);
    await expectRowsOfAUnchanged();
  });

  it('sees nothing at all as the application role without a tenant setting', async () => {
    const problems: string[] = [];
    for (const table of tables) {
      try {
        const rows = await db.transaction(async (tx) => {
          await tx.query(`set local role ${APP_ROLE}`);
          return tx.query(`select * from "${table}"`);
        });
        if (rows.length) problems.push(`${table}: ${rows.length} rows without a tenant`);
      } catch (error) {
        if (!REFUSED.test((error as Error).message)) problems.push(`${table}: ${(error as Error).message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('ties every foreign key between tenant tables to the same tenant', async () => {
    // A reference checked by a foreign key is not subject to row-level security: only a key that
    // includes tenant_id keeps B's row from pointing at A's.
    const loose = await db.query<{ name: string; table: string }>(
      `select con.conname as name, c.relname as table
         from pg_constraint con
         join pg_class c on c.oid = con.conrelid
         join pg_class f on f.oid = con.confrelid
         join pg_namespace n on n.oid = c.relnamespace
        where con.contype = 'f' and n.nspname = 'public' and f.relname <> 'tenants'
          and exists (select 1 from pg_attribute x where x.attrelid = c.oid and x.attname = 'tenant_id')
          and not exists (
            select 1 from unnest(con.conkey, con.confkey) as k(own, ref)
              join pg_attribute oa on oa.attrelid = con.conrelid and oa.attnum = k.own
              join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = k.ref
             where oa.attname = 'tenant_id' and ra.attname = 'tenant_id')`,
    );
    expect(loose).toEqual([]);
  });

  it('gives the application role access to no other table that holds tenant data', async () => {
    // Tables the application role may read but that have no tenant column must be shared reference
    // data; list them so that a new one is a conscious decision.
    const shared = await db.query<{ table: string }>(
      `select c.relname as table from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm') and c.relname <> 'tenants'
          and has_table_privilege('${APP_ROLE}', c.oid, 'select')
          and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
        order by 1`,
    );
    expect(shared.map((r) => r.table)).toEqual([]);
  });
});
