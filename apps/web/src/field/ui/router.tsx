import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent } from 'react';

/**
 * A small router over the History API for the field app's few screens (/field/…). The server and
 * the service worker answer every /field/ path with the same page.
 */
export type Route =
  | { name: 'work' }
  | { name: 'workOrder'; id: string }
  | { name: 'installation'; id: string }
  | { name: 'find'; token: string }
  | { name: 'queue' }
  | { name: 'more' }
  | { name: 'notFound' };

const listeners = new Set<() => void>();
let current = `${location.pathname}${location.search}`;

function notify() {
  current = `${location.pathname}${location.search}`;
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', notify);

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (options.replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  window.scrollTo(0, 0);
  notify();
}

export function useLocationPath(): string {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}

export function parseRoute(path: string): Route {
  const [pathname = '', search = ''] = path.split('?');
  const parts = pathname
    .replace(/^\/field\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (parts.length === 0) return { name: 'work' };
  if (parts[0] === 'work-orders' && parts[1] && parts.length === 2)
    return { name: 'workOrder', id: parts[1] };
  if (parts[0] === 'installations' && parts[1] && parts.length === 2)
    return { name: 'installation', id: parts[1] };
  if (parts[0] === 'find' && parts.length === 1)
    return { name: 'find', token: new URLSearchParams(search).get('token') ?? '' };
  if (parts[0] === 'queue' && parts.length === 1) return { name: 'queue' };
  if (parts[0] === 'more' && parts.length === 1) return { name: 'more' };
  return { name: 'notFound' };
}

export const paths = {
  work: () => '/field/',
  workOrder: (id: string) => `/field/work-orders/${encodeURIComponent(id)}`,
  installation: (id: string) => `/field/installations/${encodeURIComponent(id)}`,
  find: () => '/field/find',
  queue: () => '/field/queue',
  more: () => '/field/more',
};

/** An in-app link: a real <a href> (open in new tab works), navigated without a reload. */
export function Link({ to, onClick, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { to: string }) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={to} onClick={handle} {...props} />;
}
