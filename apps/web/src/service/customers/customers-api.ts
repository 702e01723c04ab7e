import { api, apiUrl } from '../../api/client';
import type { Customer, Language, Page } from '../../api/types';

export const CUSTOMERS_KEY = ['customers'] as const;
export const PAGE_SIZE = 50;

export type CustomerInput = {
  name: string;
  language: Language;
  internalName: string;
  customerNumber: string | null;
  enterpriseNumber: string | null;
  vatNumber: string | null;
  email: string | null;
  phone: string | null;
  mobile: string | null;
  website: string | null;
  notes: string;
  labelIds: string[];
};

export const listCustomers = (q: string, cursor: string | undefined, labelId?: string | null) =>
  api.get<Page<Customer>>('/customers', { q, cursor, labelId, limit: PAGE_SIZE });

export const getCustomer = (id: string) => api.get<Customer>(`/customers/${id}`);

export const createCustomer = (input: CustomerInput) => api.post<Customer>('/customers', input);

export const updateCustomer = (id: string, input: Partial<CustomerInput>) =>
  api.patch<Customer>(`/customers/${id}`, input);

export const deleteCustomer = (id: string) => api.delete<void>(`/customers/${id}`);

/** Moves the duplicate's locations, installations, work orders and labels over; the duplicate goes. */
export const mergeCustomer = (id: string, duplicateId: string) =>
  api.post<Customer>(`/customers/${id}/merge`, { duplicateId });

/** The spreadsheet of the filtered list; a plain link, the session cookie goes along. */
export const customersExportUrl = (q: string, labelId?: string | null) =>
  apiUrl('/customers', { format: 'xlsx', q, labelId });
