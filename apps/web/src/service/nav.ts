import type { ComponentType } from 'react';
import type { Abilities } from '../api/types';
import {
  IconAudit,
  IconCustomers,
  IconForecast,
  IconImport,
  IconInstallation,
  IconInventory,
  IconLabel,
  IconLocation,
  IconReport,
  IconSettings,
  IconUser,
  IconUsers,
  IconWorkOrder,
} from '../components/icons';

export type NavKey =
  | 'customers'
  | 'locations'
  | 'installations'
  | 'workOrders'
  | 'forecasts'
  | 'reports'
  | 'inventory'
  | 'imports'
  | 'labels'
  | 'settings'
  | 'users'
  | 'audit'
  | 'account'
  | 'profile';

type NavItem = { key: NavKey; path: string; icon: ComponentType; ability: keyof Abilities | null };

/** The Service app's sections, each shown when the session's abilities allow it. */
const NAV_ITEMS: NavItem[] = [
  { key: 'customers', path: '/customers', icon: IconCustomers, ability: 'viewCustomers' },
  { key: 'locations', path: '/locations', icon: IconLocation, ability: 'viewCustomers' },
  { key: 'installations', path: '/installations', icon: IconInstallation, ability: 'viewCustomers' },
  { key: 'workOrders', path: '/work-orders', icon: IconWorkOrder, ability: 'viewCustomers' },
  { key: 'forecasts', path: '/forecasts', icon: IconForecast, ability: 'viewForecasts' },
  { key: 'reports', path: '/reports', icon: IconReport, ability: 'viewReports' },
  { key: 'inventory', path: '/inventory', icon: IconInventory, ability: 'manageInventory' },
  { key: 'imports', path: '/imports', icon: IconImport, ability: 'importData' },
  { key: 'labels', path: '/labels', icon: IconLabel, ability: 'manageSettings' },
  { key: 'settings', path: '/settings', icon: IconSettings, ability: 'manageSettings' },
  { key: 'users', path: '/users', icon: IconUsers, ability: 'viewUsers' },
  { key: 'audit', path: '/audit', icon: IconAudit, ability: 'viewAuditLog' },
  { key: 'account', path: '/account', icon: IconSettings, ability: 'manageAccount' },
  { key: 'profile', path: '/profile', icon: IconUser, ability: null },
];

export const navItemsFor = (abilities: Abilities) =>
  NAV_ITEMS.filter((item) => item.ability === null || abilities[item.ability]);
