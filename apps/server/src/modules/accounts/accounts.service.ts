import type { AppDeps, Language, RequestMeta, Role, ServiceContext } from '../../context.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { enterTenant, withTenant } from '../../db/tenant-scope.js';
import { AppError, fieldError, forbidden } from '../../http/errors.js';
import { hashPassword } from '../../security/password-hashing.js';
import { checkPassword, PASSWORD_PROBLEM_MESSAGES } from '../../security/password-policy.js';
import { formatEnterpriseNumber } from '../../security/enterprise-number.js';
import { audit, recordAudit, type AuditActor } from '../audit/audit-recorder.js';
import { changedFields } from '../audit/changed-fields.js';
import { isAdministrator } from '../users/roles.js';
import { insertUser } from '../users/users.repository.js';

export type AccountKind = 'service' | 'connect';

export type NewAccount = {
  name: string;
  kind: AccountKind;
  enterpriseNumber?: string | null;
  admin: { firstName: string; lastName: string; email: string; password: string; language: Language };
};

/** Throws a field error when the password breaks the policy. */
export function assertPasswordAllowed(
  field: string,
  password: string,
  personal: {
    firstName?: string | null;
    lastName?: string | null;
    email?: string | null;
    companyName?: string | null;
  },
): void {
  const problem = checkPassword(password, personal);
  if (problem) throw fieldError(field, PASSWORD_PROBLEM_MESSAGES[problem], `password_${problem}`);
}

/**
 * Creates a company account with its first user, who becomes administrator and account manager
 * (somebody must be able to grant account manager later). Used by self-service sign-up and by
 * the operator's CLI; one transaction, audited in the new tenant's log.
 */
export async function createAccount(
  deps: AppDeps,
  meta: Partial<RequestMeta>,
  input: NewAccount,
  by: 'sign_up' | 'operator',
): Promise<{ accountId: string; userId: string }> {
  const { admin } = input;
  assertPasswordAllowed('password', admin.password, { ...admin, companyName: input.name });
  const passwordHash = await hashPassword(admin.password);
  const now = deps.now();
  const roles: Role[] = ['administrator', 'account_manager'];
  try {
    return await deps.db.transaction(async (tx) => {
      // Creating a tenant is the one write that cannot run inside a tenant scope.
      const [tenant] = await tx.query<{ id: string }>(
        `insert into tenants (name, kind, enterprise_number, created_at, updated_at) values ($1, $2, $3, $4, $4) returning id`,
        [input.name, input.kind, input.enterpriseNumber ?? null, now],
      );
      const accountId = tenant!.id;
      await enterTenant(tx, accountId);
      const userId = await insertUser(tx, accountId, {
        kind: 'person',
        firstName: admin.firstName,
        lastName: admin.lastName,
        email: admin.email,
        language: admin.language,
        roles,
        signInEnabled: true,
        passwordHash,
        createdBy: null,
        now,
      });
      const actor: AuditActor =
        by === 'operator'
          ? { type: 'operator', id: null, name: 'command line' }
          : { type: 'user', id: userId, name: `${admin.firstName} ${admin.lastName}`.trim() };
      await recordAudit(
        tx,
        accountId,
        actor,
        meta,
        {
          action: 'account.created',
          entityType: 'account',
          entityId: accountId,
          details: { name: input.name, kind: input.kind, via: by },
        },
        now,
      );
      await recordAudit(
        tx,
        accountId,
        actor,
        meta,
        {
          action: by === 'operator' ? 'user.created' : 'user.signed_up',
          entityType: 'user',
          entityId: userId,
          details: { roles },
        },
        now,
      );
      return { accountId, userId };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) {
      throw fieldError('email', 'A user with this email address already exists.', 'email_taken');
    }
    throw error;
  }
}

export type AccountView = {
  id: string;
  name: string;
  kind: AccountKind;
  enterpriseNumber: string | null;
  requireTwoFactor: boolean;
  createdAt: string;
};

type TenantRow = {
  id: string;
  name: string;
  kind: AccountKind;
  enterprise_number: string | null;
  require_two_factor: boolean;
  created_at: Date;
};

const present = (row: TenantRow): AccountView => ({
  id: row.id,
  name: row.name,
  kind: row.kind,
  enterpriseNumber: row.enterprise_number ? formatEnterpriseNumber(row.enterprise_number) : null,
  requireTwoFactor: row.require_two_factor,
  createdAt: row.created_at.toISOString(),
});

export async function getAccount(deps: AppDeps, ctx: ServiceContext): Promise<AccountView> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<TenantRow>('select * from tenants where id = $1', [ctx.tenantId]);
    if (!row) throw new AppError('not_found', 'Account not found.');
    return present(row);
  });
}

