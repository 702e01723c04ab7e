import { api, apiUrl } from '../../api/client';
import type { Customer, Language, Page } from '../../api/types';
import { defineSorts, type Sort } from '../../components/list-sort';

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

/** The orders GET /customers knows (CUSTOMER_SORTS on the server). */
export const CUSTOMER_SORTS = defineSorts(['name', 'number', 'createdAt', 'updatedAt'], 'name');
export type CustomerSortField = (typeof CUSTOMER_SORTS.fields)[number];

export type CustomerFilters = { q: string; labelId: string | null };
export const emptyCustomerFilters: CustomerFilters = { q: '', labelId: null };

type ListParams = Partial<CustomerFilters> & { sort?: Sort<CustomerSortField> };

export const listCustomers = (params: ListParams, cursor?: string) =>
  api.get<Page<Customer>>('/customers', { ...params, cursor, limit: PAGE_SIZE });

export const getCustomer = (id: string) => api.get<Customer>(`/customers/${id}`);

export const createCustomer = (input: CustomerInput) => api.post<Customer>('/customers', input);

/** `version`: the one the form was opened on; a newer one on the server is a 409 version_conflict. */
export const updateCustomer = (id: string, input: Partial<CustomerInput> & { version: number }) =>
  api.patch<Customer>(`/customers/${id}`, input);

export const deleteCustomer = (id: string) => api.delete<void>(`/customers/${id}`);

/** Moves the duplicate's locations, installations, work orders and labels over; the duplicate goes. */
export const mergeCustomer = (id: string, duplicateId: string) =>
  api.post<Customer>(`/customers/${id}/merge`, { duplicateId });

/** The spreadsheet of the filtered list in its order; a plain link, the session cookie goes along. */
export const customersExportUrl = (params: ListParams) => apiUrl('/customers', { ...params, format: 'xlsx' });
