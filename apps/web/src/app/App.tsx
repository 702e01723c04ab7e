import { RouterProvider } from 'react-router-dom';
import { CookiesDisabledPage } from './CookiesDisabledPage';
import { Providers } from './Providers';
import { router } from './router';

/** Without cookies nobody can sign in: say so plainly instead of failing at the first request. */
export function App({ cookiesEnabled }: { cookiesEnabled: boolean }) {
  return (
    <Providers>{cookiesEnabled ? <RouterProvider router={router} /> : <CookiesDisabledPage />}</Providers>
  );
}
