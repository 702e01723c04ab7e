import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { CenteredLoader } from '../components/CenteredLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import type { SignInNotice } from './next-path';
import { SessionContext } from './session-context';
import { isSigningOut, useSessionQuery, wasSessionEnded } from './session';

/** Routes below need a fully signed-in session; others go to the sign-in page (and come back). */
export function RequireSession() {
  const { data: session, isPending, error } = useSessionQuery();
  const location = useLocation();
  if (isPending) return <CenteredLoader />;
  if (error) return <ErrorAlert error={error} />;
  if (!session && isSigningOut()) return null;
  if (!session || session.stage !== 'active') {
    const next = `${location.pathname}${location.search}`;
    const query = next && next !== '/' ? `?next=${encodeURIComponent(next)}` : '';
    const state: SignInNotice = wasSessionEnded() ? { notice: 'sessionEnded' } : {};
    return <Navigate to={`/sign-in${query}`} replace state={state} />;
  }
  return (
    <SessionContext value={session}>
      <Outlet />
    </SessionContext>
  );
}
