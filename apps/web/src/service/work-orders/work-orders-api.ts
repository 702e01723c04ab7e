import { api, apiUrl } from '../../api/client';
import type { Page, User } from '../../api/types';
import { defineSorts, type Sort } from '../../components/list-sort';
import type { ActivityType, Signature, WorkOrder, WorkOrderStatus } from '../../api/work-types';

export const WORK_ORDERS_KEY = ['work-orders'] as const;

export type WorkOrderFilters = {
  status: WorkOrderStatus | null;
  mine: boolean;
  executorId: string | null;
  labelId: string | null;
  customerId: string | null;
  installationId: string | null;
  from: string | null;
  to: string | null;
};
export const emptyWorkOrderFilters: WorkOrderFilters = {
  status: null,
  mine: false,
  executorId: null,
  labelId: null,
  customerId: null,
  installationId: null,
  from: null,
  to: null,
};

/**
 * The orders GET /work-orders knows (WORK_ORDER_SORTS on the server); `date` is the execution
 * date, else the planned date, else the creation date.
 */
export const WORK_ORDER_SORTS = defineSorts(
  ['date', 'number', 'executedOn', 'plannedOn', 'customer', 'status', 'createdAt', 'updatedAt'],
  '-date',
);
export type WorkOrderSortField = (typeof WORK_ORDER_SORTS.fields)[number];

type ListParams = Partial<WorkOrderFilters> & { sort?: Sort<WorkOrderSortField> };

const params = (f: ListParams) => ({ ...f, mine: f.mine ? 'true' : undefined });

export const listWorkOrders = (filters: ListParams, cursor?: string) =>
  api.get<Page<WorkOrder>>('/work-orders', { ...params(filters), cursor, limit: 50 });
/** The spreadsheet of the filtered list in its order. */
export const workOrdersExportUrl = (filters: ListParams) =>
  apiUrl('/work-orders', { ...params(filters), format: 'xlsx' });

export type ActivityInput = { type: ActivityType; installationId: string } & Record<string, unknown>;

export type WorkOrderInput = {
  installationIds: string[];
  status: WorkOrderStatus;
  plannedOn: string | null;
  executedOn: string | null;
  executorId: string | null;
  notes: string;
  activities: ActivityInput[];
  labelIds: string[];
  products: { productId: string; quantity: number }[];
  signatures: Omit<Signature, 'signedAt'>[];
};

export const getWorkOrder = (id: string) => api.get<WorkOrder>(`/work-orders/${id}`);
export const createWorkOrder = (input: WorkOrderInput) => api.post<WorkOrder>('/work-orders', input);
export const updateWorkOrder = (id: string, input: Partial<WorkOrderInput> & { version: number }) =>
  api.patch<WorkOrder>(`/work-orders/${id}`, input);
export const deleteWorkOrder = (id: string) => api.delete<void>(`/work-orders/${id}`);

/** The people a work order can be assigned to (managers and administrators may list users). */
export const listTechnicians = () =>
  api
    .get<Page<User>>('/users', { role: 'technician', limit: 200 })
    .then((r) => r.items.filter((u) => u.status !== 'deactivated'));
