import { afterEach, beforeEach, vi } from 'vitest';
import { db } from '../data/db';
import type { ActivityInput, WorkOrderDraft } from '../data/model';
import { pushQueue } from '../sync/push';
import { queuePhoto } from '../sync/queue';
import { FakeApi } from './fake-api';

/** Helpers of the sync tests (push.test.ts, push-conflicts.test.ts); the store is fake-indexeddb. */

export const INSTALLATION_A = '00000000-0000-4000-8000-00000000a001';
export const INSTALLATION_B = '00000000-0000-4000-8000-00000000a002';
export const INSTALLATION_C = '00000000-0000-4000-8000-00000000a003';

/** A fresh fake server and an empty store with a signed-in device. */
async function startSyncTest() {
  // auth.ts asks navigator for Web Locks; Node (20) has no navigator.
  vi.stubGlobal('navigator', { onLine: true, userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130' });
  const api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  await Promise.all(db.tables.map((table) => table.clear()));
  await api.signInDevice();
  return { api, progress: vi.fn<(done: number, total: number) => void>() };
}

export type SyncTest = Awaited<ReturnType<typeof startSyncTest>>;

/**
 * A sync test file's set-up: before each test a fresh fake server and store (handed to `receive`),
 * after it the globals restored. Returns one run of the sync's sending part; `force` as when the
 * connection just came back.
 */
export function setUpSyncTests(receive: (started: SyncTest) => void) {
  let progress: SyncTest['progress'];
  beforeEach(async () => {
    const started = await startSyncTest();
    progress = started.progress;
    receive(started);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });
  return (force = false) => pushQueue(progress, { force });
}

export const queued = () => db.queue.orderBy('seq').toArray();
export const states = async () => (await queued()).map((item) => item.state);
export const record = async (id: string) => (await db.workOrders.get(id))!;

export const leakCheck = (installationId: string): ActivityInput => ({
  installationId,
  type: 'leak_check',
  result: 'no_leak',
  method: 'direct',
});
export const topUp = (installationId: string, refrigerant: string): ActivityInput => ({
  installationId,
  type: 'refrigerant_added',
  refrigerant,
  quantityKg: 1.5,
});
/** What the technician does on site: records activities and marks the work order executed. */
export const execute =
  (...activities: ActivityInput[]) =>
  (draft: WorkOrderDraft): WorkOrderDraft => ({
    ...draft,
    status: 'executed',
    executedOn: '2026-03-02',
    activities: [...draft.activities, ...activities],
  });
export const photo = (installationId: string) =>
  queuePhoto({
    installationId,
    workOrderId: null,
    blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
    width: 1600,
    height: 1200,
  });
