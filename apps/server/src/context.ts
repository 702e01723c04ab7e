import type { Config } from './config.js';
import type { Database } from './db/database.js';
import type { JobQueue } from './jobs/job-queue.js';
import type { Logger } from './logger.js';
import type { PdfRenderer } from './documents/pdf-renderer.js';
import type { MailQueue } from './mail/mail-queue.js';
import type { ObjectStore } from './storage/object-store.js';
import type { Mailer } from './mail/mailer.js';
import type { RateLimiter } from './security/rate-limiter.js';

export const ROLES = ['technician', 'manager', 'administrator', 'account_manager'] as const;
export type Role = (typeof ROLES)[number];

export const LANGUAGES = ['nl', 'fr', 'en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Who is acting: a signed-in person, or an integration through its API key. */
export type Principal = {
  /** end_customer: a customer-portal visitor, read-only, scoped by the portal service (roles empty). */
  kind: 'user' | 'system_user' | 'end_customer';
  userId: string;
  tenantId: string;
  name: string;
  roles: Role[];
  language: Language;
  sessionId?: string;
  apiKeyId?: string;
  /** Set when the field app signed in with tokens on this device. */
  deviceId?: string;
  deviceName?: string;
};

/** Where a request came from; recorded with every audit event. */
export type RequestMeta = {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
};

/** What every tenant use case receives: the tenant, the acting principal and the request. */
export type ServiceContext = RequestMeta & {
  tenantId: string;
  principal: Principal;
};

/** The long-lived parts the services use; built once at start-up (or per test). */
export type AppDeps = {
  config: Config;
  db: Database;
  jobs: JobQueue;
  mail: MailQueue;
  /** Direct access for jobs that send what they build themselves (work orders with their PDF). */
  mailer: Mailer;
  pdf: PdfRenderer;
  /** Attachments: local disk under DATA_DIR or an S3-compatible bucket. */
  storage: ObjectStore;
  rateLimiter: RateLimiter;
  log: Logger;
  /** The clock, injectable so that expiry rules can be tested without waiting. */
  now: () => Date;
};
