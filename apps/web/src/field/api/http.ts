import { ApiError, problemFromResponse } from '../../api/problem';
import { APP_VERSION } from '../version';

export const API_BASE = '/api/v1';

export type SendOptions = {
  json?: unknown;
  /** A file sent as the body (photos), with its content type. */
  file?: Blob;
  contentType?: string;
  idempotencyKey?: string;
  query?: Record<string, string | undefined>;
  accessToken?: string | null;
  signal?: AbortSignal;
};

/**
 * One request to the API as the field app makes it: bearer token instead of a cookie (so no CSRF
 * header), the app version, and the Idempotency-Key of a queued item. A request that never reached
 * the server becomes ApiError status 0.
 */
export async function send(method: string, path: string, options: SendOptions = {}): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json', 'X-App-Version': APP_VERSION };
  if (options.json !== undefined) headers['Content-Type'] = 'application/json';
  if (options.file) headers['Content-Type'] = options.contentType ?? options.file.type;
  if (options.accessToken) headers.Authorization = `Bearer ${options.accessToken}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(options.query ?? {})) if (value) search.set(key, value);
  const url = `${API_BASE}${path}${search.size ? `?${search}` : ''}`;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      body: options.file ?? (options.json === undefined ? undefined : JSON.stringify(options.json)),
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
}

/** The JSON of a successful answer, or the problem of a failed one as ApiError. */
export async function jsonOf<T>(response: Response): Promise<T> {
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export { ApiError };
