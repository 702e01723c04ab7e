import { z } from 'zod';
import type { AppDeps } from '../context.js';

/** Housekeeping on a schedule (run by the cron role through pg-boss schedules). */
export function registerScheduledJobs(deps: AppDeps): void {
  deps.jobs.register({
    name: 'maintenance.purge_rate_limits',
    payload: z.unknown(),
    handler: async () => {
      const purged = await deps.rateLimiter.purgeExpired();
      if (purged > 0) deps.log.info({ purged }, 'expired rate-limit windows purged');
    },
  });
  deps.jobs.schedule('maintenance.purge_rate_limits', '17 * * * *');
}
