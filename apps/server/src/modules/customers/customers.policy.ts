import type { Principal } from '../../context.js';
import { isManagerOrAbove } from '../users/roles.js';

type Owned = { created_by: string | null };

/** Everyone in the company reads and adds customers. */
export const canReadCustomers = (p: Principal) => p.roles.length > 0;
export const canCreateCustomer = (p: Principal) => p.roles.length > 0;

/** Technicians may correct only what they created themselves; managers and administrators anything. */
export const canUpdateCustomer = (p: Principal, customer: Owned) =>
  isManagerOrAbove(p) || (p.roles.includes('technician') && customer.created_by === p.userId);

/** Deleting is for duplicates, a manager's decision. */
export const canDeleteCustomer = (p: Principal) => isManagerOrAbove(p);

export const canExportCustomers = (p: Principal) => isManagerOrAbove(p);
