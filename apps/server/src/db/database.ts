/**
 * The one database interface the rest of the server sees. Two implementations — the embedded
 * PGlite and a PostgreSQL pool — run the same SQL and return values in the same shapes
 * (dates as 'YYYY-MM-DD' strings, timestamps as Date, bigint and numeric as number).
 */
export type Queryable = {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
};

export type Transaction = Queryable & {
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs after a successful commit (e.g. enqueueing a job); skipped on rollback. */
  afterCommit(callback: () => Promise<void> | void): void;
};

export type Database = Queryable & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction as the connection's own (owner) role. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs several statements without parameters; returns the rows of the last one. */
  exec(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
};

/** Type parsers shared by both drivers so results look the same whichever database runs. */
export const PG_TYPE_OIDS = { INT8: 20, NUMERIC: 1700, DATE: 1082 } as const;

export const parseInt8 = (value: string): number => Number(value);
export const parseNumeric = (value: string): number => Number(value);
export const parseDate = (value: string): string => value;

/** Collects after-commit callbacks and runs them once the transaction is durable. */
export class AfterCommitQueue {
  private callbacks: Array<() => Promise<void> | void> = [];

  add(callback: () => Promise<void> | void): void {
    this.callbacks.push(callback);
  }

  async run(onError: (error: unknown) => void): Promise<void> {
    const callbacks = this.callbacks;
    this.callbacks = [];
    for (const callback of callbacks) {
      try {
        await callback();
      } catch (error) {
        // The transaction is committed; a failing follow-up must not turn the request into an error.
        onError(error);
      }
    }
  }
}
