import { ApiError, problemFromResponse } from './problem';

export const API_BASE = '/api/v1';

/**
 * The CSRF token of the current session. Every state-changing request sends it; it is replaced
 * whenever the server answers with a (new) session.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The CSRF token for requests made outside apiFetch (uploads with progress). */
export const currentCsrfToken = (): string | null => csrfToken;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | null | undefined;

/** `?a=1&b=2` from an object, leaving out empty values. */
export function queryString(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The URL of an API path, for links such as spreadsheet downloads. */
export const apiUrl = (path: string, params: Record<string, QueryValue> = {}) =>
  `${API_BASE}${path}${queryString(params)}`;

/**
 * The one way the web app talks to the API: JSON in and out, the session cookie along
 * (same origin), the CSRF header on changes, and problem+json turned into an ApiError.
 */
export async function apiFetch<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
  if (!response.ok) throw await problemFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: <T>(path: string, params: Record<string, QueryValue> = {}) =>
    apiFetch<T>('GET', `${path}${queryString(params)}`),
  post: <T>(path: string, body: unknown = {}) => apiFetch<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => apiFetch<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => apiFetch<T>('PATCH', path, body),
  delete: <T>(path: string) => apiFetch<T>('DELETE', path),
};

/** Sends a file as the request body (imports): its own content type, the CSRF header, JSON back. */
export async function apiUpload<T>(path: string, file: Blob, contentType: string): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': contentType };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}`, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
    });
  } catch {
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
  if (!response.ok) throw await problemFromResponse(response);
  return (await response.json()) as T;
}
