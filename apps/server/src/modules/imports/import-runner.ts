import { randomUUID } from 'node:crypto';
import type { AppDeps, ServiceContext } from '../../context.js';
import { letOthersRun } from '../../db/event-loop.js';
import { withTenant, withTenantBatch } from '../../db/tenant-scope.js';
import type { FieldError } from '../../http/errors.js';
import { audit } from '../audit/audit-recorder.js';
import { principalOf } from '../users/principal-of.js';
import type { ImportKind } from './import-columns.js';
import { prepareRow } from './import-rows.js';
import { importRow } from './import-writer.js';
import type { Cell } from './spreadsheet-reader.js';

export const IMPORT_JOB = 'imports.run';
export const RESUME_IMPORTS_JOB = 'imports.resume';
export const MAX_REPORTED_ERRORS = 500;
/** Rows per transaction, and how long one batch may hold it (see runImport). */
const BATCH_ROWS = 100;
const BATCH_MS = 250;
/**
 * A run that has committed nothing for this long is taken to be interrupted: a batch commits after
 * at most BATCH_MS and one more row, so only a process that is gone (or hangs) stays silent so long.
 */
export const INTERRUPTED_AFTER_MS = 2 * 60_000;

type RowError = { row: number } & FieldError;
type Counts = { processed: number; created: number; updated: number; failed: number };

/** Thrown when another runner took the import over: this one stops without touching it. */
class RunTakenOver extends Error {}

/**
 * The import itself (job): rows go through the same services as the API (validation, audit,
 * forecasts), a batch of them per transaction (withTenantBatch): each row is undone alone when it
 * fails, and a batch ends after BATCH_ROWS rows or BATCH_MS, so other requests on the embedded
 * database, which waits for the open transaction, are not held up for long. The progress is saved
 * in the batch's own transaction, so it always counts exactly the rows that are stored, and a run
 * that was interrupted (resumeInterruptedImports) goes on from there without importing a row twice.
 * One runner at a time: each claims the import under a new `runner` id, and a batch commits only
 * while the import is still its own.
 */
export async function runImport(
  deps: AppDeps,
  tenantId: string,
  importId: string,
  // Tests: runs after each committed batch (a runner that stops there is one whose process died).
  afterBatch?: () => Promise<void>,
): Promise<void> {
  const runner = randomUUID();
  const [job] = await withTenant(deps.db, tenantId, (tx) =>
    tx.query<{
      kind: ImportKind;
      rows: Cell[][];
      mapping: Record<string, number>;
      processed: number;
      created_count: number;
      updated_count: number;
      failed_count: number;
      errors: RowError[];
      created_by: string | null;
    }>(
      `update imports set status = 'running', runner = $3, started_at = coalesce(started_at, $4), progress_at = $4
        where tenant_id = $1 and id = $2 and status = 'queued'
        returning kind, rows, mapping, processed, created_count, updated_count, failed_count, errors, created_by`,
      [tenantId, importId, runner, deps.now()],
    ),
  );
  // Not queued: finished, failed, or claimed by another runner already.
  if (!job) return;
  const save = (
    counts: Counts,
    errors: RowError[],
    end?: { status: 'finished' | 'failed'; failure?: string },
  ) => saveProgress(deps, tenantId, importId, runner, counts, errors, end);
  let counts: Counts = {
    processed: job.processed,
    created: job.created_count,
    updated: job.updated_count,
    failed: job.failed_count,
  };
  let errors = job.errors;
  try {
    // Inside the try: when the user who started it is gone, the import fails (and is not taken up again).
    const ctx: ServiceContext = {
      tenantId,
      principal: await principalOf(deps, tenantId, job.created_by),
      requestId: `import-${importId}`,
      ip: null,
      userAgent: 'import',
    };
    while (counts.processed < job.rows.length) {
      // Counted on copies, kept only when the batch commits.
      const batch = { counts: { ...counts }, errors: [...errors] };
      await withTenantBatch(deps.db, tenantId, async () => {
        const started = performance.now();
        const end = Math.min(job.rows.length, counts.processed + BATCH_ROWS);
        for (let index = counts.processed; index < end; index++) {
          const outcome = await importRow(
            deps,
            ctx,
            job.kind,
            prepareRow(job.kind, job.rows[index]!, job.mapping, index + 2),
          );
          batch.counts.processed++;
          if (outcome.result === 'failed') {
            batch.counts.failed++;
            if (batch.errors.length < MAX_REPORTED_ERRORS)
              batch.errors.push(...outcome.errors.map((e) => ({ row: index + 2, ...e })));
          } else batch.counts[outcome.result]++;
          if (performance.now() - started > BATCH_MS) break;
        }
        await save(batch.counts, batch.errors);
      });
      counts = batch.counts;
      errors = batch.errors;
      await afterBatch?.();
      await letOthersRun();
    }
    await save(counts, errors, { status: 'finished' });
    await withTenant(deps.db, tenantId, (tx) =>
      audit(
        tx,
        ctx,
        { action: 'import.finished', entityType: 'import', entityId: importId, details: counts },
        deps.now(),
      ),
    );
  } catch (error) {
    if (error instanceof RunTakenOver) {
      deps.log.warn({ importId }, 'import taken over by another runner; this one stops');
      return;
    }
    const failure = error instanceof Error ? error.message : String(error);
    await save(counts, errors, { status: 'failed', failure }).catch(() => undefined);
    throw error;
  }
}