export async function updateAccount(
  deps: AppDeps,
  ctx: ServiceContext,
  patch: { name?: string; enterpriseNumber?: string | null; requireTwoFactor?: boolean },
): Promise<AccountView> {
  if (!isAdministrator(ctx.principal)) throw forbidden('Only administrators change the account settings.');
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [existing] = await tx.query<TenantRow>('select * from tenants where id = $1', [ctx.tenantId]);
    if (patch.requireTwoFactor) {
      const [me] = await tx.query<{ totp_enabled_at: Date | null }>(
        'select totp_enabled_at from users where tenant_id = $1 and id = $2',
        [ctx.tenantId, ctx.principal.userId],
      );
      if (!me?.totp_enabled_at) {
        throw new AppError(
          'conflict',
          'Turn on two-step sign-in for yourself before requiring it for everyone.',
          {
            errors: [
              {
                field: 'requireTwoFactor',
                message: 'Turn on two-step sign-in for yourself first.',
                code: 'own_two_factor_required',
              },
            ],
          },
        );
      }
    }
    const [row] = await tx.query<TenantRow>(
      `update tenants set
         name = coalesce($2, name),
         enterprise_number = case when $3 then $4 else enterprise_number end,
         require_two_factor = coalesce($5, require_two_factor),
         updated_at = $6
       where id = $1 returning *`,
      [
        ctx.tenantId,
        patch.name ?? null,
        patch.enterpriseNumber !== undefined,
        patch.enterpriseNumber ?? null,
        patch.requireTwoFactor ?? null,
        deps.now(),
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'account.updated',
        entityType: 'account',
        entityId: ctx.tenantId,
        details: { changed: changedFields(patch, present(existing!), present(row!)) },
      },
      deps.now(),
    );
    return present(row!);
  });
}

/**
 * An operator creates a user with a password from the command line (no invitation mail). The
 * account must exist; the password policy applies as everywhere.
 */
export async function createUserAsOperator(
  deps: AppDeps,
  input: {
    accountId: string;
    email: string;
    password: string;
    roles: Role[];
    firstName: string;
    lastName: string;
    language: Language;
  },
): Promise<{ userId: string }> {
  const [tenant] = await deps.db.query<{ name: string }>('select name from tenants where id = $1', [
    input.accountId,
  ]);
  if (!tenant) throw fieldError('account', 'No company account has this id.', 'not_found');
  assertPasswordAllowed('password', input.password, { ...input, companyName: tenant.name });
  const passwordHash = await hashPassword(input.password);
  const now = deps.now();
  try {
    return await withTenant(deps.db, input.accountId, async (tx) => {
      const userId = await insertUser(tx, input.accountId, {
        kind: 'person',
        firstName: input.firstName,
        lastName: input.lastName,
        email: input.email,
        language: input.language,
        roles: input.roles,
        signInEnabled: true,
        passwordHash,
        createdBy: null,
        now,
      });
      await recordAudit(
        tx,
        input.accountId,
        { type: 'operator', id: null, name: 'command line' },
        {},
        {
          action: 'user.created',
          entityType: 'user',
          entityId: userId,
          details: { roles: input.roles },
        },
        now,
      );
      return { userId };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_unique')) {
      throw fieldError('email', 'A user with this email address already exists.', 'email_taken');
    }
    throw error;
  }
}
