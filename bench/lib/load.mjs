import http from 'node:http';
import { performance } from 'node:perf_hooks';

/**
 * A small closed-loop load generator on node:http (cheaper per request than fetch, so the client
 * takes as little as possible of the CPU it shares with the server): N workers each send a
 * request, wait for the whole response, and send the next, until the time is up or the signal
 * says stop. Requests in flight at the end are completed and counted.
 */

/**
 * @typedef {object} LoopResult
 * @property {number[]} latencies  milliseconds of each successful task
 * @property {number} errors
 * @property {string | null} firstError
 * @property {number} seconds  from the start until the last worker stopped
 */

/**
 * A keep-alive agent for `sockets` parallel connections.
 * @param {number} sockets
 */
export function keepAliveAgent(sockets) {
  return new http.Agent({ keepAlive: true, maxSockets: sockets, maxFreeSockets: sockets });
}

/**
 * GETs a URL, reads the body through and returns its status and size; non-2xx statuses reject.
 * @param {string} url
 * @param {{ agent: http.Agent, headers?: Record<string, string> }} options
 * @returns {Promise<{ status: number, bytes: number }>}
 */
export function getAndDiscard(url, { agent, headers = {} }) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      let bytes = 0;
      response.on('data', (/** @type {Buffer} */ chunk) => (bytes += chunk.length));
      response.on('error', reject);
      response.on('end', () => {
        const status = response.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve({ status, bytes });
        else reject(new Error(`GET ${new URL(url).pathname}: HTTP ${status}`));
      });
    });
    request.on('error', reject);
  });
}

/**
 * @typedef {object} JsonResponse
 * @property {number} status
 * @property {http.IncomingHttpHeaders} headers
 * @property {any} body  the parsed JSON (null for an empty or non-JSON body)
 * @property {number} bytes
 */

/**
 * Sends a request with an optional JSON body on the agent and reads the whole answer; resolves for
 * every status (the caller decides what is an error), rejects when the connection fails.
 * @param {string} url
 * @param {{ agent: http.Agent, method?: string, headers?: Record<string, string>, body?: unknown }} options
 * @returns {Promise<JsonResponse>}
 */
export function requestJson(url, { agent, method = 'GET', headers = {}, body }) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        agent,
        method,
        headers: payload === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      },
      (response) => {
        /** @type {Buffer[]} */
        const chunks = [];
        response.on('data', (/** @type {Buffer} */ chunk) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks);
          let parsed = null;
          if (/\bjson\b/.test(String(response.headers['content-type'])) && text.length) {
            try {
              parsed = JSON.parse(text.toString('utf8'));
            } catch {
              parsed = null;
            }
          }
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: parsed,
            bytes: text.length,
          });
        });
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/**
 * Runs `task` in `concurrency` closed loops for `durationMs`, or until `signal` aborts.
 * @param {{ concurrency: number, durationMs?: number, signal?: AbortSignal, maxErrors?: number,
 *   task: () => Promise<unknown> }} options
 * @returns {Promise<LoopResult>}
 */
export async function closedLoop({ concurrency, durationMs, signal, maxErrors = 100, task }) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  /** @type {string | null} */
  let firstError = null;
  const started = performance.now();
  const deadline = durationMs === undefined ? Infinity : started + durationMs;
  const running = () => !signal?.aborted && performance.now() < deadline && errors < maxErrors;
  const worker = async () => {
    while (running()) {
      const t0 = performance.now();
      try {
        await task();
        latencies.push(performance.now() - t0);
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000 };
}

/**
 * One request at a time every `intervalMs` until the signal aborts: how long a lone request waits
 * while the server is busy with something else (a blocked event loop shows as a long one).
 * @param {{ intervalMs: number, signal: AbortSignal, task: () => Promise<unknown> }} options
 * @returns {Promise<LoopResult>}
 */
export async function probe({ intervalMs, signal, task }) {
  /** @type {number[]} */
  const latencies = [];
  let errors = 0;
  /** @type {string | null} */
  let firstError = null;
  const started = performance.now();
  while (!signal.aborted) {
    const t0 = performance.now();
    try {
      await task();
      latencies.push(performance.now() - t0);
    } catch (error) {
      errors += 1;
      firstError ??= error instanceof Error ? error.message : String(error);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  return { latencies, errors, firstError, seconds: (performance.now() - started) / 1000 };
}
