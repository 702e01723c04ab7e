import { API_BASE, currentCsrfToken, queryString, type QueryValue } from './client';
import { ApiError, problemFromResponse } from './problem';

/** A file the API answered with: its bytes, the name the server chose and the response headers. */
export type DownloadedFile = { blob: Blob; filename: string; headers: Headers };

/** The file name of a Content-Disposition header (RFC 6266: filename* wins over filename). */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed encoding: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a file (PDF, spreadsheet, attachment) with the session cookie; a failure becomes an
 * ApiError like every other call, so the page can say what went wrong instead of saving an error.
 */
export async function fetchFile(
  path: string,
  params: Record<string, QueryValue> = {},
  fallbackName = 'download',
): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${path}${queryString(params)}`, { credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, { detail: 'The server could not be reached.' });
  }
  if (!response.ok) throw await problemFromResponse(response);
  return {
    blob: await response.blob(),
    filename: filenameOf(response.headers.get('content-disposition'), fallbackName),
    headers: response.headers,
  };
}

/** Hands a fetched file to the browser as a download under its own name. */
export function saveFile({ blob, filename }: Pick<DownloadedFile, 'blob' | 'filename'>): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked a little later: some browsers read the URL after click() returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Uploads a file as the request body, reporting progress (0–1) while it goes out: fetch cannot,
 * XMLHttpRequest can. Same rules as apiUpload: cookie, CSRF header, problem+json as ApiError.
 */
export function uploadWithProgress<T>(
  path: string,
  body: Blob,
  contentType: string,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}${path}`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', contentType);
    const csrf = currentCsrfToken();
    if (csrf) xhr.setRequestHeader('X-CSRF-Token', csrf);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () => reject(new ApiError(0, { detail: 'The server could not be reached.' }));
    xhr.onload = () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('content-type');
      if (type) headers.set('content-type', type);
      const retryAfter = xhr.getResponseHeader('retry-after');
      if (retryAfter) headers.set('retry-after', retryAfter);
      const status = xhr.status >= 200 && xhr.status <= 599 ? xhr.status : 500;
      const response = new Response(status === 204 ? null : xhr.responseText, { status, headers });
      if (!response.ok) {
        void problemFromResponse(response).then(reject);
        return;
      }
      onProgress(1);
      void response
        .json()
        .then((data: unknown) => resolve(data as T))
        .catch(() => reject(new ApiError(status, { detail: 'The answer was not JSON.' })));
    };
    xhr.send(body);
  });
}
