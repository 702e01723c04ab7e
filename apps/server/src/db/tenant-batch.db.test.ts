import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceContext } from '../context.js';
import { audit } from '../modules/audit/audit-recorder.js';
import { principalOf } from '../modules/users/principal-of.js';
import { createTestApp, type TestApp } from '../test-support/test-app.js';
import { signUpCompany, type TestClient } from '../test-support/test-client.js';
import { atEndOfBatch, inBatch, outsideBatch, withTenant, withTenantBatch } from './tenant-scope.js';

let t: TestApp;
let admin: TestClient;
let ctx: ServiceContext;

beforeAll(async () => {
  t = await createTestApp();
  const signedUp = await signUpCompany(t.app);
  admin = signedUp.client;
  const tenantId = signedUp.session.account.id;
  ctx = {
    tenantId,
    principal: await principalOf(t.deps, tenantId, signedUp.session.user.id),
    requestId: 'batch-test',
    ip: null,
    userAgent: 'test',
  };
});
afterAll(async () => t.close());

/** Adds a customer and its audit event the way a service does: in a tenant transaction of its own. */
function addCustomer(name: string, fail = false) {
  return withTenant(t.deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<{ id: string }>(
      'insert into customers (tenant_id, name) values ($1, $2) returning id',
      [ctx.tenantId, name],
    );
    await audit(tx, ctx, { action: 'customer.created', entityType: 'customer', entityId: row!.id });
    if (fail) throw new Error(`${name} fails after writing`);
    return row!.id;
  });
}

async function customerNames(prefix: string) {
  const rows = await withTenant(t.deps.db, ctx.tenantId, (tx) =>
    tx.query<{ name: string }>('select name from customers where name like $1 order by name', [`${prefix}%`]),
  );
  return rows.map((r) => r.name);
}

async function auditedCustomers(prefix: string) {
  const rows = await withTenant(t.deps.db, ctx.tenantId, (tx) =>
    tx.query<{ n: number }>(
      `select count(*)::int as n from audit_events e join customers c on c.tenant_id = e.tenant_id and c.id = e.entity_id
        where e.tenant_id = $1 and e.action = 'customer.created' and c.name like $2`,
      [ctx.tenantId, `${prefix}%`],
    ),
  );
  return rows[0]!.n;
}

describe('tenant batches', () => {
  it('runs the tenant transactions inside a batch as savepoints: a failing one is undone alone, with its audit event', async () => {
    const outcomes = await withTenantBatch(t.deps.db, ctx.tenantId, async () => {
      expect(inBatch(t.deps.db, ctx.tenantId)).toBe(true);
      const results: string[] = [];
      for (const [name, fail] of [
        ['Batch A1', false],
        ['Batch A2', true],
        ['Batch A3', false],
      ] as const) {
        try {
          await addCustomer(name, fail);
          results.push('ok');
        } catch {
          results.push('undone');
        }
      }
      return results;
    });
    expect(outcomes).toEqual(['ok', 'undone', 'ok']);
    expect(await customerNames('Batch A')).toEqual(['Batch A1', 'Batch A3']);
    expect(await auditedCustomers('Batch A')).toBe(2);
    // The events of the batch were appended together, and the chain still verifies.
    const verified = await admin.get('/api/v1/audit-events/verify');
    expect(verified.data).toMatchObject({ intact: true, brokenAtSeq: null });
  });

  it('undoes the whole batch when its own work fails', async () => {
    await expect(
      withTenantBatch(t.deps.db, ctx.tenantId, async () => {
        await addCustomer('Batch B1');
        await addCustomer('Batch B2');
        throw new Error('the batch fails');
      }),
    ).rejects.toThrow('the batch fails');
    expect(await customerNames('Batch B')).toEqual([]);
    expect(await auditedCustomers('Batch B')).toBe(0);
  });

  it('defers work left with atEndOfBatch to the end of the batch, once for all its items, and only in a batch', async () => {
    const calls: string[][] = [];
    const runAll = async (items: string[]) => {
      calls.push(items);
    };
    const atOnce = await withTenant(t.deps.db, ctx.tenantId, async (tx) =>
      atEndOfBatch(tx, { key: 'test', item: 'alone', runAll }),
    );
    expect(atOnce).toBe(false);

    await withTenantBatch(t.deps.db, ctx.tenantId, async () => {
      for (const item of ['one', 'two', 'three']) {
        await withTenant(t.deps.db, ctx.tenantId, async (tx) => {
          expect(atEndOfBatch(tx, { key: 'test', item, runAll })).toBe(true);
          // Left by a part that then fails: dropped with it.
          if (item === 'two') throw new Error('undone');
        }).catch(() => undefined);
      }
      expect(calls).toEqual([]);
    });
    expect(calls).toEqual([['one', 'three']]);
  });

  it('runs the after-commit work of a part that succeeded after the batch commits, and drops a failed part’s', async () => {
    const ran: string[] = [];
    await withTenantBatch(t.deps.db, ctx.tenantId, async () => {
      await withTenant(t.deps.db, ctx.tenantId, async (tx) => {
        tx.afterCommit(() => void ran.push('kept'));
        // A part inside a part that fails afterwards: undone with it, its follow-up too.
        await withTenant(t.deps.db, ctx.tenantId, async (inner) => {
          inner.afterCommit(() => void ran.push('inner kept'));
        });
      });
      await withTenant(t.deps.db, ctx.tenantId, async (tx) => {
        await withTenant(t.deps.db, ctx.tenantId, async (inner) => {
          inner.afterCommit(() => void ran.push('inner of failed'));
        });
        tx.afterCommit(() => void ran.push('failed'));
        throw new Error('undone');
      }).catch(() => undefined);
      expect(ran).toEqual([]);
    });
    expect(ran).toEqual(['kept', 'inner kept']);
  });

  it('leaves work started with outsideBatch out of the batch, and ends the batch with its transaction', async () => {
    let later: (() => boolean) | undefined;
    await withTenantBatch(t.deps.db, ctx.tenantId, async () => {
      expect(outsideBatch(() => inBatch(t.deps.db, ctx.tenantId))).toBe(false);
      expect(inBatch(t.deps.db, 'another-tenant')).toBe(false);
      later = () => inBatch(t.deps.db, ctx.tenantId);
    });
    // A callback created in the batch's context and run after it: the batch is over.
    expect(later!()).toBe(false);
    await addCustomer('Batch C1');
    expect(await customerNames('Batch C')).toEqual(['Batch C1']);
  });
});
