import type { Principal, Role } from '../../context.js';
import { AppError, forbidden } from '../../http/errors.js';
import { isAccountManager, isAdministrator, isManagerOrAbove } from './roles.js';

export const canListUsers = (p: Principal) => isManagerOrAbove(p);
export const canManageUsers = (p: Principal) => isAdministrator(p);

export function assertCanManageUsers(p: Principal): void {
  if (!canManageUsers(p)) throw forbidden('Only administrators manage users.');
}

/** Only an account manager may give or take away the account manager role. */
export function assertCanChangeRoles(p: Principal, before: readonly Role[], after: readonly Role[]): void {
  const touchesAccountManager = before.includes('account_manager') !== after.includes('account_manager');
  if (touchesAccountManager && !isAccountManager(p)) {
    throw new AppError('forbidden', 'Only an account manager can grant or remove the account manager role.', {
      errors: [
        {
          field: 'roles',
          message: 'Only an account manager can grant or remove account manager.',
          code: 'account_manager_only',
        },
      ],
    });
  }
}
