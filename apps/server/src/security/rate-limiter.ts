import type { Database } from '../db/database.js';
import { AppError } from '../http/errors.js';

export type RateRule = { name: string; limit: number; windowSeconds: number };

/**
 * The limits on every sign-in path. Per-IP limits slow credential stuffing; per-account limits
 * count failures only and lift by themselves after the window, so an attacker cannot lock the
 * real owner out for long.
 */
export const RATE_RULES = {
  signInPerIp: { name: 'sign-in:ip', limit: 30, windowSeconds: 15 * 60 },
  signInFailuresPerAccount: { name: 'sign-in:account', limit: 10, windowSeconds: 15 * 60 },
  secondFactorFailuresPerUser: { name: 'second-factor:user', limit: 8, windowSeconds: 15 * 60 },
  signUpPerIp: { name: 'sign-up:ip', limit: 10, windowSeconds: 60 * 60 },
  resetRequestPerIp: { name: 'reset-request:ip', limit: 20, windowSeconds: 60 * 60 },
  resetRequestPerEmail: { name: 'reset-request:email', limit: 3, windowSeconds: 60 * 60 },
  emailLinkPerIp: { name: 'email-link:ip', limit: 30, windowSeconds: 15 * 60 },
  invitationSendPerUser: { name: 'invitation:user', limit: 5, windowSeconds: 60 * 60 },
  apiKeyFailuresPerIp: { name: 'api-key:ip', limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateRule>;

function windowStart(rule: RateRule, now: Date): Date {
  const ms = rule.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / ms) * ms);
}

function retryAfter(rule: RateRule, now: Date): number {
  const end = windowStart(rule, now).getTime() + rule.windowSeconds * 1000;
  return Math.max(1, Math.ceil((end - now.getTime()) / 1000));
}

/** Fixed-window counters in the database, so every web process shares them. */
export class RateLimiter {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Counts one hit and refuses (429) once the limit is passed. */
  async hit(rule: RateRule, key: string): Promise<void> {
    const now = this.now();
    const [row] = await this.db.query<{ hits: number }>(
      `insert into rate_limit_buckets (key, window_start, hits) values ($1, $2, 1)
       on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1
       returning hits`,
      [`${rule.name}:${key}`, windowStart(rule, now)],
    );
    if ((row?.hits ?? 0) > rule.limit) throw this.tooMany(rule, now);
  }

  /** Refuses (429) when the limit is already reached, without counting. */
  async check(rule: RateRule, key: string): Promise<void> {
    const now = this.now();
    const [row] = await this.db.query<{ hits: number }>(
      'select hits from rate_limit_buckets where key = $1 and window_start = $2',
      [`${rule.name}:${key}`, windowStart(rule, now)],
    );
    if ((row?.hits ?? 0) >= rule.limit) throw this.tooMany(rule, now);
  }

  /** Counts without refusing: for failures, checked on the next attempt. */
  async count(rule: RateRule, key: string): Promise<void> {
    const now = this.now();
    await this.db.query(
      `insert into rate_limit_buckets (key, window_start, hits) values ($1, $2, 1)
       on conflict (key, window_start) do update set hits = rate_limit_buckets.hits + 1`,
      [`${rule.name}:${key}`, windowStart(rule, now)],
    );
  }

  /** Deletes windows that ended; run on a schedule. */
  async purgeExpired(): Promise<number> {
    const rows = await this.db.query(`delete from rate_limit_buckets where window_start < $1 returning 1`, [
      new Date(this.now().getTime() - 24 * 60 * 60 * 1000),
    ]);
    return rows.length;
  }

  private tooMany(rule: RateRule, now: Date): AppError {
    const seconds = retryAfter(rule, now);
    return new AppError(
      'rate_limited',
      `Too many attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      {
        retryAfterSeconds: seconds,
      },
    );
  }
}
