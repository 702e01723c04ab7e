import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/types';
import type { IncompleteInstallation, RefrigerantBalance } from '../../api/work-types';

export const REPORTS_KEY = ['reports'] as const;

export const listIncomplete = (cursor?: string) =>
  api.get<Page<IncompleteInstallation>>('/reports/incomplete-installations', { cursor, limit: 100 });
export const incompleteExportUrl = () => apiUrl('/reports/incomplete-installations', { format: 'xlsx' });

export const getBalance = (year: number) =>
  api.get<RefrigerantBalance>('/reports/refrigerant-balance', { year });
export const balanceExportUrl = (year: number) =>
  apiUrl('/reports/refrigerant-balance', { year, format: 'xlsx' });
