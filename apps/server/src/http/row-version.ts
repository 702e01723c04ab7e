import { z } from 'zod';
import type { Queryable } from '../db/database.js';
import { AppError } from './errors.js';

/**
 * Row versions against lost updates. Every change to a versioned row adds one to its `version`;
 * reads return it, in the record and as the ETag. A change may say which version it was made on —
 * the body's `version` or an If-Match header — and when the server has another, nothing is
 * written and the answer is a 409 with reason version_conflict. Without either the last writer
 * wins, as before versions existed.
 */

export const versionView = z.number().int().describe('Row version: every change adds one (also the ETag)');

export const versionInput = z
  .number()
  .int()
  .positive()
  .optional()
  .describe('The version you read; a newer one on the server is a 409');

export const etag = (version: number): string => `"${version}"`;

/** `If-Match: "3"` (or W/"3") carries the version the client read. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  if (!header) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  if (!match)
    throw new AppError('bad_request', 'If-Match must be the ETag you read, e.g. "3".', {
      errors: [{ field: 'If-Match', message: 'Invalid ETag.' }],
    });
  return Number(match[1]);
}

/** The version a change was made on: the body's `version`, else the If-Match header. */
export function expectedVersion(ifMatch: string | undefined, bodyVersion: number | undefined) {
  const fromHeader = versionFromIfMatch(ifMatch);
  return bodyVersion ?? fromHeader;
}

/**
 * The conflict check. `current` must come from a row locked for this transaction (see
 * lockVersion), so two changes made on the same version cannot both pass it. `what` names the
 * record in the message: 'this customer', 'the settings'.
 */
export function assertVersion(current: number, expected: number | undefined, what: string): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(
      'conflict',
      `Someone changed ${what} meanwhile (version ${current}, you had ${expected}). Reload and apply your change again.`,
      { reason: 'version_conflict', currentVersion: current },
    );
  }
}

/**
 * A change that names no field, only perhaps the version it was made on: nothing is written, the
 * version stays (so the ETag others hold stays valid) and no change is audited.
 */
export function isEmptyPatch(patch: object): boolean {
  return Object.entries(patch).every(([key, value]) => key === 'version' || value === undefined);
}

export type VersionedTable =
  | 'customers'
  | 'locations'
  | 'buildings'
  | 'installations'
  | 'work_orders'
  | 'labels'
  | 'products'
  | 'cylinders';

/**
 * Locks a row until the transaction ends and returns its version (null when there is none). A
 * concurrent change waits here and then reads the version the first one wrote.
 */
export async function lockVersion(
  tx: Queryable,
  table: VersionedTable,
  tenantId: string,
  id: string,
): Promise<number | null> {
  const [row] = await tx.query<{ version: number }>(
    `select version from ${table} where tenant_id = $1 and id = $2 for update`,
    [tenantId, id],
  );
  return row?.version ?? null;
}
