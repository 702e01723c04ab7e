import { randomInt } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type TestResponse = LightMyRequestResponse & { body: string; data: any };

/**
 * A browser-like client on top of Fastify's inject: keeps the session cookie, sends the CSRF
 * token it was given, and comes from its own IP address so rate limits of one test never touch
 * another's.
 */
export class TestClient {
  /** Every cookie the server set (session and portal), as a browser keeps them. */
  private readonly jar = new Map<string, string>();
  csrfToken: string | undefined;
  bearer: string | undefined;
  readonly ip = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

  constructor(private readonly app: FastifyInstance) {}

  /** The Cookie header this client sends; tests may also set it to replay an old cookie. */
  get cookie(): string | undefined {
    return this.jar.size ? [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ') : undefined;
  }

  set cookie(value: string | undefined) {
    this.jar.clear();
    for (const part of value?.split(';') ?? []) {
      const [name, ...rest] = part.trim().split('=');
      if (name) this.jar.set(name, rest.join('='));
    }
  }

  async request(
    method: Method,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<TestResponse> {
    const allHeaders: Record<string, string> = { ...headers };
    if (this.cookie) allHeaders.cookie = this.cookie;
    if (this.csrfToken && method !== 'GET' && !('x-csrf-token' in headers))
      allHeaders['x-csrf-token'] = this.csrfToken;
    if (this.bearer) allHeaders.authorization = `Bearer ${this.bearer}`;
    const response = await this.app.inject({
      method,
      url,
      headers: allHeaders,
      remoteAddress: this.ip,
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
    for (const c of response.cookies) {
      if (c.value) this.jar.set(c.name, c.value);
      else this.jar.delete(c.name);
    }
    let data: unknown;
    try {
      data = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      data = undefined;
    }
    const maybeSession = data as { csrfToken?: string; session?: { csrfToken?: string } | null } | undefined;
    if (typeof maybeSession?.csrfToken === 'string') this.csrfToken = maybeSession.csrfToken;
    if (typeof maybeSession?.session?.csrfToken === 'string') this.csrfToken = maybeSession.session.csrfToken;
    return Object.assign(response, { data }) as TestResponse;
  }

  get = (url: string, headers?: Record<string, string>) => this.request('GET', url, undefined, headers);
  post = (url: string, body?: unknown, headers?: Record<string, string>) =>
    this.request('POST', url, body ?? {}, headers);
  patch = (url: string, body: unknown, headers?: Record<string, string>) =>
    this.request('PATCH', url, body, headers);
  delete = (url: string, headers?: Record<string, string>) => this.request('DELETE', url, undefined, headers);
}

let counter = 0;

/** A unique, realistic company and administrator for one test. */
export function newCompany(overrides: Partial<Record<string, string>> = {}) {
  counter += 1;
  const tag = `${Date.now().toString(36)}${counter}${randomInt(1000)}`;
  return {
    companyName: `Koeltechniek Peeters ${tag}`,
    firstName: 'Annelies',
    lastName: 'Peeters',
    email: `annelies.${tag}@peeters-koeltechniek.be`,
    password: 'vriendelijk-kompas-fietst-42',
    language: 'nl',
    ...overrides,
  };
}

/** Signs up a new company account; returns the signed-in administrator's client. */
export async function signUpCompany(app: FastifyInstance, overrides: Partial<Record<string, string>> = {}) {
  const company = newCompany(overrides);
  const client = new TestClient(app);
  const response = await client.post('/api/v1/auth/signup', company);
  if (response.statusCode !== 201) throw new Error(`sign-up failed: ${response.statusCode} ${response.body}`);
  return { client, company, session: response.data as { user: { id: string }; account: { id: string } } };
}
