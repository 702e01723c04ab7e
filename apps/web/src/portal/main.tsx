import '@mantine/core/styles.css';
import './portal.css';
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router-dom';
import { theme } from '../app/theme';
import { takeEntryLink } from './entry-link';
import { initPortalI18n } from './i18n';
import { createPortalRouter } from './router';
import { portalQueryClient } from './session';

/** Entry point of the customer portal (/portal): its own small bundle, router, strings and API client. */
async function start(): Promise<void> {
  // Before the router reads the address: the code or token leaves the address bar at once.
  const entry = takeEntryLink();
  await initPortalI18n();
  const root = document.getElementById('root');
  if (!root) throw new Error('The page has no #root element.');
  const router = createPortalRouter(entry, navigator.cookieEnabled);
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={portalQueryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <RouterProvider router={router} />
        </MantineProvider>
      </QueryClientProvider>
    </StrictMode>,
  );
}

void start();
