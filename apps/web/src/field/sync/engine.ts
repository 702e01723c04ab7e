import { ApiError } from '../../api/problem';
import { authStore, SignedOutError } from '../api/auth';
import { db } from '../data/db';
import { pullAll } from './pull';
import { pushQueue } from './push';
import { clearSent, setQueuedListener } from './queue';

export type SyncSnapshot = {
  /** What the sync is doing now. */
  phase: 'idle' | 'sending' | 'receiving';
  done: number;
  total: number;
  /** The browser says so, or the last request did not reach the server. */
  online: boolean;
  /** The last attempt to download failed on the server's side. */
  serverTrouble: boolean;
};

let snapshot: SyncSnapshot = {
  phase: 'idle',
  done: 0,
  total: 0,
  online: navigator.onLine,
  serverTrouble: false,
};
const listeners = new Set<() => void>();

function update(change: Partial<SyncSnapshot>) {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

export const syncStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => snapshot,
};

/** New work assigned during the day shows up without the technician asking for it. */
const PULL_EVERY_MS = 10 * 60_000;
let lastPull = 0;
const pullDue = () => Date.now() - lastPull > PULL_EVERY_MS;

let retryTimer: number | undefined;
/** The request failed although the browser thinks it is online (a dead network): try again soon. */
function retrySoon() {
  window.clearTimeout(retryTimer);
  if (navigator.onLine)
    retryTimer = window.setTimeout(() => void syncNow({ pull: false, force: true }), 10_000);
}

let running: Promise<void> | null = null;
let again: { pull: boolean; force: boolean } | null = null;

/**
 * Sends the queue, then (when asked) refreshes the offline data. One run at a time; a request
 * during a run starts another one after it.
 */
export function syncNow(options: { pull?: boolean; force?: boolean } = {}): Promise<void> {
  const pull = options.pull ?? true;
  const force = options.force ?? false;
  if (running) {
    again = { pull: pull || (again?.pull ?? false), force: force || (again?.force ?? false) };
    return running;
  }
  running = oneTabAtATime(() => run(pull, force)).finally(() => {
    running = null;
    const next = again;
    again = null;
    if (next) void syncNow(next);
  });
  return running;
}

/** Another tab of the app syncing already: this one leaves it to that tab. */
async function oneTabAtATime(fn: () => Promise<void>): Promise<void> {
  if (typeof navigator.locks?.request !== 'function') return fn();
  await navigator.locks.request('climalog-field-sync', { ifAvailable: true }, async (lock) => {
    if (lock) await fn();
  });
}

async function run(pull: boolean, force: boolean): Promise<void> {
  if (authStore.get().status !== 'signed_in') return;
  if (!navigator.onLine) {
    update({ online: false });
    return;
  }
  update({ phase: 'sending', done: 0, total: 0 });
  try {
    const outcome = await pushQueue((done, total) => update({ done, total }), { force });
    if (outcome === 'offline') {
      update({ online: false });
      retrySoon();
      return;
    }
    if (outcome === 'signed_out') return;
    // Something went through: the server is reachable.
    if (snapshot.total > 0) update({ online: true });
    if (pull) {
      update({ phase: 'receiving', done: 0, total: 0 });
      await pullAll((done, total) => update({ done, total }));
      lastPull = Date.now();
      update({ online: true, serverTrouble: false });
    }
  } catch (error) {
    if (error instanceof SignedOutError) return;
    if (error instanceof ApiError && error.status === 0) {
      update({ online: false });
      retrySoon();
    } else {
      // Server trouble: the next automatic attempt in two minutes, not at every tick.
      lastPull = Date.now() - PULL_EVERY_MS + 120_000;
      update({ serverTrouble: true });
      console.error('Sync failed', error);
    }
  } finally {
    update({ phase: 'idle', done: 0, total: 0 });
  }
}

const hasWaiting = async () =>
  (await db.queue.filter((i) => i.state === 'queued' || i.state === 'sending').count()) > 0;

/**
 * Syncs by itself: at start, when the connection comes back, when the app comes to the front,
 * right after something is queued, and every half minute while something waits.
 */
export function startAutoSync(): () => void {
  setQueuedListener(() => void syncNow({ pull: false }));
  const online = () => {
    update({ online: true });
    void syncNow({ force: true });
  };
  const offline = () => update({ online: false });
  const visible = () => {
    if (document.visibilityState === 'visible') void syncNow({ pull: pullDue() });
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visible);
  const timer = window.setInterval(async () => {
    if (!navigator.onLine || document.visibilityState !== 'visible') return;
    if (pullDue()) void syncNow();
    else if (await hasWaiting()) void syncNow({ pull: false });
  }, 30_000);
  const unsubscribe = authStore.subscribe(() => {
    if (authStore.get().status === 'signed_in') void syncNow({ force: true });
  });
  void clearSent(24 * 3_600_000);
  if (authStore.get().status === 'signed_in') void syncNow();
  return () => {
    setQueuedListener(() => undefined);
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
    document.removeEventListener('visibilitychange', visible);
    window.clearInterval(timer);
    unsubscribe();
  };
}
