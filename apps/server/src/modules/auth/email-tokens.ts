import type { Queryable } from '../../db/database.js';
import { AppError } from '../../http/errors.js';
import { generateToken, hashToken } from '../../security/secret-tokens.js';

export type EmailTokenPurpose = 'invitation' | 'password_reset';

export const INVITATION_DAYS = 7;
export const PASSWORD_RESET_MINUTES = 60;

/** Creates a one-time link token; earlier open links of the same purpose stop working. */
export async function issueEmailToken(
  tx: Queryable,
  input: {
    tenantId: string;
    userId: string;
    purpose: EmailTokenPurpose;
    createdBy: string | null;
    now: Date;
  },
): Promise<{ token: string; expiresAt: Date }> {
  await revokeEmailTokens(tx, input.tenantId, input.userId, input.purpose, input.now);
  const token = generateToken();
  const ttlMs =
    input.purpose === 'invitation' ? INVITATION_DAYS * 86_400_000 : PASSWORD_RESET_MINUTES * 60_000;
  const expiresAt = new Date(input.now.getTime() + ttlMs);
  await tx.query(
    `insert into email_tokens (tenant_id, user_id, purpose, token_hash, created_by, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [input.tenantId, input.userId, input.purpose, hashToken(token), input.createdBy, input.now, expiresAt],
  );
  return { token, expiresAt };
}

export async function revokeEmailTokens(
  tx: Queryable,
  tenantId: string,
  userId: string,
  purpose: EmailTokenPurpose | null,
  now: Date,
): Promise<void> {
  await tx.query(
    `update email_tokens set revoked_at = $4
      where tenant_id = $1 and user_id = $2 and ($3::text is null or purpose = $3)
        and used_at is null and revoked_at is null`,
    [tenantId, userId, purpose, now],
  );
}

export type EmailTokenRecord = { id: string; tenantId: string; userId: string; expiresAt: Date };

/**
 * Finds a link token and says clearly why it no longer works: expired, already used, or replaced
 * by a newer link. An owner-role lookup: the tenant is not known until the token is.
 */
export async function findUsableEmailToken(
  db: Queryable,
  token: string,
  purpose: EmailTokenPurpose,
  now: Date,
): Promise<EmailTokenRecord> {
  const [row] = await db.query<{
    id: string;
    tenant_id: string;
    user_id: string;
    expires_at: Date;
    used_at: Date | null;
    revoked_at: Date | null;
  }>(
    'select id, tenant_id, user_id, expires_at, used_at, revoked_at from email_tokens where token_hash = $1 and purpose = $2',
    [hashToken(token), purpose],
  );
  const what = purpose === 'invitation' ? 'invitation link' : 'password reset link';
  if (!row)
    throw new AppError('not_found', `This ${what} is not valid. Check that you copied the whole link.`, {
      reason: 'invalid',
    });
  if (row.used_at) throw new AppError('gone', `This ${what} has already been used.`, { reason: 'used' });
  if (row.revoked_at)
    throw new AppError(
      'gone',
      `This ${what} was replaced by a newer one. Use the link in the latest email.`,
      { reason: 'replaced' },
    );
  if (row.expires_at.getTime() <= now.getTime()) {
    throw new AppError('gone', `This ${what} has expired. Ask for a new one.`, { reason: 'expired' });
  }
  return { id: row.id, tenantId: row.tenant_id, userId: row.user_id, expiresAt: row.expires_at };
}

/** Marks the token used; refuses a second use that raced the first. */
export async function consumeEmailToken(tx: Queryable, record: EmailTokenRecord, now: Date): Promise<void> {
  const rows = await tx.query(
    'update email_tokens set used_at = $3 where tenant_id = $1 and id = $2 and used_at is null and revoked_at is null returning id',
    [record.tenantId, record.id, now],
  );
  if (rows.length === 0) throw new AppError('gone', 'This link has already been used.', { reason: 'used' });
}
