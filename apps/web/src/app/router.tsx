import { createBrowserRouter } from 'react-router-dom';
import { AuthLayout } from '../auth/AuthLayout';
import { authRoutes } from '../auth/routes';
import { serviceRoutes } from '../service/routes';
import { NotFoundPage } from './NotFoundPage';

/**
 * Route groups by audience, all under /app/: the sign-in pages and the Service app (for the
 * HVAC-R company's staff). The end-customer portal, the field app, Connect and the operator's
 * back office will each add their own group here (src/portal, src/field, src/connect,
 * src/backoffice).
 */
export const router = createBrowserRouter(
  [
    ...authRoutes,
    ...serviceRoutes,
    { element: <AuthLayout />, children: [{ path: '*', element: <NotFoundPage /> }] },
  ],
  { basename: '/app' },
);
