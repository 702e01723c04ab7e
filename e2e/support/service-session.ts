import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';

export type SignedIn = { context: BrowserContext; csrfToken: string };

/**
 * A browser context signed in as the administrator of a new company account (created through the
 * sign-up API), with the interface in English so the tests read the English strings.
 */
export async function signUpCompany(browser: Browser, url: string, email: string): Promise<SignedIn> {
  const context = await browser.newContext({ baseURL: url, viewport: { width: 1360, height: 900 } });
  await context.addInitScript(() => window.localStorage.setItem('climalog.language', 'en'));
  const response = await context.request.post('/api/v1/auth/signup', {
    data: {
      companyName: 'Koeltechniek Peeters',
      firstName: 'Els',
      lastName: 'Peeters',
      email,
      password: 'vriendelijk-kompas-fietst-42',
      language: 'en',
    },
  });
  if (!response.ok()) throw new Error(`Sign-up failed: ${response.status()} ${await response.text()}`);
  const session = (await response.json()) as { csrfToken: string };
  return { context, csrfToken: session.csrfToken };
}

/** A JSON call to the API with the session cookie and the CSRF header. */
export async function apiCall<T>(
  request: APIRequestContext,
  csrfToken: string,
  method: 'GET' | 'POST',
  path: string,
  data?: unknown,
): Promise<T> {
  const response = await request.fetch(`/api/v1${path}`, {
    method,
    data,
    headers: { 'X-CSRF-Token': csrfToken },
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}
