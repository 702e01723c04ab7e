import { ApiError } from '../../api/problem';
import type { Customer, Page } from '../../api/types';
import type { Installation, Location } from '../../api/site-types';
import type { Cylinder, NoteTemplate, Settings, WorkOrder } from '../../api/work-types';
import { apiGet } from '../api/auth';
import { db, setKv } from '../data/db';
import { addDays, todayIso } from '../data/ids';
import type { WorkOrderRecord } from '../data/model';
import { isLocalId } from '../data/model';

export type FieldSettings = { companyName: string; noteTemplates: NoteTemplate[] };

/** How far ahead the device keeps planned work. */
const UPCOMING_DAYS = 60;
const LOGBOOK_ENTRIES = 30;

async function listAll<T>(path: string, query: Record<string, string>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await apiGet<Page<T>>(path, { ...query, limit: '200', cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < 1000);
  return items;
}

/** Runs tasks a few at a time (a phone on 4G, a small server). */
async function inPool<T>(values: readonly T[], size: number, task: (value: T) => Promise<void>) {
  const queue = [...values];
  await Promise.all(
    Array.from({ length: Math.min(size, queue.length) }, async () => {
      while (queue.length) await task(queue.shift()!);
    }),
  );
}

const isGone = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.status === 403);

/** An installation with its logbook, location and customer: everything to work on it offline. */
export async function downloadInstallation(installation: Installation): Promise<void> {
  const [logbook, location, customer] = await Promise.all([
    apiGet<{ items: WorkOrder[] }>(`/installations/${installation.id}/logbook`, {
      filter: 'all',
      order: 'desc',
    }),
    apiGet<Location>(`/locations/${installation.locationId}`).catch((e: unknown) => {
      if (isGone(e)) return null;
      throw e;
    }),
    apiGet<Customer>(`/customers/${installation.customerId}`).catch((e: unknown) => {
      if (isGone(e)) return null;
      throw e;
    }),
  ]);
  await db.transaction('rw', db.installations, db.logbooks, db.locations, db.customers, async () => {
    await db.installations.put(installation);
    await db.logbooks.put({
      installationId: installation.id,
      items: logbook.items.slice(0, LOGBOOK_ENTRIES),
      fetchedAt: new Date().toISOString(),
    });
    if (location) await db.locations.put(location);
    if (customer) await db.customers.put(customer);
  });
}

/** Finds an installation by the token on its card, on the server, and keeps it for offline use. */
export async function fetchInstallationByToken(token: string): Promise<Installation> {
  const installation = await apiGet<Installation>(`/installations/by-token/${encodeURIComponent(token)}`);
  await downloadInstallation(installation);
  return installation;
}

/**
 * Refreshes what the technician needs offline: their work orders from today on (and planned ones
 * still open), the installations on them with logbook, location and customer, the cylinders, the
 * note templates and the refrigerant names. Local drafts are never overwritten.
 */
export async function pullAll(onStep?: (done: number, total: number) => void): Promise<void> {
  const today = todayIso();
  const [upcoming, open] = await Promise.all([
    listAll<WorkOrder>('/work-orders', { mine: 'true', from: today, to: addDays(today, UPCOMING_DAYS) }),
    listAll<WorkOrder>('/work-orders', { mine: 'true', status: 'to_be_executed' }),
  ]);
  const fetched = new Map<string, WorkOrder>();
  for (const w of [...upcoming, ...open]) fetched.set(w.id, w);

  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const pending = new Set(
      (await db.queue.toArray()).filter((i) => i.state !== 'sent').map((i) => i.workOrderId),
    );
    const existing = new Map((await db.workOrders.toArray()).map((r) => [r.id, r]));
    const records: WorkOrderRecord[] = [...fetched.values()].map((w) => ({
      id: w.id,
      server: w,
      customerId: w.customerId,
      customerName: w.customerName,
      draft: existing.get(w.id)?.draft ?? null,
    }));
    await db.workOrders.bulkPut(records);
    // No longer mine or in range, and nothing of mine on it: forget it.
    const stale = [...existing.values()].filter(
      (r) => !fetched.has(r.id) && !isLocalId(r.id) && !r.draft && !pending.has(r.id),
    );
    await db.workOrders.bulkDelete(stale.map((r) => r.id));
  });

  const records = await db.workOrders.toArray();
  const wanted = new Set<string>();
  for (const r of records) {
    for (const id of r.server?.installationIds ?? []) wanted.add(id);
    for (const id of r.draft?.installationIds ?? []) wanted.add(id);
  }
  // Installations opened on site (by token) stay as well.
  for (const id of await db.installations.toCollection().primaryKeys()) wanted.add(id);
  const ids = [...wanted];
  let done = 0;
  onStep?.(done, ids.length);
  await inPool(ids, 4, async (id) => {
    try {
      await downloadInstallation(await apiGet<Installation>(`/installations/${id}`));
    } catch (error) {
      if (!isGone(error)) throw error;
      await db.installations.delete(id);
      await db.logbooks.delete(id);
    }
    onStep?.(++done, ids.length);
  });

  const [cylinders, settings, refrigerants] = await Promise.all([
    apiGet<{ items: Cylinder[] }>('/cylinders').catch((e: unknown) => {
      if (isGone(e)) return { items: [] };
      throw e;
    }),
    apiGet<Settings>('/settings').catch((e: unknown) => {
      if (isGone(e)) return null;
      throw e;
    }),
    apiGet<{ items: { name: string }[] }>('/refrigerants').catch(() => ({ items: [] })),
  ]);
  await db.transaction('rw', db.cylinders, db.kv, async () => {
    await db.cylinders.clear();
    await db.cylinders.bulkPut(cylinders.items.filter((c) => !c.archived));
    if (settings) {
      const fieldSettings: FieldSettings = {
        companyName: settings.companyName,
        noteTemplates: settings.noteTemplates,
      };
      await setKv('settings', fieldSettings);
    }
    if (refrigerants.items.length)
      await setKv(
        'refrigerants',
        refrigerants.items.map((r) => r.name),
      );
    await setKv('lastPulledAt', new Date().toISOString());
  });
}