/** Saves the progress, only while the import is still this runner's (else RunTakenOver). */
async function saveProgress(
  deps: AppDeps,
  tenantId: string,
  id: string,
  runner: string,
  c: Counts,
  errors: RowError[],
  end?: { status: 'finished' | 'failed'; failure?: string },
) {
  const now = deps.now();
  const saved = await withTenant(deps.db, tenantId, (tx) =>
    tx.query(
      `update imports set processed = $4, created_count = $5, updated_count = $6, failed_count = $7, errors = $8,
          progress_at = $9, status = coalesce($10, status), failure = coalesce($11, failure),
          finished_at = case when $10::text is null then finished_at else $9 end
        where tenant_id = $1 and id = $2 and runner = $3 and status = 'running' returning 1`,
      [
        tenantId,
        id,
        runner,
        c.processed,
        c.created,
        c.updated,
        c.failed,
        JSON.stringify(errors),
        now,
        end?.status ?? null,
        end?.failure ?? null,
      ],
    ),
  );
  if (saved.length === 0) throw new RunTakenOver(`import ${id} is no longer this runner's`);
}

/**
 * Takes up the imports whose run was interrupted (the process that ran them was killed or hangs):
 * each goes back to the queue and is run on from the last batch it committed. Scheduled every few
 * minutes; the search is across accounts (as the owner), each claim in the account's own scope.
 */
export async function resumeInterruptedImports(
  deps: AppDeps,
  // Silent since before this: by default INTERRUPTED_AFTER_MS ago (see workToResumeOnStart).
  cutoff = new Date(deps.now().getTime() - INTERRUPTED_AFTER_MS),
): Promise<number> {
  // Queued ones too: a job lost between the start's commit and its sending, or waiting behind a long
  // job, is sent again (the claim in runImport lets only one job run it).
  const stalled = await deps.db.query<{ tenant_id: string; id: string }>(
    `select tenant_id, id from imports where status in ('queued', 'running') and progress_at < $1`,
    [cutoff],
  );
  let resumed = 0;
  for (const { tenant_id: tenantId, id } of stalled) {
    await withTenant(deps.db, tenantId, async (tx) => {
      const claimed = await tx.query(
        `update imports set status = 'queued', runner = null, progress_at = $4
          where tenant_id = $1 and id = $2 and status in ('queued', 'running') and progress_at < $3 returning 1`,
        [tenantId, id, cutoff, deps.now()],
      );
      if (claimed.length === 0) return;
      resumed++;
      deps.jobs.enqueue(tx, IMPORT_JOB, { tenantId, importId: id });
    });
  }
  if (resumed > 0) deps.log.warn({ resumed }, 'interrupted imports taken up again');
  return resumed;
}
