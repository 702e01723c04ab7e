import { AsyncLocalStorage } from 'node:async_hooks';
import type { Database, Queryable, Transaction } from './database.js';
import { currentBeforeCommit } from './request-transaction.js';

/** The role tenant work runs as: no BYPASSRLS, owns no table, so row-level security always applies. */
export const APP_ROLE = 'climalog_app';

/**
 * Switches the current transaction to one tenant: the tenant id as a transaction-local setting
 * that the policies read, and the unprivileged role. Both end with the transaction, so nothing
 * leaks to the next user of a pooled connection.
 */
export async function enterTenant(tx: Queryable, tenantId: string): Promise<void> {
  await tx.query(`select set_config('app.tenant_id', $1, true), set_config('role', '${APP_ROLE}', true)`, [
    tenantId,
  ]);
}

/**
 * Work left for the end of a tenant transaction, just before its commit. Works of one `key` run
 * together, their items in the order they were left, in one call of `runAll` (the audit events of
 * a transaction are appended under one lock of the chain head and in one statement). Keys run in
 * the order they first appeared, except those marked `last`, which run after every other.
 */
export type DeferredWork<T> = {
  key: string;
  item: T;
  runAll: (items: T[]) => Promise<void>;
  last?: boolean;
};

const endOfTransaction = new WeakMap<Queryable, Array<DeferredWork<unknown>>>();

/**
 * Leaves `work` for the end of the tenant transaction `tx`. Returns false, doing nothing, when
 * `tx` is not a withTenant transaction: the caller then does the work at once.
 */
export function atEndOfTransaction<T>(tx: Queryable, work: DeferredWork<T>): boolean {
  const pending = endOfTransaction.get(tx);
  if (!pending) return false;
  pending.push(work as DeferredWork<unknown>);
  return true;
}

/**
 * Like atEndOfTransaction, but only in a batch (withTenantBatch) that is still running its rows:
 * work that a single change does at once, and a batch of a hundred rows once for all of them (the
 * forecasts of the installations it imported). Returns false when the caller must do it at once.
 */
export function atEndOfBatch<T>(tx: Queryable, work: DeferredWork<T>): boolean {
  return batchOfTransaction.get(tx)?.open === true && atEndOfTransaction(tx, work);
}

async function runEndOfTransaction(pending: Array<DeferredWork<unknown>>): Promise<void> {
  while (pending.length > 0) {
    const works = pending.splice(0);
    const groups = new Map<string, { work: DeferredWork<unknown>; items: unknown[] }>();
    for (const work of [...works.filter((w) => !w.last), ...works.filter((w) => w.last)]) {
      const group = groups.get(work.key);
      if (group) group.items.push(work.item);
      else groups.set(work.key, { work, items: [work.item] });
    }
    for (const { work, items } of groups.values()) await work.runAll(items);
  }
}

/**
 * A batch: one tenant transaction that many service calls share (an import writes a hundred rows
 * per transaction instead of one). Inside `withTenantBatch`, `withTenant` for the same database and
 * tenant joins the batch's transaction as a savepoint, so a call that fails is undone alone and
 * the batch goes on. Only what runs in the batch's own async context joins; background work is
 * started with `outsideBatch` so it never writes into someone else's open transaction.
 */
type Batch = {
  db: Database;
  tenantId: string;
  tx: Transaction;
  /** The innermost scope open now: the batch's transaction, or the savepoint of a call in it. */
  current: Transaction;
  open: boolean;
  savepoints: number;
};

const currentBatch = new AsyncLocalStorage<Batch>();
const batchOfTransaction = new WeakMap<Queryable, Batch>();

/** The open batch of `db` and `tenantId` this async context runs in, which a withTenant joins. */
function joinableBatch(db: Database, tenantId: string): Batch | undefined {
  const batch = currentBatch.getStore();
  return batch?.open && batch.db === db && batch.tenantId === tenantId ? batch : undefined;
}

/** Whether this async context runs inside an open batch of `db` and `tenantId`. */
export function inBatch(db: Database, tenantId: string): boolean {
  return joinableBatch(db, tenantId) !== undefined;
}

/** Runs `fn` outside any batch (see withTenantBatch). */
export function outsideBatch<T>(fn: () => T): T {
  return currentBatch.exit(fn);
}

export function withTenantBatch<T>(
  db: Database,
  tenantId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return outsideBatch(() =>
    withTenant(db, tenantId, async (tx) => {
      const batch: Batch = {
        db,
        tenantId,
        tx,
        current: tx,
        open: true,
        savepoints: 0,
      };
      batchOfTransaction.set(tx, batch);
      try {
        return await currentBatch.run(batch, () => fn(tx));
      } finally {
        batch.open = false;
      }
    }),
  );
}

/**
 * withTenant inside a batch: a savepoint of the batch's transaction. What the call leaves for the
 * end of the transaction, and for after its commit (a job to enqueue), is kept when the call
 * succeeds and dropped with it when it fails.
 */
async function withinBatch<T>(batch: Batch, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  const parent = batch.current;
  const afterCommit: Array<() => Promise<void> | void> = [];
  const scope: Transaction = {
    query: <R>(sql: string, params?: readonly unknown[]) => batch.tx.query<R>(sql, params),
    exec: (sql) => batch.tx.exec(sql),
    afterCommit: (callback) => afterCommit.push(callback),
  };
  const pending = endOfTransaction.get(batch.tx)!;
  endOfTransaction.set(scope, pending);
  batchOfTransaction.set(scope, batch);
  const name = `batch_${++batch.savepoints}`;
  const mark = pending.length;
  await batch.tx.query(`savepoint ${name}`);
  batch.current = scope;
  try {
    const result = await fn(scope);
    await batch.tx.query(`release savepoint ${name}`);
    for (const callback of afterCommit) parent.afterCommit(callback);
    return result;
  } catch (error) {
    await batch.tx.query(`rollback to savepoint ${name}`);
    await batch.tx.query(`release savepoint ${name}`);
    pending.splice(mark);
    throw error;
  } finally {
    batch.current = parent;
  }
}

/**
 * One transaction scoped to one tenant: the way every request touches tenant data. What the request
 * asked to be done before commit (its idempotency key's outcome) is written in the same transaction,
 * and then what was left for the end of it (the audit events: the tenant's audit chain head is then
 * the last lock any transaction takes, so two writers never wait for each other in opposite order).
 */
export function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const batch = joinableBatch(db, tenantId);
  if (batch) return withinBatch(batch, fn);
  const beforeCommit = currentBeforeCommit();
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const pending: Array<DeferredWork<unknown>> = [];
    endOfTransaction.set(tx, pending);
    const result = await fn(tx);
    if (beforeCommit) await beforeCommit(tx, result);
    await runEndOfTransaction(pending);
    endOfTransaction.delete(tx);
    return result;
  });
}
