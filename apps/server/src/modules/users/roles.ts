import type { Principal, Role } from '../../context.js';

/** An account manager is an administrator who also handles subscriptions and legal matters. */
export const isAdministrator = (p: Pick<Principal, 'roles'>) =>
  p.roles.includes('administrator') || p.roles.includes('account_manager');

export const isManagerOrAbove = (p: Pick<Principal, 'roles'>) =>
  isAdministrator(p) || p.roles.includes('manager');

export const isAccountManager = (p: Pick<Principal, 'roles'>) => p.roles.includes('account_manager');

/**
 * What the caller may do, sent to the web app so that it never re-implements the role rules:
 * navigation and buttons follow these flags.
 */
export type Abilities = {
  manageUsers: boolean;
  grantAccountManager: boolean;
  manageAccount: boolean;
  viewAuditLog: boolean;
  viewCustomers: boolean;
  createCustomers: boolean;
  exportData: boolean;
};

export function abilitiesOf(p: Pick<Principal, 'roles'>): Abilities {
  const hasAnyRole = p.roles.length > 0;
  return {
    manageUsers: isAdministrator(p),
    grantAccountManager: isAccountManager(p),
    manageAccount: isAdministrator(p),
    viewAuditLog: isAdministrator(p),
    viewCustomers: hasAnyRole,
    createCustomers: hasAnyRole,
    // Technicians have no exports, reports or management tools.
    exportData: isManagerOrAbove(p),
  };
}

export const sortRoles = (roles: readonly Role[]): Role[] =>
  (['technician', 'manager', 'administrator', 'account_manager'] as const).filter((r) => roles.includes(r));
