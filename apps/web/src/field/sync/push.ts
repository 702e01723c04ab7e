import { ApiError } from '../../api/problem';
import type { Attachment } from '../../api/site-types';
import type { WorkOrder } from '../../api/work-types';
import { authorizedSend, currentUser, SignedOutError } from '../api/auth';
import { jsonOf } from '../api/http';
import { patchIsApplied } from '../data/activities';
import { db, setKv, updateQueueItem } from '../data/db';
import type {
  CreateWorkOrderItem,
  QueueItem,
  QueueProblem,
  UpdateWorkOrderItem,
  UploadPhotoItem,
} from '../data/model';
import { settleDraft } from './queue';

export type PushOutcome = 'done' | 'offline' | 'signed_out';

const problemOf = (error: ApiError): QueueProblem => ({
  status: error.status,
  reason: error.reason,
  detail: error.message,
  errors: error.fieldProblems.length ? error.fieldProblems : undefined,
});

/** Worth trying again by itself later: no connection, overloaded or failing server, a duplicate still running. */
const isTransient = (error: ApiError) =>
  error.status === 0 ||
  error.status === 429 ||
  error.status >= 500 ||
  (error.status === 409 && error.reason === 'idempotency_in_progress');

const backoffMs = (attempts: number) => Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, attempts - 1));

/** An item waits while an earlier change of the same work order has not gone through. */
async function isBlocked(item: QueueItem): Promise<boolean> {
  if (item.kind === 'photo.upload') return false;
  const earlier = await db.queue.where('workOrderId').equals(item.workOrderId).toArray();
  return earlier.some(
    (other) => other.seq < item.seq && other.kind !== 'photo.upload' && other.state !== 'sent',
  );
}

export function isWaitingFor(item: QueueItem, all: readonly QueueItem[]): boolean {
  if (item.kind === 'photo.upload' || item.state === 'sent') return false;
  return all.some(
    (o) =>
      o.workOrderId === item.workOrderId &&
      o.seq < item.seq &&
      o.kind !== 'photo.upload' &&
      o.state !== 'sent',
  );
}

/**
 * Sends the queue in order. Each item ends sent, refused (kept with the server's reason), in
 * conflict, or waiting (no connection, server trouble: tried again later); the others go on.
 */
export async function pushQueue(
  progress: (done: number, total: number) => void,
  options: { force?: boolean } = {},
): Promise<PushOutcome> {
  const user = currentUser();
  if (!user) return 'signed_out';
  const now = Date.now();
  const candidates = (await db.queue.orderBy('seq').toArray()).filter(
    (i) =>
      (i.state === 'queued' || i.state === 'sending') &&
      i.userId === user.id &&
      (options.force || i.nextAttemptAt <= now),
  );
  let done = 0;
  progress(done, candidates.length);
  for (const candidate of candidates) {
    const item = await db.queue.get(candidate.id);
    if (item && (item.state === 'queued' || item.state === 'sending') && !(await isBlocked(item))) {
      await updateQueueItem(item.id, { state: 'sending', attempted: true, attempts: item.attempts + 1 });
      try {
        await sendItem({ ...item, attempted: true, attempts: item.attempts + 1 });
      } catch (error) {
        if (error instanceof SignedOutError) {
          await updateQueueItem(item.id, { state: 'queued' });
          return 'signed_out';
        }
        const apiError = error instanceof ApiError ? error : new ApiError(0, { detail: String(error) });
        if (isTransient(apiError)) {
          await updateQueueItem(item.id, {
            state: 'queued',
            problem: problemOf(apiError),
            nextAttemptAt: Date.now() + backoffMs(item.attempts + 1),
          });
          if (apiError.status === 0) return 'offline';
        } else {
          await updateQueueItem(item.id, { state: 'failed', problem: problemOf(apiError) });
        }
      }
    }
    done += 1;
    progress(done, candidates.length);
  }
  return 'done';
}

async function sendItem(item: QueueItem): Promise<void> {
  if (item.kind === 'work_order.create') return sendCreate(item);
  if (item.kind === 'work_order.update') return sendUpdate(item);
  return sendPhoto(item);
}

