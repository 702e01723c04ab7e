import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../api/problem';
import { SESSION_KEY, clearSession, markSessionEnded } from '../auth/session';

/**
 * A 401 from any call means the session is gone (expired, signed out elsewhere): forget it, and
 * the protected layout sends the person to the sign-in page.
 */
function onError(error: unknown): void {
  if (isApiError(error) && error.status === 401 && queryClient.getQueryData(SESSION_KEY)) {
    markSessionEnded(true);
    clearSession(queryClient);
  }
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      retry: (failures, error) =>
        !(isApiError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});
