import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Customer } from '../../api/types';
import type { Installation, Location } from '../../api/site-types';
import type { Cylinder, WorkOrder } from '../../api/work-types';
import type { QueueBase, QueueItem, WorkOrderRecord } from './model';

export type KvRow = { key: string; value: unknown };
export type LogbookRow = { installationId: string; items: WorkOrder[]; fetchedAt: string };

/**
 * The field app's offline store (IndexedDB through Dexie): what the technician needs on site, and
 * the queue of changes waiting for a connection.
 */
export const db = new Dexie('climalog-field') as Dexie & {
  kv: EntityTable<KvRow, 'key'>;
  workOrders: EntityTable<WorkOrderRecord, 'id'>;
  installations: EntityTable<Installation, 'id'>;
  logbooks: EntityTable<LogbookRow, 'installationId'>;
  locations: EntityTable<Location, 'id'>;
  customers: EntityTable<Customer, 'id'>;
  cylinders: EntityTable<Cylinder, 'id'>;
  // Table, not EntityTable: Dexie's insert type would lose the kinds of the union.
  queue: Table<QueueItem, string, QueueItem>;
};

db.version(1).stores({
  kv: 'key',
  workOrders: 'id',
  installations: 'id, token, locationId',
  logbooks: 'installationId',
  locations: 'id',
  customers: 'id',
  cylinders: 'id',
  queue: 'id, seq, workOrderId',
});

export async function getKv<T>(key: string): Promise<T | undefined> {
  return (await db.kv.get(key))?.value as T | undefined;
}

export async function setKv(key: string, value: unknown): Promise<void> {
  await db.kv.put({ key, value });
}

export async function deleteKv(key: string): Promise<void> {
  await db.kv.delete(key);
}

/** Changes to a queue item, whatever its kind (Dexie's update type only knows the common fields). */
export type QueueChanges = Partial<QueueBase> & {
  workOrderId?: string;
  baseVersion?: number | null;
  theirs?: WorkOrder | null;
  result?: unknown;
};

export function updateQueueItem(id: string, changes: QueueChanges): Promise<number> {
  return db.queue.update(id, changes as Parameters<typeof db.queue.update>[1]);
}