async function sendCreate(item: CreateWorkOrderItem): Promise<void> {
  const created = await jsonOf<WorkOrder>(
    await authorizedSend('POST', '/work-orders', { json: item.body, idempotencyKey: item.idempotencyKey }),
  );
  const localId = item.workOrderId;
  await db.transaction('rw', db.workOrders, db.queue, db.kv, async () => {
    const record = await db.workOrders.get(localId);
    await db.workOrders.delete(localId);
    await db.workOrders.put({
      id: created.id,
      server: created,
      customerId: created.customerId,
      customerName: created.customerName,
      draft: record?.draft ? { ...record.draft, baseVersion: created.version } : null,
    });
    // Later changes and photos of this work order now point at its real id and version.
    const later = await db.queue.where('workOrderId').equals(localId).toArray();
    for (const other of later) {
      if (other.id === item.id) continue;
      await db.queue.put(
        other.kind === 'work_order.update' && other.baseVersion === null
          ? { ...other, workOrderId: created.id, baseVersion: created.version }
          : { ...other, workOrderId: created.id },
      );
    }
    await db.queue.put({
      ...item,
      workOrderId: created.id,
      state: 'sent',
      sentAt: new Date().toISOString(),
      problem: null,
      result: { id: created.id, number: created.number, version: created.version },
    });
    await setKv(`moved:${localId}`, created.id);
  });
  await settleDraft(created.id);
}

async function sendUpdate(item: UpdateWorkOrderItem): Promise<void> {
  const path = `/work-orders/${item.workOrderId}`;
  let updated: WorkOrder;
  try {
    updated = await jsonOf<WorkOrder>(
      await authorizedSend('PATCH', path, {
        json: item.baseVersion === null ? item.patch : { ...item.patch, version: item.baseVersion },
      }),
    );
  } catch (error) {
    if (!(error instanceof ApiError) || error.reason !== 'version_conflict') throw error;
    const theirs = await jsonOf<WorkOrder>(await authorizedSend('GET', path));
    // The change went through before, only its answer was lost: no conflict.
    if (!patchIsApplied(theirs, item.patch)) {
      await db.transaction('rw', db.workOrders, db.queue, async () => {
        await updateQueueItem(item.id, { state: 'conflict', theirs, problem: problemOf(error) });
        const record = await db.workOrders.get(item.workOrderId);
        if (record) await db.workOrders.put({ ...record, server: theirs });
      });
      return;
    }
    updated = theirs;
  }
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    await updateQueueItem(item.id, {
      state: 'sent',
      sentAt: new Date().toISOString(),
      problem: null,
      theirs: null,
      result: { version: updated.version },
    });
    // Changes made on top of this one follow its new version.
    const later = await db.queue.where('workOrderId').equals(item.workOrderId).toArray();
    for (const other of later) {
      if (
        other.kind === 'work_order.update' &&
        other.seq > item.seq &&
        other.baseVersion === item.baseVersion
      )
        await updateQueueItem(other.id, { baseVersion: updated.version });
    }
    const record = await db.workOrders.get(item.workOrderId);
    if (record) {
      await db.workOrders.put({
        ...record,
        server: updated,
        draft: record.draft ? { ...record.draft, baseVersion: updated.version } : null,
      });
    }
  });
  await settleDraft(item.workOrderId);
}

async function sendPhoto(item: UploadPhotoItem): Promise<void> {
  const attachment = await jsonOf<Attachment>(
    await authorizedSend('POST', `/installations/${item.installationId}/attachments`, {
      file: item.blob,
      contentType: item.contentType,
      query: { filename: item.filename },
      idempotencyKey: item.idempotencyKey,
    }),
  );
  await db.transaction('rw', db.queue, db.installations, async () => {
    await updateQueueItem(item.id, {
      state: 'sent',
      sentAt: new Date().toISOString(),
      problem: null,
      result: { attachmentId: attachment.id },
    });
    const installation = await db.installations.get(item.installationId);
    if (installation && !installation.attachments.some((a) => a.id === attachment.id))
      await db.installations.put({ ...installation, attachments: [...installation.attachments, attachment] });
  });
}
