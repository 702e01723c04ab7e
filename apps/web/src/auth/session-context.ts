import { createContext, useContext } from 'react';
import type { Session } from '../api/types';

/**
 * The signed-in session, provided by RequireSession to everything below it. A context (rather than
 * each component reading the query) keeps the whole subtree on the session the guard checked:
 * when it ends, the guard redirects and nothing below renders with a missing session.
 */
export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() needs a signed-in session (use it under RequireSession).');
  return session;
}
