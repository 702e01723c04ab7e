import type { AppDeps } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { generateHumanCode, normalizeHumanCode } from '../../security/human-codes.js';
import { SecretBox } from '../../security/secret-box.js';
import { hashToken } from '../../security/secret-tokens.js';
import { matchTotp } from '../../security/totp.js';

export const RECOVERY_CODE_COUNT = 10;

export const totpBox = (deps: Pick<AppDeps, 'config'>) => new SecretBox(deps.config.appSecret, 'totp');

/**
 * Checks a TOTP code (refusing a time step that was already used) or burns one recovery code.
 * Email codes are deliberately not a second factor.
 */
export async function verifySecondFactor(
  tx: Queryable,
  deps: Pick<AppDeps, 'config'>,
  tenantId: string,
  userId: string,
  input: { code?: string | undefined; recoveryCode?: string | undefined },
  now: Date,
): Promise<{ ok: true; method: 'totp' | 'recovery_code' } | { ok: false }> {
  if (input.recoveryCode) {
    const rows = await tx.query(
      `update recovery_codes set used_at = $4
        where tenant_id = $1 and user_id = $2 and code_hash = $3 and used_at is null returning id`,
      [tenantId, userId, hashToken(normalizeHumanCode(input.recoveryCode)), now],
    );
    return rows.length > 0 ? { ok: true, method: 'recovery_code' } : { ok: false };
  }
  if (!input.code) return { ok: false };
  const [user] = await tx.query<{
    totp_secret_encrypted: string | null;
    totp_last_step: number | null;
    totp_enabled_at: Date | null;
  }>(
    'select totp_secret_encrypted, totp_last_step, totp_enabled_at from users where tenant_id = $1 and id = $2 for update',
    [tenantId, userId],
  );
  if (!user?.totp_secret_encrypted || !user.totp_enabled_at) return { ok: false };
  const step = matchTotp(totpBox(deps).open(user.totp_secret_encrypted), input.code, now);
  if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) return { ok: false };
  await tx.query('update users set totp_last_step = $3 where tenant_id = $1 and id = $2', [
    tenantId,
    userId,
    step,
  ]);
  return { ok: true, method: 'totp' };
}

/** Replaces a user's recovery codes; returns the new ones, which are shown once. */
export async function replaceRecoveryCodes(
  tx: Queryable,
  tenantId: string,
  userId: string,
  now: Date,
): Promise<string[]> {
  await tx.query('delete from recovery_codes where tenant_id = $1 and user_id = $2', [tenantId, userId]);
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => generateHumanCode(3, 4));
  for (const code of codes) {
    await tx.query(
      'insert into recovery_codes (tenant_id, user_id, code_hash, created_at) values ($1, $2, $3, $4)',
      [tenantId, userId, hashToken(normalizeHumanCode(code)), now],
    );
  }
  return codes;
}
