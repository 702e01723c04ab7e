import type { APIRequestContext, Browser, BrowserContext } from 'playwright-core';
import { beforeAll } from 'vitest';
import { useServerAndBrowser, type ServerAndBrowser } from './browser';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export type SignedIn = {
  context: BrowserContext;
  csrfToken: string;
  /** apiCall with this session. */
  api: <T>(method: Method, path: string, data?: unknown) => Promise<T>;
};

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
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    context,
    csrfToken,
    api: (method, path, data) => apiCall(context.request, csrfToken, method, path, data),
  };
}

/** A JSON call to the API with the session cookie and the CSRF header. */
export async function apiCall<T>(
  request: APIRequestContext,
  csrfToken: string,
  method: Method,
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

export type AdminSuite = ServerAndBrowser & { admin: SignedIn };

/**
 * Called in a describe block: the server and Chromium (useServerAndBrowser) and the administrator
 * of a company signed up with this email address, ready when the tests run.
 */
export function useSignedInAdmin(email: string): AdminSuite {
  const suite = useServerAndBrowser() as AdminSuite;
  beforeAll(async () => {
    suite.admin = await signUpCompany(suite.browser, suite.server.url, email);
  });
  return suite;
}

type Fields = Record<string, unknown>;

/**
 * A customer with a location and an installation there, through the API: by default Bakkerij
 * Janssens, Kerkstraat 12, 9000 Gent, with "Split 1", an air conditioner holding 12.5 kg R-410A.
 * Each part's fields replace the defaults one by one; with `customerId` the location goes to that
 * existing customer instead of a new one.
 */
export async function createInstallation(
  admin: SignedIn,
  parts: { customer?: Fields; customerId?: string; location?: Fields; installation?: Fields } = {},
): Promise<{ customer: { id: string }; location: { id: string }; installation: { id: string } }> {
  const customer = parts.customerId
    ? { id: parts.customerId }
    : await admin.api<{ id: string }>('POST', '/customers', { name: 'Bakkerij Janssens', ...parts.customer });
  const location = await admin.api<{ id: string }>('POST', '/locations', {
    customerId: customer.id,
    street: 'Kerkstraat',
    number: '12',
    postcode: '9000',
    city: 'Gent',
    ...parts.location,
  });
  const installation = await admin.api<{ id: string }>('POST', '/installations', {
    locationId: location.id,
    kind: 'air_conditioning',
    reference: 'Split 1',
    refrigerant: 'R-410A',
    chargeKg: 12.5,
    ...parts.installation,
  });
  return { customer, location, installation };
}
