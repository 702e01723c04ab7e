import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Transaction } from './database.js';

/**
 * This server process, as it names itself to the database (PostgreSQL's application_name) and in
 * what it claims there (idempotency keys): something claimed by a process that is gone can then be
 * told apart from something a live process is still working on.
 */
export const PROCESS_ID = randomUUID();

/** The application_name of this process's PostgreSQL connections. */
export const applicationName = (processId: string = PROCESS_ID) => `climalog:${processId}`;

/**
 * Work a request wants done inside each of its tenant transactions, just before the commit, so it
 * becomes durable together with what the transaction wrote (or not at all). Receives the
 * transaction's result.
 */
export type BeforeCommit = (tx: Transaction, result: unknown) => Promise<void>;

const beforeCommitOfRequest = new AsyncLocalStorage<BeforeCommit>();

/** Runs `next` (the rest of the request) with `hook` called before each tenant transaction commits. */
export function runWithBeforeCommit<T>(hook: BeforeCommit, next: () => T): T {
  return beforeCommitOfRequest.run(hook, next);
}

/** The current request's before-commit work, if any. */
export function currentBeforeCommit(): BeforeCommit | undefined {
  return beforeCommitOfRequest.getStore();
}

/**
 * Runs `fn` outside any request's context. Timers and callbacks created inside a request inherit
 * its context; background work they start (the job worker's next tick, woken by a request that
 * enqueued a job) must not run the request's before-commit work in its own transactions.
 */
export function outsideRequest<T>(fn: () => T): T {
  return beforeCommitOfRequest.exit(fn);
}
