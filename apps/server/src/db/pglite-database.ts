import { PGlite, types } from '@electric-sql/pglite';
import {
  AfterCommitQueue,
  parseDate,
  parseInt8,
  parseNumeric,
  type Database,
  type Transaction,
} from './database.js';

/**
 * PGlite runs one PostgreSQL backend in this process: one session shared by everyone. A query
 * issued while someone else's transaction is open would run inside that transaction, so every
 * statement and every whole transaction goes through one FIFO queue.
 */
export async function openPgliteDatabase(options: {
  dataDir?: string;
  loadDataDir?: Blob;
  onAfterCommitError?: (error: unknown) => void;
}): Promise<Database & { pglite: PGlite }> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    // Never relax durability: an acknowledged write must survive a kill -9.
    relaxedDurability: false,
    parsers: {
      [types.INT8]: parseInt8,
      [types.NUMERIC]: parseNumeric,
      [types.DATE]: parseDate,
    },
  });
  const onAfterCommitError = options.onAfterCommitError ?? (() => undefined);
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  let closed = false;

  return {
    kind: 'pglite',
    pglite,
    query: <T>(sql: string, params?: readonly unknown[]) =>
      exclusive(async () => (await pglite.query<T>(sql, params as unknown[] | undefined)).rows),
    exec: (sql: string) => exclusive(async () => (await pglite.exec(sql)).at(-1)?.rows ?? []),
    transaction: async <T>(fn: (tx: Transaction) => Promise<T>) => {
      const afterCommit = new AfterCommitQueue();
      const result = await exclusive(() =>
        pglite.transaction(async (inner) => {
          const tx: Transaction = {
            query: async <R>(sql: string, params?: readonly unknown[]) =>
              (await inner.query<R>(sql, params as unknown[] | undefined)).rows,
            exec: async (sql) => {
              await inner.exec(sql);
            },
            afterCommit: (callback) => afterCommit.add(callback),
          };
          return fn(tx);
        }),
      );
      await afterCommit.run(onAfterCommitError);
      return result;
    },
    close: () =>
      exclusive(async () => {
        if (closed) return;
        closed = true;
        await pglite.close();
      }),
  };
}
