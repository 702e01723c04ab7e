import { createWriteStream } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';

/**
 * The API as a client sees it: a company signed up through POST /auth/signup (session cookie and
 * CSRF token), a system user with an API key, and then every call with "Authorization: Bearer".
 */

/**
 * @typedef {object} Api
 * @property {string} url  the server's origin
 * @property {string} key  the API key
 * @property {Record<string, string>} headers  the Authorization header
 * @property {string} tenantId
 * @property {string} adminId  the user who signed up (an administrator)
 * @property {string} technicianId  a technician (no sign-in), to be the executor of work orders
 * @property {<T = any>(path: string) => Promise<T>} get  JSON from /api/v1{path}
 * @property {<T = any>(path: string, body: unknown) => Promise<T>} post
 */

/**
 * The JSON body of a successful response; a failed one throws with its status and body.
 * @param {Response} response
 * @param {string} what
 * @returns {Promise<any>}
 */
async function json(response, what) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Signs up a company, creates a technician and a system user (manager) with an API key, and returns a client for it.
 * @param {string} url
 * @returns {Promise<Api>}
 */
export async function signUpWithApiKey(url) {
  const signup = await fetch(`${url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({
      companyName: 'Bench Koeltechniek',
      firstName: 'Bea',
      lastName: 'Bench',
      email: 'bench@example.test',
      password: 'traag-meten-snel-weten-2026',
      language: 'en',
    }),
  });
  const session = await json(signup, 'POST /auth/signup');
  const cookie = (signup.headers.getSetCookie?.() ?? [])
    .map((c) => c.split(';')[0])
    .filter(Boolean)
    .join('; ');
  const sessionHeaders = {
    'content-type': 'application/json',
    origin: url,
    cookie,
    'x-csrf-token': session.csrfToken,
  };
  const user = await json(
    await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: sessionHeaders,
      body: JSON.stringify({ kind: 'system', name: 'Benchmark', roles: ['manager'] }),
    }),
    'POST /users',
  );
  const technician = await json(
    await fetch(`${url}/api/v1/users`, {
      method: 'POST',
      headers: sessionHeaders,
      body: JSON.stringify({
        kind: 'person',
        firstName: 'Tom',
        lastName: 'Technieker',
        roles: ['technician'],
      }),
    }),
    'POST /users',
  );
  const apiKey = await json(
    await fetch(`${url}/api/v1/users/${user.id}/api-keys`, {
      method: 'POST',
      headers: sessionHeaders,
      body: JSON.stringify({ name: 'bench' }),
    }),
    'POST /users/{id}/api-keys',
  );
  const headers = { authorization: `Bearer ${apiKey.key}` };
  return {
    url,
    key: apiKey.key,
    headers,
    tenantId: session.account.id,
    adminId: session.user.id,
    technicianId: technician.id,
    get: async (path) => json(await fetch(`${url}/api/v1${path}`, { headers }), `GET ${path}`),
    post: async (path, body) =>
      json(
        await fetch(`${url}/api/v1${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        }),
        `POST ${path}`,
      ),
  };
}

/**
 * Streams a GET response into a file (so the client holds none of it in memory).
 * @param {Api} api
 * @param {string} path  under /api/v1
 * @param {string} file
 * @returns {Promise<{ bytes: number, firstByteMs: number, headers: http.IncomingHttpHeaders }>}
 *   firstByteMs: from sending the request until the first byte of the body arrived
 */
export function downloadTo(api, path, file) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = NaN;
    const request = http.get(`${api.url}/api/v1${path}`, { headers: api.headers }, (response) => {
      if (response.statusCode !== 200) {
        let body = '';
        response.on('data', (/** @type {Buffer} */ d) => (body += d.toString()));
        response.on('end', () => reject(new Error(`GET ${path}: HTTP ${response.statusCode} ${body}`)));
        return;
      }
      let bytes = 0;
      response.on('data', (/** @type {Buffer} */ chunk) => {
        if (bytes === 0) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      pipeline(response, createWriteStream(file)).then(
        () => resolve({ bytes, firstByteMs, headers: response.headers }),
        reject,
      );
    });
    request.on('error', reject);
  });
}
