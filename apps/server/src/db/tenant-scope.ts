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
 * One transaction scoped to one tenant: the way every request touches tenant data. What the request
 * asked to be done before commit (its idempotency key's outcome) is written in the same transaction.
 */
export function withTenant<T>(
  db: Database,
  tenantId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  const beforeCommit = currentBeforeCommit();
  return db.transaction(async (tx) => {
    await enterTenant(tx, tenantId);
    const result = await fn(tx);
    if (beforeCommit) await beforeCommit(tx, result);
    return result;
  });
}
