import { createBrowserRouter } from 'react-router-dom';
import { ConsultationsPage } from './consultations/ConsultationsPage';
import type { EntryLink } from './entry-link';
import { InstallationPage } from './installations/InstallationPage';
import { InstallationsPage } from './installations/InstallationsPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { PortalRoot } from './PortalRoot';

/** The portal's own routes under /portal; every page sits behind the sign-in of PortalRoot. */
export function createPortalRouter(entry: EntryLink | null, cookiesEnabled: boolean) {
  return createBrowserRouter(
    [
      {
        element: <PortalRoot entry={entry} cookiesEnabled={cookiesEnabled} />,
        children: [
          { index: true, element: <InstallationsPage /> },
          { path: 'installations/:id', element: <InstallationPage /> },
          { path: 'consultations', element: <ConsultationsPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
    { basename: '/portal' },
  );
}
