import { api, apiUrl } from '../../api/client';
import type { Customer, Language, Page } from '../../api/types';

export const CUSTOMERS_KEY = ['customers'] as const;
export const PAGE_SIZE = 50;

export type CustomerInput = { name: string; language: Language; enterpriseNumber: string | null };

export const listCustomers = (q: string, cursor: string | undefined) =>
  api.get<Page<Customer>>('/customers', { q, cursor, limit: PAGE_SIZE });

export const createCustomer = (input: CustomerInput) => api.post<Customer>('/customers', input);

export const updateCustomer = (id: string, input: Partial<CustomerInput>) =>
  api.patch<Customer>(`/customers/${id}`, input);

export const deleteCustomer = (id: string) => api.delete<void>(`/customers/${id}`);

/** The spreadsheet of the filtered list; a plain link, the session cookie goes along. */
export const customersExportUrl = (q: string) => apiUrl('/customers', { format: 'xlsx', q });
