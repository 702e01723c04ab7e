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

const endOfTransaction = new WeakMap<Queryable, Array<() => Promise<void>>>();

/**
 * Runs `work` at the end of the tenant transaction `tx` (after its callback, just before the
 * commit), in the order asked. Returns false, doing nothing, when `tx` is not a withTenant
 * transaction: the caller then does the work at once.
 */
export function atEndOfTransaction(tx: Queryable, work: () => Promise<void>): boolean {
  const pending = endOfTransaction.get(tx);
  if (!pending) return false;
  pending.push(work);
  return true;
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
  const beforeCommit = currentBeforeCommit();
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const pending: Array<() => Promise<void>> = [];
    endOfTransaction.set(tx, pending);
    const result = await fn(tx);
    if (beforeCommit) await beforeCommit(tx, result);
    for (const work of pending.splice(0)) await work();
    endOfTransaction.delete(tx);
    return result;
  });
}
