import type { Language, Role } from '../../context.js';
import type { Queryable } from '../../db/database.js';

export type UserKind = 'person' | 'system';
export type UserStatus = 'active' | 'invited' | 'no_sign_in' | 'deactivated';

export type UserRow = {
  id: string;
  tenant_id: string;
  kind: UserKind;
  first_name: string;
  last_name: string;
  display_name: string;
  email: string | null;
  language: Language;
  roles: Role[];
  sign_in_enabled: boolean;
  password_hash: string | null;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  deactivated_at: Date | null;
  certificate_number: string | null;
  created_at: Date;
  updated_at: Date;
  invitation_expires_at?: Date | null;
};

export const USER_COLUMNS = `u.id, u.tenant_id, u.kind, u.first_name, u.last_name, u.display_name, u.email, u.language,
  u.roles, u.sign_in_enabled, u.password_hash, u.totp_secret_encrypted, u.totp_enabled_at, u.totp_last_step,
  u.deactivated_at, u.certificate_number, u.created_at, u.updated_at`;

// The newest open invitation, for the "invited" status and its expiry.
const INVITATION_JOIN = `left join lateral (
    select t.expires_at from email_tokens t
     where t.tenant_id = u.tenant_id and t.user_id = u.id and t.purpose = 'invitation'
       and t.used_at is null and t.revoked_at is null
     order by t.created_at desc limit 1) inv on true`;

export function statusOf(row: UserRow): UserStatus {
  if (row.deactivated_at) return 'deactivated';
  if (row.kind === 'system') return 'active';
  if (!row.sign_in_enabled) return 'no_sign_in';
  return row.password_hash ? 'active' : 'invited';
}

export function displayNameOf(
  row: Pick<UserRow, 'kind' | 'first_name' | 'last_name' | 'display_name' | 'email'>,
) {
  if (row.kind === 'system') return row.display_name;
  return `${row.first_name} ${row.last_name}`.trim() || row.email || '';
}

export async function findUser(tx: Queryable, tenantId: string, id: string): Promise<UserRow | null> {
  const [row] = await tx.query<UserRow>(
    `select ${USER_COLUMNS}, inv.expires_at as invitation_expires_at
       from users u ${INVITATION_JOIN} where u.tenant_id = $1 and u.id = $2`,
    [tenantId, id],
  );
  return row ?? null;
}

export type UserListFilter = {
  kind?: UserKind;
  status?: UserStatus;
  role?: Role;
  q?: string;
  after?: readonly [string, string] | undefined;
  limit: number;
};

/** Sorted by name (then id), paged by keyset on the same. */
export async function listUsers(tx: Queryable, tenantId: string, filter: UserListFilter) {
  const sortKey = `lower(case when u.kind = 'system' then u.display_name else u.last_name || ' ' || u.first_name end)`;
  const rows = await tx.query<UserRow & { sort_key: string }>(
    `select ${USER_COLUMNS}, inv.expires_at as invitation_expires_at, ${sortKey} as sort_key
       from users u ${INVITATION_JOIN}
      where u.tenant_id = $1
        and ($2::text is null or u.kind = $2)
        and ($3::text is null or $3 = any(u.roles))
        and ($4::text is null or ${sortKey} like '%' || $4 || '%' or lower(coalesce(u.email, '')) like '%' || $4 || '%')
        and ($5::text is null or (${sortKey}, u.id::text) > ($5, $6))
        and (
          $7::text is null
          or ($7 = 'deactivated' and u.deactivated_at is not null)
          or ($7 = 'active' and u.deactivated_at is null and (u.kind = 'system' or (u.sign_in_enabled and u.password_hash is not null)))
          or ($7 = 'invited' and u.deactivated_at is null and u.kind = 'person' and u.sign_in_enabled and u.password_hash is null)
          or ($7 = 'no_sign_in' and u.deactivated_at is null and u.kind = 'person' and not u.sign_in_enabled)
        )
      order by ${sortKey}, u.id::text
      limit $8`,
    [
      tenantId,
      filter.kind ?? null,
      filter.role ?? null,
      filter.q ? escapeLike(filter.q.toLowerCase()) : null,
      filter.after?.[0] ?? null,
      filter.after?.[1] ?? null,
      filter.status ?? null,
      filter.limit + 1,
    ],
  );
  return rows;
}

export const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function insertUser(
  tx: Queryable,
  tenantId: string,
  input: {
    kind: UserKind;
    firstName?: string;
    lastName?: string;
    displayName?: string;
    email?: string | null;
    language: Language;
    roles: Role[];
    signInEnabled: boolean;
    passwordHash?: string | null;
    createdBy: string | null;
    now: Date;
  },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into users (tenant_id, kind, first_name, last_name, display_name, email, language, roles,
                        sign_in_enabled, password_hash, password_changed_at, created_by, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, case when $10::text is null then null else $12::timestamptz end, $11, $12, $12)
     returning id`,
    [
      tenantId,
      input.kind,
      input.firstName ?? '',
      input.lastName ?? '',
      input.displayName ?? '',
      input.email ?? null,
      input.language,
      input.roles,
      input.signInEnabled,
      input.passwordHash ?? null,
      input.createdBy,
      input.now,
    ],
  );
  return row!.id;
}
