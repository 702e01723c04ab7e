// The offline store is IndexedDB: an in-memory one, installed before Dexie is loaded.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { authStore } from '../api/auth';
import { db } from '../data/db';
import { FakeApi } from '../test-support/fake-api';
import { startAutoSync, syncNow, syncStore, type SyncSnapshot } from './engine';
import { editDraft, queuePhoto, queueWorkOrder } from './queue';

// The engine reads navigator.onLine when it loads, and listens to the browser (online/offline,
// visibility): the few browser globals it uses, on Node. `window` only after the imports, or
// fake-indexeddb would install itself on it instead of on globalThis.
const browser = vi.hoisted(() => {
  const navigator = { onLine: true, userAgent: 'Mozilla/5.0 (Linux; Android 14) Chrome/130' };
  vi.stubGlobal('navigator', navigator);
  return {
    navigator,
    window: Object.assign(new EventTarget(), { setTimeout, clearTimeout, setInterval, clearInterval }),
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
  };
});
vi.stubGlobal('window', browser.window);
vi.stubGlobal('document', browser.document);

const INSTALLATION = '00000000-0000-4000-8000-00000000a001';

let api: FakeApi;
let snapshots: SyncSnapshot[];
let stopWatching: () => void;

beforeEach(async () => {
  browser.navigator.onLine = true;
  api = new FakeApi();
  vi.stubGlobal('fetch', api.fetch);
  await Promise.all(db.tables.map((table) => table.clear()));
  await api.signInDevice();
  snapshots = [];
  stopWatching = syncStore.subscribe(() => snapshots.push(syncStore.get()));
});

afterEach(async () => {
  await vi.waitFor(() => expect(syncStore.get().phase).toBe('idle'));
  stopWatching();
});

const states = async () => (await db.queue.orderBy('seq').toArray()).map((item) => item.state);

async function queueThree() {
  for (const notes of ['Filters vervangen.', 'Condensor gereinigd.']) {
    const workOrder = await api.assign({ installationIds: [INSTALLATION] });
    await editDraft(workOrder.id, (draft) => ({ ...draft, notes }));
    await queueWorkOrder(workOrder.id);
  }
  await queuePhoto({
    installationId: INSTALLATION,
    workOrderId: null,
    blob: new Blob([new Uint8Array(512)], { type: 'image/jpeg' }),
    width: 800,
    height: 600,
  });
}

describe('the sync engine', () => {
  it('sends the queue with a progress the technician can follow', async () => {
    await queueThree();

    await syncNow({ pull: false });

    expect(await states()).toEqual(['sent', 'sent', 'sent']);
    const progress = snapshots
      .map(({ phase, done, total }) => `${phase} ${done}/${total}`)
      .filter((step, i, all) => step !== all[i - 1]);
    expect(progress).toEqual([
      'sending 0/0',
      'sending 0/3',
      'sending 1/3',
      'sending 2/3',
      'sending 3/3',
      'idle 0/0',
    ]);
    expect(syncStore.get()).toMatchObject({ phase: 'idle', online: true });
  });

  it('syncs by itself when the connection comes back', async () => {
    browser.navigator.onLine = false;
    const stop = startAutoSync();
    try {
      await queueThree();
      // Queuing asks for a sync; offline, nothing leaves the device.
      await vi.waitFor(() => expect(syncStore.get().online).toBe(false));
      await syncNow({ pull: false });
      expect(api.requests).toEqual([]);
      expect(await states()).toEqual(['queued', 'queued', 'queued']);

      browser.navigator.onLine = true;
      browser.window.dispatchEvent(new Event('online'));

      await vi.waitFor(async () => expect(await states()).toEqual(['sent', 'sent', 'sent']));
      // It then refreshes the offline data, and says when it is done.
      await vi.waitFor(() => expect(syncStore.get()).toMatchObject({ phase: 'idle', online: true }));
      expect(snapshots.some((s) => s.phase === 'sending' && s.total === 3 && s.done === 3)).toBe(true);
      expect(snapshots.some((s) => s.phase === 'receiving')).toBe(true);
      expect(api.calls('GET', /^\/work-orders$/).length).toBeGreaterThan(0);
    } finally {
      stop();
    }
  });

  it('a revoked device is signed out at its next sync and keeps its queue', async () => {
    await queueThree();
    api.revoke();

    await syncNow();

    expect(authStore.get()).toEqual({ status: 'signed_out', reason: 'ended' });
    expect(await states()).toEqual(['queued', 'queued', 'queued']);
    expect(syncStore.get()).toMatchObject({ phase: 'idle', serverTrouble: false });
    // Signed out, nothing more is tried.
    const asked = api.requests.length;
    await syncNow();
    expect(api.requests).toHaveLength(asked);
  });
});
