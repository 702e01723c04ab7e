import pg from 'pg';
import {
  AfterCommitQueue,
  parseDate,
  parseInt8,
  parseNumeric,
  PG_TYPE_OIDS,
  type Database,
  type Transaction,
} from './database.js';
import { applicationName } from './request-transaction.js';

const typeParsers: Record<number, (value: string) => unknown> = {
  [PG_TYPE_OIDS.INT8]: parseInt8,
  [PG_TYPE_OIDS.NUMERIC]: parseNumeric,
  [PG_TYPE_OIDS.DATE]: parseDate,
};

/** A PostgreSQL server through a pg pool; each transaction holds one pooled connection. */
export function openPostgresDatabase(options: {
  connectionString: string;
  max?: number;
  onAfterCommitError?: (error: unknown) => void;
}): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.max ?? 10,
    // Names this process, so others can tell whether it is still alive (idempotency keys).
    application_name: applicationName(),
    types: {
      // Local parsers instead of pg's global registry, so nothing else in the process is affected.
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        typeParsers[oid] ?? pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  const onAfterCommitError = options.onAfterCommitError ?? (() => undefined);
  pool.on('error', (error) => onAfterCommitError(error));

  return {
    kind: 'postgres',
    pool,
    query: async <T>(sql: string, params?: readonly unknown[]) =>
      (await pool.query(sql, params as unknown[] | undefined)).rows as T[],
    exec: async (sql: string) => {
      // With several statements pg returns one result per statement.
      const result = (await pool.query(sql)) as unknown as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
    },
    transaction: async <T>(fn: (tx: Transaction) => Promise<T>) => {
      const client = await pool.connect();
      const afterCommit = new AfterCommitQueue();
      let result: T;
      try {
        await client.query('begin');
        const tx: Transaction = {
          query: async <R>(sql: string, params?: readonly unknown[]) =>
            (await client.query(sql, params as unknown[] | undefined)).rows as R[],
          exec: async (sql) => {
            await client.query(sql);
          },
          afterCommit: (callback) => afterCommit.add(callback),
        };
        result = await fn(tx);
        await client.query('commit');
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        client.release();
        throw error;
      }
      client.release();
      await afterCommit.run(onAfterCommitError);
      return result;
    },
    close: async () => {
      if (!pool.ended) await pool.end();
    },
  };
}
