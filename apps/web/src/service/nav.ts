import type { ComponentType } from 'react';
import type { Abilities } from '../api/types';
import { IconAudit, IconCustomers, IconSettings, IconUser, IconUsers } from '../components/icons';

export type NavKey = 'customers' | 'users' | 'audit' | 'account' | 'profile';

type NavItem = { key: NavKey; path: string; icon: ComponentType; ability: keyof Abilities | null };

/** The Service app's sections, each shown when the session's abilities allow it. */
const NAV_ITEMS: NavItem[] = [
  { key: 'customers', path: '/customers', icon: IconCustomers, ability: 'viewCustomers' },
  { key: 'users', path: '/users', icon: IconUsers, ability: 'viewUsers' },
  { key: 'audit', path: '/audit', icon: IconAudit, ability: 'viewAuditLog' },
  { key: 'account', path: '/account', icon: IconSettings, ability: 'manageAccount' },
  { key: 'profile', path: '/profile', icon: IconUser, ability: null },
];

export const navItemsFor = (abilities: Abilities) =>
  NAV_ITEMS.filter((item) => item.ability === null || abilities[item.ability]);
