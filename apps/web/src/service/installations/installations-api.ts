import { api, apiUrl } from '../../api/client';
import type { Page } from '../../api/types';
import { defineSorts, type Sort } from '../../components/list-sort';
import type {
  Component,
  Installation,
  InstallationFields,
  InstallationKind,
  Refrigerant,
} from '../../api/site-types';
import type { WorkOrder } from '../../api/work-types';

export const INSTALLATIONS_KEY = ['installations'] as const;

export type InstallationFilters = {
  q: string;
  customerId: string | null;
  locationId: string | null;
  buildingId: string | null;
  labelId: string | null;
  kind: InstallationKind | null;
  refrigerant: string | null;
  archived: 'false' | 'true' | 'all';
};

export const emptyInstallationFilters: InstallationFilters = {
  q: '',
  customerId: null,
  locationId: null,
  buildingId: null,
  labelId: null,
  kind: null,
  refrigerant: null,
  archived: 'false',
};

/** The orders GET /installations knows (INSTALLATION_SORTS on the server). */
export const INSTALLATION_SORTS = defineSorts(
  ['reference', 'customer', 'refrigerant', 'chargeKg', 'commissionedOn', 'createdAt', 'updatedAt'],
  '-createdAt',
);
export type InstallationSortField = (typeof INSTALLATION_SORTS.fields)[number];

export type InstallationListParams = Partial<InstallationFilters> & { sort?: Sort<InstallationSortField> };

export const listInstallations = (params: InstallationListParams, cursor?: string, limit = 50) =>
  api.get<Page<Installation>>('/installations', { ...params, cursor, limit });

/** The spreadsheet of the filtered list in its order. */
export const installationsExportUrl = (params: InstallationListParams) =>
  apiUrl('/installations', { ...params, format: 'xlsx' });

export type InstallationInput = Partial<InstallationFields> & {
  locationId?: string;
  buildingId?: string;
  labelIds?: string[];
};

export const getInstallation = (id: string) => api.get<Installation>(`/installations/${id}`);
export const createInstallation = (input: InstallationInput) =>
  api.post<Installation>('/installations', input);
/** `version`: the one the form was opened on; a newer one on the server is a 409 version_conflict. */
export const updateInstallation = (id: string, input: InstallationInput & { version: number }) =>
  api.patch<Installation>(`/installations/${id}`, input);
export const deleteInstallation = (id: string) => api.delete<void>(`/installations/${id}`);
export const archiveInstallation = (id: string, archive: boolean) =>
  api.post<Installation>(`/installations/${id}/${archive ? 'archive' : 'unarchive'}`);

export type ComponentInput = Omit<Component, 'id'>;
export const addComponent = (id: string, input: ComponentInput) =>
  api.post<Component>(`/installations/${id}/components`, input);
export const updateComponent = (id: string, componentId: string, input: ComponentInput) =>
  api.put<Component>(`/installations/${id}/components/${componentId}`, input);
export const deleteComponent = (id: string, componentId: string) =>
  api.delete<void>(`/installations/${id}/components/${componentId}`);

export type LogbookFilter = 'all' | 'executed' | 'to_be_executed' | 'mine';
export const getLogbook = (id: string, filter: LogbookFilter, order: 'asc' | 'desc') =>
  api.get<{ items: WorkOrder[] }>(`/installations/${id}/logbook`, { filter, order }).then((r) => r.items);

export const REFRIGERANTS_KEY = ['refrigerants'] as const;
export const listRefrigerants = () => api.get<{ items: Refrigerant[] }>('/refrigerants').then((r) => r.items);
