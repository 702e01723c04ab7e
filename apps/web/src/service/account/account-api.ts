import { api } from '../../api/client';
import type { Account } from '../../api/types';

export const ACCOUNT_KEY = ['account'] as const;

export type AccountPatch = { name?: string; enterpriseNumber?: string | null; requireTwoFactor?: boolean };

export const getAccount = () => api.get<Account>('/account');
export const updateAccount = (patch: AccountPatch) => api.patch<Account>('/account', patch);
