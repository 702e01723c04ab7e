import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../api/client';
import { isApiError } from '../api/problem';
import type { PublicConfig, Session } from '../api/types';
import { applyLanguage } from '../i18n';

export const SESSION_KEY = ['auth', 'session'] as const;
export const CONFIG_KEY = ['auth', 'config'] as const;

/**
 * True from a deliberate sign-out until the sign-in page shows: the protected layout then does not
 * redirect on its own (it would add ?next= and race the sign-out's own navigation).
 */
let signingOut = false;
export const isSigningOut = () => signingOut;
export const setSigningOut = (value: boolean) => {
  signingOut = value;
};

/** Whether this page had a session, to tell an ended session from a first visit. */
let hadSession = false;

/** True once a signed-in session was found gone (expired, ended elsewhere): sign-in says so. */
let sessionEnded = false;
export const wasSessionEnded = () => sessionEnded;
export const markSessionEnded = (value: boolean) => {
  sessionEnded = value;
};

/** The current session, or null when not signed in (401). Keeps the CSRF token up to date. */
export async function fetchSession(): Promise<Session | null> {
  try {
    const session = await api.get<Session>('/auth/session');
    setCsrfToken(session.csrfToken);
    hadSession = true;
    // Once signed in, the interface speaks the language of the user's profile.
    void applyLanguage(session.user.language);
    return session;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // Signed in a moment ago, and now not: the session expired or was ended elsewhere.
      if (hadSession) markSessionEnded(true);
      hadSession = false;
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a session the server just answered with (sign-in, sign-up, second factor, enrolment). */
export function applySession(queryClient: QueryClient, session: Session | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  hadSession = session !== null;
  if (session) markSessionEnded(false);
  queryClient.setQueryData(SESSION_KEY, session);
  if (session) void applyLanguage(session.user.language);
}

/** Forgets the session and every cached answer that belonged to it. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  hadSession = false;
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
  queryClient.setQueryData(SESSION_KEY, null);
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

export function usePublicConfig() {
  return useQuery({
    queryKey: CONFIG_KEY,
    queryFn: () => api.get<PublicConfig>('/auth/config'),
    staleTime: Infinity,
  });
}
