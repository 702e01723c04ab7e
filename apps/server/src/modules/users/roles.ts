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
  viewUsers: boolean;
  manageUsers: boolean;
  grantAccountManager: boolean;
  manageAccount: boolean;
  viewAuditLog: boolean;
  viewCustomers: boolean;
  createCustomers: boolean;
  exportData: boolean;
  viewForecasts: boolean;
  viewReports: boolean;
  manageInventory: boolean;
  importData: boolean;
  manageSettings: boolean;
};

export function abilitiesOf(p: Pick<Principal, 'roles'>): Abilities {
  const hasAnyRole = p.roles.length > 0;
  return {
    // Managers see their colleagues (to plan work); administrators manage them.
    viewUsers: isManagerOrAbove(p),
    manageUsers: isAdministrator(p),
    grantAccountManager: isAccountManager(p),
    manageAccount: isAdministrator(p),
    viewAuditLog: isAdministrator(p),
    viewCustomers: hasAnyRole,
    createCustomers: hasAnyRole,
    // Technicians have no exports, reports or management tools.
    exportData: isManagerOrAbove(p),
    viewForecasts: isManagerOrAbove(p),
    viewReports: isManagerOrAbove(p),
    manageInventory: isManagerOrAbove(p),
    importData: isManagerOrAbove(p),
    manageSettings: isAdministrator(p),
  };
}

export const sortRoles = (roles: readonly Role[]): Role[] =>
  (['technician', 'manager', 'administrator', 'account_manager'] as const).filter((r) => roles.includes(r));
