import { createRequire } from 'node:module';
import type PgBossModule from 'pg-boss';
import type { z } from 'zod';
import type { Database, Transaction } from '../db/database.js';
import { outsideRequest } from '../db/request-transaction.js';
import { outsideBatch } from '../db/tenant-scope.js';
import type { Logger } from '../logger.js';

// pg-boss 10 is CommonJS.
const require = createRequire(import.meta.url);
const PgBoss = require('pg-boss') as typeof PgBossModule;
type Boss = InstanceType<typeof PgBossModule>;

export type JobDefinition<P> = {
  /** Dotted id, e.g. 'email.send'. */
  name: string;
  payload: z.ZodType<P>;
  handler: (payload: P) => Promise<void>;
  /** Attempts after the first; waits grow exponentially from retryDelaySeconds. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  expireInSeconds?: number;
};

type AnyJob = JobDefinition<unknown>;

const POLL_INTERVAL_MS = 1000;
const BATCH_SIZE = 5;
const DEFAULT_EXPIRE_SECONDS = 300;

/**
 * Background work on the application's own database through pg-boss: on PostgreSQL as usual,
 * on the embedded PGlite through pg-boss's `db` adapter (parameterless statements — pg-boss sends
 * several at once — go to exec, the rest to query). Jobs are enqueued after the transaction that
 * caused them commits, retried with exponential backoff, and run by the worker role.
 */
export class JobQueue {
  private readonly boss: Boss;
  private readonly definitions = new Map<string, AnyJob>();
  private readonly schedules = new Map<string, string>();
  private readonly runsSchedules: boolean;
  private started = false;
  private working = false;
  private timer: NodeJS.Timeout | undefined;
  private activeTick: Promise<void> | undefined;

  constructor(
    db: Database,
    private readonly log: Logger,
    options: { maintenance?: boolean; schedules?: boolean } = {},
  ) {
    this.runsSchedules = options.schedules ?? false;
    this.boss = new PgBoss({
      db: {
        executeSql: async (text: string, values?: unknown[]) =>
          values && values.length > 0
            ? { rows: await db.query(text, values) }
            : { rows: await db.exec(text) },
      },
      // Maintenance (expiry, archiving) runs in the worker role, schedules in the cron role.
      supervise: options.maintenance ?? false,
      schedule: options.schedules ?? false,
      migrate: true,
    });
    this.boss.on('error', (error: unknown) => this.log.error({ err: error }, 'job queue error'));
  }

  register<P>(definition: JobDefinition<P>): void {
    if (this.definitions.has(definition.name)) throw new Error(`Job ${definition.name} is registered twice`);
    this.definitions.set(definition.name, definition as AnyJob);
  }

  /** A recurring job (cron syntax, UTC); only the cron role installs schedules. */
  schedule(name: string, cron: string): void {
    this.definitionOf(name);
    this.schedules.set(name, cron);
  }

  /** Creates pg-boss's schema and the queues; does not run jobs (see startWorker). */
  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const def of this.definitions.values()) {
      await this.boss.createQueue(def.name, {
        name: def.name,
        retryLimit: def.retryLimit ?? 5,
        retryDelay: def.retryDelaySeconds ?? 10,
        retryBackoff: true,
        expireInSeconds: def.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS,
      });
    }
    if (this.runsSchedules) {
      for (const [name, cron] of this.schedules) await this.boss.schedule(name, cron, {}, { tz: 'UTC' });
    }
    this.started = true;
  }

  /** Enqueues after tx commits; nothing is sent if it rolls back. */
  enqueue<P>(tx: Transaction, name: string, payload: P): void {
    this.definitionOf(name).payload.parse(payload);
    tx.afterCommit(async () => {
      await this.send(name, payload);
    });
  }

  async send<P>(name: string, payload: P): Promise<string | null> {
    const definition = this.definitionOf(name);
    const id = await this.boss.send(name, definition.payload.parse(payload) as object);
    this.wake();
    return id;
  }

  /** The worker loop: fetch due jobs, run them, complete or fail them (pg-boss schedules retries). */
  startWorker(): void {
    this.working = true;
    this.scheduleTick(0);
  }

  /** Runs every job that is due now, until none is left; used by tests and the CLI. */
  async drain(): Promise<number> {
    let processed = 0;
    for (;;) {
      const count = await this.runDueJobs();
      if (count === 0) return processed;
      processed += count;
    }
  }

  async stop(): Promise<void> {
    this.working = false;
    if (this.timer) clearTimeout(this.timer);
    await this.activeTick;
    if (this.started) await this.boss.stop({ graceful: true, close: false, wait: true, timeout: 5000 });
    this.started = false;
  }

  private definitionOf(name: string): AnyJob {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`Unknown job ${name}`);
    return definition;
  }

  private wake(): void {
    if (this.working && !this.activeTick) this.scheduleTick(0);
  }

  private scheduleTick(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    // The timer may be set while a request runs (wake() after it enqueued a job): the worker's ticks
    // must not inherit that request's context, or its jobs would write the request's idempotency key
    // (nor an import batch's, or they would write into the batch's open transaction).
    this.timer = outsideBatch(() =>
      outsideRequest(() =>
        setTimeout(() => {
          this.activeTick = this.runDueJobs()
            .catch((error: unknown) => {
              this.log.error({ err: error }, 'job worker tick failed');
              return 0;
            })
            .then((count) => {
              this.activeTick = undefined;
              if (this.working) this.scheduleTick(count > 0 ? 0 : POLL_INTERVAL_MS);
            });
        }, delayMs),
      ),
    );
    this.timer.unref();
  }

  private async runDueJobs(): Promise<number> {
    let processed = 0;
    for (const definition of this.definitions.values()) {
      const jobs = await this.boss.fetch<unknown>(definition.name, { batchSize: BATCH_SIZE });
      for (const job of jobs ?? []) {
        processed++;
        try {
          await this.runWithinTimeLimit(definition, job.data);
          await this.boss.complete(definition.name, job.id);
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          this.log.warn(
            { job: definition.name, jobId: job.id, error: message },
            'job failed; pg-boss retries it',
          );
          await this.boss.fail(definition.name, job.id, { message });
        }
      }
    }
    return processed;
  }

  /**
   * Runs a job's handler, but waits for it no longer than the job's expiry: the worker runs one job
   * at a time, so a handler that never settles would otherwise hold up every job after it. Past the
   * limit the job fails (pg-boss retries it) and the worker goes on; the handler is left to end on
   * its own, its outcome ignored.
   */
  private async runWithinTimeLimit(definition: AnyJob, data: unknown): Promise<void> {
    const limitMs = (definition.expireInSeconds ?? DEFAULT_EXPIRE_SECONDS) * 1000;
    const running = definition.handler(definition.payload.parse(data));
    let timer: NodeJS.Timeout | undefined;
    const overdue = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.log.error({ job: definition.name, limitSeconds: limitMs / 1000 }, 'job ran past its time limit');
        reject(new Error(`The job ran past its time limit of ${limitMs / 1000} s.`));
      }, limitMs);
    });
    running.catch(() => undefined);
    try {
      await Promise.race([running, overdue]);
    } finally {
      clearTimeout(timer);
    }
  }
}
