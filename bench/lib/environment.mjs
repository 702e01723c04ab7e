import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase, openSql } from './database.mjs';
import { freePort, startServer } from './server.mjs';

/**
 * @typedef {import('./database.mjs').DatabaseTarget} DatabaseTarget
 * @typedef {import('./database.mjs').SqlConnection} SqlConnection
 * @typedef {import('./server.mjs').RunningServer} RunningServer
 */

/**
 * @typedef {object} Environment  one scenario's server and database, thrown away afterwards
 * @property {() => RunningServer} server  the running server (a new one after a restart)
 * @property {string} dataDir
 * @property {() => Promise<RunningServer>} restart  a fresh server process on the same data and port
 * @property {<T>(fn: (sql: SqlConnection) => Promise<T>) => Promise<T>} withSql  direct SQL as
 *   the owner; on the embedded database the server is stopped meanwhile (one process at a time).
 *   Afterwards a freshly started server runs, on either database.
 * @property {<T>(fn: (where: { dataDir: string, databaseUrl: string | undefined }) => Promise<T>)
 *   => Promise<T>} whileStopped  fn may open the database itself (e.g. the server's own code, see
 *   seed.mjs openServerRuntime): on the embedded database the server is stopped meanwhile.
 *   Afterwards a freshly started server runs, on either database.
 * @property {() => Promise<void>} close  stops the server, drops the database, removes DATA_DIR
 */

/** @type {Set<Environment>} */
const open = new Set();

/**
 * @typedef {object} EnvironmentOptions
 * @property {string[]} [nodeFlags]  flags for the server's node process, e.g. --trace-gc
 * @property {Record<string, string>} [env]  extra environment for the server, e.g. LOG_LEVEL
 */

/**
 * A temporary DATA_DIR, a fresh database and the server started on them.
 * @param {DatabaseTarget} target
 * @param {EnvironmentOptions} [options]
 * @returns {Promise<Environment>}
 */
export async function openEnvironment(target, options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'climalog-bench-'));
  /** @type {{ databaseUrl: string | undefined, drop: () => Promise<void> } | null} */
  let database = null;
  /** @type {RunningServer | null} */
  let server = null;
  let closed = false;
  let port = 0;
  const start = async () => {
    server = await startServer({
      dataDir,
      databaseUrl: database?.databaseUrl,
      port,
      // BENCH_SERVER_NODE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof", to profile a scenario's server.
      nodeFlags: [
        ...(options.nodeFlags ?? []),
        ...(process.env.BENCH_SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
      env: options.env ?? {},
    });
    return server;
  };
  /** @type {Environment} */
  const environment = {
    server: () => {
      if (!server) throw new Error('The server is not running');
      return server;
    },
    dataDir,
    restart: async () => {
      await server?.stop();
      server = null;
      return start();
    },
    whileStopped: async (fn) => {
      if (target.kind === 'pglite') {
        await server?.stop();
        server = null;
      }
      try {
        return await fn({ dataDir, databaseUrl: database?.databaseUrl });
      } finally {
        await environment.restart();
      }
    },
    withSql: (fn) =>
      environment.whileStopped(async (where) => {
        const sql = await openSql(where);
        try {
          return await fn(sql);
        } finally {
          await sql.close();
        }
      }),
    close: async () => {
      if (closed) return;
      closed = true;
      open.delete(environment);
      try {
        await server?.stop();
        await database?.drop();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
  // Registered before anything else can fail or be interrupted, so closing always cleans up.
  open.add(environment);
  try {
    database = await createDatabase(target);
    // The same port across restarts, so clients keep their URL.
    port = /** @type {number} */ (await freePort());
    await start();
  } catch (error) {
    await environment.close();
    throw error;
  }
  return environment;
}

/** The end of what each open environment's server printed, to show when a scenario fails. */
export function serverOutputTails(chars = 2000) {
  return [...open].flatMap((e) => {
    try {
      return [e.server().output().slice(-chars)];
    } catch {
      return [];
    }
  });
}

/** Closes whatever is still open (on Ctrl-C or a failed scenario). */
export async function closeAllEnvironments() {
  await Promise.allSettled([...open].map((e) => e.close()));
}
