import { QueryCache, QueryClient, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useLocation, useOutletContext } from 'react-router-dom';
import { isApiError } from '../api/problem';
import { PORTAL_DATA_KEY, SESSION_KEY, type PortalSession } from './api';

const SIGNED_IN_FLAG = 'climalog.portal.signedIn';
let signedInInMemory = false;

/**
 * Whether this tab was signed in: if the server then knows no session, it ended (expired, or the
 * company regenerated or disabled the code) and the sign-in page says so. Per tab, so a new visit
 * days later starts plainly.
 */
export function wasSignedIn(): boolean {
  try {
    return window.sessionStorage.getItem(SIGNED_IN_FLAG) === '1' || signedInInMemory;
  } catch {
    return signedInInMemory;
  }
}

export function rememberSignedIn(signedIn: boolean): void {
  signedInInMemory = signedIn;
  try {
    if (signedIn) window.sessionStorage.setItem(SIGNED_IN_FLAG, '1');
    else window.sessionStorage.removeItem(SIGNED_IN_FLAG);
  } catch {
    // Storage blocked: the flag lives as long as the page.
  }
}

/** The server no longer knows this session: forget everything it showed. */
export function forgetSession(client: QueryClient): void {
  client.removeQueries({ queryKey: PORTAL_DATA_KEY });
  client.setQueryData<PortalSession | null>(SESSION_KEY, null);
}

export const portalQueryClient: QueryClient = new QueryClient({
  // Any 401 on the portal's data means the session ended while the page was open.
  queryCache: new QueryCache({
    onError: (error) => {
      if (isApiError(error) && error.status === 401) forgetSession(portalQueryClient);
    },
  }),
  defaultOptions: {
    queries: {
      retry: (failures, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
      staleTime: 30_000,
    },
  },
});

const CHECK_EVERY_MS = 60_000;

/**
 * Notices an ended session while the page stays open: on every navigation, when the tab comes back
 * into view, and once a minute while someone is using the page. An unattended page sends nothing,
 * so it does not keep the session alive past the server's idle timeout.
 */
export function useSessionWatch(): void {
  const client = useQueryClient();
  const { pathname } = useLocation();
  const firstPath = useRef(true);

  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    void client.refetchQueries({ queryKey: SESSION_KEY });
  }, [client, pathname]);

  useEffect(() => {
    let lastActivity = 0;
    let lastCheck = Date.now();
    const check = () => {
      lastCheck = Date.now();
      void client.refetchQueries({ queryKey: SESSION_KEY });
    };
    const noteActivity = () => {
      lastActivity = Date.now();
    };
    const onReturn = () => {
      if (document.visibilityState === 'visible' && Date.now() - lastCheck > 5_000) check();
    };
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible' && lastActivity > lastCheck) check();
    }, CHECK_EVERY_MS);
    const activity = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
    for (const type of activity) window.addEventListener(type, noteActivity, { passive: true });
    window.addEventListener('focus', onReturn);
    document.addEventListener('visibilitychange', onReturn);
    return () => {
      window.clearInterval(timer);
      for (const type of activity) window.removeEventListener(type, noteActivity);
      window.removeEventListener('focus', onReturn);
      document.removeEventListener('visibilitychange', onReturn);
    };
  }, [client]);
}

/** The signed-in session, for the pages inside the portal layout. */
export const usePortalSession = (): PortalSession => useOutletContext<PortalSession>();
