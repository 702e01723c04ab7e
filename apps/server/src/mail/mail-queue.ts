import { z } from 'zod';
import type { Transaction } from '../db/database.js';
import type { JobQueue } from '../jobs/job-queue.js';
import { SecretBox } from '../security/secret-box.js';
import type { Mailer, OutgoingMail } from './mailer.js';

const JOB = 'email.send';

/**
 * Every email leaves through the job queue (retried with backoff when the SMTP server is down).
 * The message is sealed in the job payload: it can hold a one-time link, which must not sit
 * readable in the database.
 */
export class MailQueue {
  private readonly box: SecretBox;

  constructor(
    private readonly jobs: JobQueue,
    private readonly mailer: Mailer,
    appSecret: string,
  ) {
    this.box = new SecretBox(appSecret, 'mail-jobs');
    jobs.register({
      name: JOB,
      payload: z.object({ sealed: z.string() }),
      retryLimit: 8,
      retryDelaySeconds: 30,
      handler: async ({ sealed }) => {
        await this.mailer.send(JSON.parse(this.box.open(sealed)) as OutgoingMail);
      },
    });
  }

  get mode(): Mailer['mode'] {
    return this.mailer.mode;
  }

  /** Sends after tx commits. */
  queue(tx: Transaction, mail: OutgoingMail): void {
    this.jobs.enqueue(tx, JOB, { sealed: this.box.seal(JSON.stringify(mail)) });
  }
}
