import { Navigate } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { navItemsFor } from './nav';

/** The start page is the first section this person may use. */
export function HomeRedirect() {
  const { abilities } = useSession();
  const first = navItemsFor(abilities)[0];
  return <Navigate to={first?.path ?? '/profile'} replace />;
}
