import { signUpWithApiKey, type Api } from '../../bench/lib/api.mjs';
import { DEFAULT_POSTGRES_URL, type DatabaseTarget } from '../../bench/lib/database.mjs';
import { openEnvironment, type Environment } from '../../bench/lib/environment.mjs';
import { keepAliveAgent, requestJson, type JsonResponse } from '../../bench/lib/load.mjs';

/**
 * The built server (apps/server/dist) as a real child process, on the database of the test
 * project: PGlite in a temporary DATA_DIR (quality:pglite), or a fresh database created on the
 * PostgreSQL server of TEST_DATABASE_URL (quality:postgres) and dropped afterwards. Started and
 * stopped through the benchmark's environment (bench/lib/environment.mjs), so both measure the same.
 */
export function databaseTarget(): DatabaseTarget {
  return process.env.TEST_DB === 'postgres'
    ? { kind: 'postgres', serverUrl: process.env.TEST_DATABASE_URL || DEFAULT_POSTGRES_URL }
    : { kind: 'pglite' };
}

export const openServer = (): Promise<Environment> => openEnvironment(databaseTarget());

/** The sign-up of bench/lib/api.mjs: its administrator signs in with this. */
export const ADMIN = { login: 'bench@example.test', password: 'traag-meten-snel-weten-2026' };

export type Client = {
  /** Sends to /api/v1{path}; resolves for every status, rejects when the connection fails. */
  send: (
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<JsonResponse>;
  /** The same, but anything else than 2xx throws with the status and the answer. */
  ok: (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<any>;
};

/**
 * A client with its own keep-alive connections (`sockets` of them) and fixed headers, following
 * the environment across restarts (the port stays the same).
 */
export function clientOf(environment: Environment, headers: Record<string, string>, sockets = 64): Client {
  const agent = keepAliveAgent(sockets);
  const send: Client['send'] = (method, path, body, extra = {}) =>
    requestJson(`${environment.server().url}/api/v1${path}`, {
      agent,
      method,
      headers: { ...headers, ...extra },
      body,
    });
  return {
    send,
    ok: async (method, path, body, extra) => {
      const response = await send(method, path, body, extra);
      if (response.status < 200 || response.status > 299) {
        throw new Error(`${method} ${path}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
      }
      return response.body;
    },
  };
}

/** A company signed up on the server, with an API key (a manager) and a technician. */
export async function signUp(environment: Environment): Promise<{ api: Api; client: Client }> {
  const api = await signUpWithApiKey(environment.server().url);
  return { api, client: clientOf(environment, api.headers) };
}

/** The field app's sign-in: device tokens bound to the installation ID the app generated. */
export async function signInDevice(
  environment: Environment,
  installationId: string,
): Promise<Client & { headers: Record<string, string> }> {
  const anonymous = clientOf(environment, {}, 1);
  const pair = await anonymous.ok(
    'POST',
    '/auth/tokens',
    { ...ADMIN, installationId, deviceName: 'Quality device', os: 'test' },
    { 'x-app-version': 'quality' },
  );
  const headers = { authorization: `Bearer ${pair.accessToken}` };
  return { ...clientOf(environment, headers), headers };
}
