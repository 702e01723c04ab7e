import type { Config } from './config.js';
import type { AppDeps } from './context.js';
import { lockDataDir } from './db/data-dir-lock.js';
import type { Database } from './db/database.js';
import { runMigrations } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { JobQueue } from './jobs/job-queue.js';
import { PdfRenderer } from './documents/pdf-renderer.js';
import { registerJobs, resumeWorkOnStart } from './jobs/register-jobs.js';
import { createLogger, type Logger } from './logger.js';
import { MailQueue } from './mail/mail-queue.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { RateLimiter } from './security/rate-limiter.js';
import { openObjectStore } from './storage/object-store.js';

export type ServerRole = 'web' | 'worker' | 'cron';

export type Runtime = {
  deps: AppDeps;
  mailer: Mailer;
  /**
   * Starts running jobs (worker role only). Call it once the web server is listening: a long job
   * waiting in the queue (the nightly forecast recompute) must not starve the server's start-up.
   */
  startWorker(): void;
  close(): Promise<void>;
};

/**
 * Opens everything a Climalog process needs, in order: the data-directory lock (embedded database
 * only), the database, migrations, the job queue and mail. `close` undoes it in reverse, so the
 * embedded database is always closed cleanly.
 */
export async function openRuntime(
  config: Config,
  options: { roles: ServerRole[]; purpose: string; log?: Logger; database?: Database; now?: () => Date },
): Promise<Runtime> {
  const log = options.log ?? createLogger(config.logLevel);
  const lock = config.databaseUrl || options.database ? null : lockDataDir(config.dataDir, options.purpose);
  let db: Database | undefined;
  try {
    db =
      options.database ??
      (await openDatabase(config, (error) => log.error({ err: error }, 'background database error')));
    const { applied } = await runMigrations(db);
    if (applied.length > 0) log.info({ applied }, 'database migrations applied');
    const jobs = new JobQueue(db, log, {
      maintenance: options.roles.includes('worker'),
      schedules: options.roles.includes('cron'),
    });
    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
    const now = options.now ?? (() => new Date());
    const rateLimiter = new RateLimiter(db, now);
    const mail = new MailQueue(jobs, mailer, config.appSecret);
    const pdf = new PdfRenderer();
    const storage = openObjectStore(config);
    const deps: AppDeps = { config, db, jobs, mail, mailer, pdf, storage, rateLimiter, log, now };
    registerJobs(deps);
    await jobs.start();
    const openedDb = db;
    return {
      deps,
      mailer,
      startWorker: () => {
        if (!options.roles.includes('worker')) return;
        jobs.startWorker();
        resumeWorkOnStart(deps).catch((error: unknown) =>
          log.error({ err: error }, 'taking up interrupted work failed'),
        );
      },
      close: async () => {
        await jobs.stop();
        await pdf.close();
        mailer.close();
        await openedDb.close();
        lock?.release();
      },
    };
  } catch (error) {
    await db?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}
