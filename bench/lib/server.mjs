import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { REPO_ROOT, SERVER_MAIN } from './paths.mjs';

/**
 * The real server (node apps/server/dist/main.js) as a child process, as the e2e tests start it
 * (e2e/support/climalog-process.ts), so what is measured is what runs in production.
 */

/**
 * @typedef {object} RunningServer
 * @property {string} url  e.g. http://127.0.0.1:41234
 * @property {number} pid  of the server process, for its memory in /proc
 * @property {() => string} output  what it printed
 * @property {() => Promise<number | null>} stop  SIGTERM, then SIGKILL after 15 s; the exit code
 * @property {() => Promise<void>} kill  kill -9, as a crash or power loss would stop it
 */

/** @type {Set<import('node:child_process').ChildProcess>} */
const children = new Set();

/**
 * Kills every server this process started and has not stopped: the last resort when the bench is
 * interrupted (also while a server is still starting), run synchronously on exit.
 */
export function killAllServers() {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
}
process.on('exit', killAllServers);

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts the server with an empty or existing DATA_DIR (and PostgreSQL when databaseUrl is given),
 * and waits until /readyz answers.
 * @param {{ dataDir: string, databaseUrl?: string | undefined, port?: number, nodeFlags?: string[],
 *   env?: Record<string, string> }} options  nodeFlags: for node itself, e.g. --trace-gc
 * @returns {Promise<RunningServer>}
 */
export async function startServer({ dataDir, databaseUrl, port: fixedPort, nodeFlags = [], env = {} }) {
  const port = fixedPort ?? /** @type {number} */ (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child = spawn(process.execPath, [...nodeFlags, SERVER_MAIN], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: url,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      SIGNUP: 'open',
      SMTP_URL: '',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.on('exit', () => children.delete(child));
  child.stdout.on('data', (/** @type {Buffer} */ d) => (output += d.toString()));
  child.stderr.on('data', (/** @type {Buffer} */ d) => (output += d.toString()));
  /** @type {Promise<number | null>} */
  const exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
  // Generous: on a busy shared machine the embedded database of a large seed takes a while to open.
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Climalog exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`Climalog did not become ready:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
    child.kill('SIGTERM');
    const timeout = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await exited;
    clearTimeout(timeout);
    return code;
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { url, pid: /** @type {number} */ (child.pid), output: () => output, stop, kill };
}
