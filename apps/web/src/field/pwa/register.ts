export type PwaSnapshot = {
  /** The service worker is active with everything precached: the app opens without a network. */
  offlineReady: boolean;
  /** A newer version took over: reloading shows it. */
  updateReady: boolean;
};

let snapshot: PwaSnapshot = { offlineReady: false, updateReady: false };
const listeners = new Set<() => void>();

function update(change: Partial<PwaSnapshot>) {
  snapshot = { ...snapshot, ...change };
  for (const listener of listeners) listener();
}

export const pwaStore = {
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get: () => snapshot,
};

/**
 * Registers the field app's service worker (served by the API server at /field/sw.js, allowed to
 * control /field/). It precaches the page and its assets, so the app opens offline.
 */
export function registerServiceWorker(): void {
  // Only where the API server serves the app (/field/…), not on Vite's dev server.
  if (!('serviceWorker' in navigator) || !location.pathname.startsWith('/field/')) return;
  const container = navigator.serviceWorker;
  let hadController = Boolean(container.controller);
  update({ offlineReady: hadController });
  container.addEventListener('controllerchange', () => {
    if (hadController) update({ updateReady: true });
    hadController = true;
    update({ offlineReady: true });
  });
  const register = () => {
    container.register('/field/sw.js', { scope: '/field/' }).catch((error: unknown) => {
      console.warn('The service worker could not be registered', error);
    });
    // Active means installed: the page and its assets are cached. (A page opened as /field, outside
    // the scope, is controlled from its next load on.)
    void container.ready.then(() => update({ offlineReady: true }));
  };
  if (document.readyState === 'complete') register();
  else window.addEventListener('load', register, { once: true });
}
