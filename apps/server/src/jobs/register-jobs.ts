import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { AppDeps } from '../context.js';
import { purgeIdempotencyKeys } from '../http/idempotency.js';
import { recomputeAllForecasts } from '../modules/forecasts/forecast-recompute.js';
import {
  IMPORT_JOB,
  RESUME_IMPORTS_JOB,
  resumeInterruptedImports,
  runImport,
} from '../modules/imports/import-runner.js';
import { MAX_SEND_ATTEMPTS, runSend, SEND_JOB } from '../modules/documents/work-order-send.service.js';

/**
 * Every background job, and the schedules of the recurring ones (installed by the cron role through
 * pg-boss schedules; run by the worker role).
 */
export function registerJobs(deps: AppDeps): void {
  deps.jobs.register({
    name: SEND_JOB,
    payload: z.object({ tenantId: z.string(), sendId: z.string() }),
    retryLimit: MAX_SEND_ATTEMPTS - 1,
    retryDelaySeconds: 60,
    handler: async ({ tenantId, sendId }) => runSend(deps, tenantId, sendId),
  });

  deps.jobs.register({
    name: IMPORT_JOB,
    payload: z.object({ tenantId: z.string(), importId: z.string() }),
    // A failed import reports its failure; re-running it would import rows twice.
    retryLimit: 0,
    expireInSeconds: 4 * 3600,
    handler: async ({ tenantId, importId }) => runImport(deps, tenantId, importId),
  });

  deps.jobs.register({
    name: RESUME_IMPORTS_JOB,
    payload: z.unknown(),
    handler: async () => {
      await resumeInterruptedImports(deps);
    },
  });
  deps.jobs.schedule(RESUME_IMPORTS_JOB, '*/5 * * * *');

  deps.jobs.register({
    name: 'maintenance.purge_rate_limits',
    payload: z.unknown(),
    handler: async () => {
      const purged = await deps.rateLimiter.purgeExpired();
      if (purged > 0) deps.log.info({ purged }, 'expired rate-limit windows purged');
    },
  });
  deps.jobs.schedule('maintenance.purge_rate_limits', '17 * * * *');

  deps.jobs.register({
    name: 'maintenance.purge_idempotency_keys',
    payload: z.unknown(),
    handler: async () => {
      await purgeIdempotencyKeys(deps);
    },
  });
  deps.jobs.schedule('maintenance.purge_idempotency_keys', '47 * * * *');

  deps.jobs.register({
    name: 'forecasts.recompute',
    payload: z.unknown(),
    expireInSeconds: 4 * 3600,
    handler: async () => {
      const started = performance.now();
      const count = await recomputeAllForecasts(deps);
      const seconds = Math.round(performance.now() - started) / 1000;
      deps.log.info({ installations: count, seconds }, 'forecasts recomputed');
    },
  });
  deps.jobs.schedule('forecasts.recompute', '30 2 * * *');
}

/**
 * Work to take up when the worker starts. On the embedded database the data-directory lock proves
 * no other process runs anything, so an import left running was interrupted for certain and goes on
 * at once; on PostgreSQL another server may be running it, and the scheduled imports.resume waits
 * until it has been silent for a while.
 */
export async function resumeWorkOnStart(deps: AppDeps): Promise<void> {
  if (deps.db.kind === 'pglite') await resumeInterruptedImports(deps, deps.now());
}
