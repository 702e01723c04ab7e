import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import pg from 'pg';

/**
 * Where the server keeps its data during a benchmark: the embedded database (PGlite in DATA_DIR,
 * the default), or a fresh database created for the run on a PostgreSQL server and dropped after.
 */

/** @typedef {{ kind: 'pglite' } | { kind: 'postgres', serverUrl: string }} DatabaseTarget */

/**
 * @typedef {object} SqlConnection  a direct connection as the database owner (past row-level security)
 * @property {<T = Record<string, unknown>>(sql: string, params?: unknown[]) => Promise<T[]>} query
 * @property {() => Promise<void>} close
 */

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * PostgreSQL when asked for with --db=postgres or when BENCH_DATABASE_URL / DATABASE_URL is set.
 * @param {string | undefined} option  the value of --db
 * @param {Record<string, string | undefined>} env
 * @returns {DatabaseTarget}
 */
export function databaseTarget(option, env) {
  const url = env.BENCH_DATABASE_URL || env.DATABASE_URL;
  if (option === 'pglite' || option === 'embedded') return { kind: 'pglite' };
  if (option === 'postgres' || (option === undefined && url)) {
    return { kind: 'postgres', serverUrl: url || DEFAULT_POSTGRES_URL };
  }
  if (option !== undefined) throw new Error(`--db must be pglite or postgres, not "${option}"`);
  return { kind: 'pglite' };
}

/**
 * The database as the results describe it, with its version.
 * @param {DatabaseTarget} target
 */
export async function describeDatabase(target) {
  if (target.kind === 'pglite') {
    // The package's exports hide its package.json: read it next to its entry point.
    const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
    const { version } = JSON.parse(readFileSync(join(entry, '../../package.json'), 'utf8'));
    return `embedded (PGlite ${version})`;
  }
  const client = new pg.Client({ connectionString: target.serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query('show server_version');
    return `PostgreSQL ${String(rows[0]?.server_version).split(' ')[0]} (loopback TCP)`;
  } finally {
    await client.end();
  }
}

/**
 * A fresh, empty database for one scenario: nothing to create for PGlite (the server creates it in
 * its empty DATA_DIR); on PostgreSQL a new database, dropped by `drop`.
 * @param {DatabaseTarget} target
 * @returns {Promise<{ databaseUrl: string | undefined, drop: () => Promise<void> }>}
 */
export async function createDatabase(target) {
  if (target.kind === 'pglite') return { databaseUrl: undefined, drop: async () => undefined };
  const name = `climalog_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: target.serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(target.serverUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: target.serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Opens the scenario's database directly. The embedded database may be opened by one process only:
 * stop the server first (the environment's `withSql` does).
 * @param {{ dataDir: string, databaseUrl: string | undefined, connections?: number }} where
 *   connections: on PostgreSQL, a pool of that many (no begin/commit then: each query may take
 *   another connection); the embedded database is one connection whatever is asked
 * @returns {Promise<SqlConnection>}
 */
export async function openSql({ dataDir, databaseUrl, connections = 1 }) {
  if (databaseUrl && connections > 1) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
    return {
      query: async (sql, params) => /** @type {any[]} */ ((await pool.query(sql, params)).rows),
      close: () => pool.end(),
    };
  }
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return {
      query: async (sql, params) => /** @type {any[]} */ ((await client.query(sql, params)).rows),
      close: () => client.end(),
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create({ dataDir: join(dataDir, 'pgdata') });
  return {
    query: async (sql, params) => /** @type {any[]} */ ((await db.query(sql, params)).rows),
    close: () => db.close(),
  };
}
