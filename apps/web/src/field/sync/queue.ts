import type { Installation } from '../../api/site-types';
import type { WorkOrder } from '../../api/work-types';
import { currentUser } from '../api/auth';
import { createBodyOf, draftFrom, patchOf } from '../data/activities';
import { db, updateQueueItem } from '../data/db';
import { newId, nextSeq, todayIso } from '../data/ids';
import type {
  CreateWorkOrderItem,
  QueueItem,
  UpdateWorkOrderItem,
  UploadPhotoItem,
  WorkOrderDraft,
  WorkOrderRecord,
} from '../data/model';
import { DRAFT_FIELDS, isLocalId } from '../data/model';

/** Tells the sync engine there is something to send (set by engine.ts; avoids an import cycle). */
let onQueued: () => void = () => undefined;
export function setQueuedListener(listener: () => void) {
  onQueued = listener;
}

const base = (userId: string) => ({
  id: newId(),
  seq: nextSeq(),
  createdAt: new Date().toISOString(),
  userId,
  state: 'queued' as const,
  attempts: 0,
  attempted: false,
  nextAttemptAt: 0,
  problem: null,
  sentAt: null,
});

function requireUser() {
  const user = currentUser();
  if (!user) throw new Error('Not signed in');
  return user;
}

/** The work order as the technician sees it: their draft over the server's copy. */
export function draftOf(record: WorkOrderRecord): WorkOrderDraft | null {
  return record.draft ?? (record.server ? draftFrom(record.server) : null);
}

/** Changes the local draft (saved on the device at once, sent only when queued). */
export async function editDraft(
  id: string,
  change: (draft: WorkOrderDraft) => WorkOrderDraft,
): Promise<void> {
  await db.transaction('rw', db.workOrders, async () => {
    const record = await db.workOrders.get(id);
    if (!record) throw new Error(`Work order ${id} is not on this device`);
    const current = draftOf(record);
    if (!current) return;
    const next = change({ ...current, baseVersion: current.baseVersion ?? record.server?.version ?? null });
    const changed = new Set(current.changed);
    for (const field of DRAFT_FIELDS)
      if (JSON.stringify(next[field]) !== JSON.stringify(current[field])) changed.add(field);
    // Nothing changed (a field left without typing): no draft, no "not sent" badge.
    if (!record.draft && changed.size === 0) return;
    await db.workOrders.put({
      ...record,
      draft: { ...next, changed: [...changed], dirty: true, updatedAt: new Date().toISOString() },
    });
  });
}

/** Starts a work order on the device for an installation (no planned one exists). */
export async function startWorkOrder(installation: Installation): Promise<string> {
  const id = `local-${newId()}`;
  await db.workOrders.add({
    id,
    server: null,
    customerId: installation.customerId,
    customerName: installation.customerName,
    draft: {
      status: 'to_be_executed',
      plannedOn: todayIso(),
      executedOn: null,
      notes: '',
      installationIds: [installation.id],
      activities: [],
      signatures: [],
      changed: [...DRAFT_FIELDS],
      dirty: true,
      updatedAt: new Date().toISOString(),
      baseVersion: null,
    },
  });
  return id;
}

const unsent = (item: QueueItem) => item.state !== 'sent';

/**
 * Puts the draft of a work order in the queue. A change not sent yet is replaced rather than
 * queued twice; a new work order keeps its Idempotency-Key for as long as the server may have seen
 * it, so it is never created twice.
 */
export async function queueWorkOrder(id: string): Promise<void> {
  const user = requireUser();
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const record = await db.workOrders.get(id);
    const draft = record && draftOf(record);
    if (!record || !draft) throw new Error(`Work order ${id} is not on this device`);
    const items = (await db.queue.where('workOrderId').equals(id).sortBy('seq')).filter(unsent);
    if (isLocalId(id)) {
      const create = items.find((i): i is CreateWorkOrderItem => i.kind === 'work_order.create');
      const body = createBodyOf(draft, user.id);
      if (!create) {
        await db.queue.add({
          ...base(user.id),
          kind: 'work_order.create',
          workOrderId: id,
          body,
          idempotencyKey: newId(),
          result: null,
        });
      } else if (!create.attempted || create.state === 'failed') {
        // Never reached the server, or refused by it (nothing was created): a new key for the new body.
        await db.queue.put({
          ...create,
          body,
          idempotencyKey: create.attempted ? newId() : create.idempotencyKey,
          state: 'queued',
          problem: null,
          nextAttemptAt: 0,
        });
        await dropSuperseded(items, create);
      } else {
        await queueUpdate(user.id, record, draft, items);
      }
    } else {
      await queueUpdate(user.id, record, draft, items);
    }
    await db.workOrders.put({ ...record, draft: { ...draft, dirty: false } });
  });
  onQueued();
}

/**
 * A queued work order carries all of the draft's changes so far (the whole draft for a new one).
 * Once `latest` holds the current draft, the changes still waiting behind it (queued while an
 * earlier one was on its way) are older copies: sent after it, they would bring back older values
 * or a refusal that was already fixed.
 */
async function dropSuperseded(items: readonly QueueItem[], latest: QueueItem) {
  const stale = items.filter(
    (i) => i.kind === 'work_order.update' && i.seq > latest.seq && i.state !== 'sending',
  );
  if (stale.length) await db.queue.bulkDelete(stale.map((i) => i.id));
}

async function queueUpdate(
  userId: string,
  record: WorkOrderRecord,
  draft: WorkOrderDraft,
  items: QueueItem[],
) {
  const patch = patchOf(draft);
  if (Object.keys(patch).length === 0) return;
  const open = items.find(
    (i): i is UpdateWorkOrderItem =>
      i.kind === 'work_order.update' &&
      (i.state === 'queued' || i.state === 'failed' || i.state === 'conflict'),
  );
  if (open) {
    await db.queue.put({
      ...open,
      patch,
      state: open.state === 'conflict' ? 'conflict' : 'queued',
      problem: open.state === 'conflict' ? open.problem : null,
      nextAttemptAt: 0,
    });
    await dropSuperseded(items, open);
    return;
  }
  // Made on top of a change that is on its way: it gets that change's new version when it arrives.
  const inFlight = items.find((i) => i.kind === 'work_order.update' && i.state === 'sending') as
    UpdateWorkOrderItem | undefined;
  await db.queue.add({
    ...base(userId),
    kind: 'work_order.update',
    workOrderId: record.id,
    baseVersion: inFlight ? inFlight.baseVersion : (draft.baseVersion ?? record.server?.version ?? null),
    patch,
    theirs: null,
    result: null,
  });
}

/** Queues a photo (already resized on the device) for an installation. */
export async function queuePhoto(input: {
  installationId: string;
  workOrderId: string | null;
  blob: Blob;
  width: number;
  height: number;
}): Promise<void> {
  const user = requireUser();
  const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
  const item: UploadPhotoItem = {
    ...base(user.id),
    kind: 'photo.upload',
    installationId: input.installationId,
    workOrderId: input.workOrderId,
    filename: `photo-${stamp}.jpg`,
    contentType: 'image/jpeg',
    blob: input.blob,
    width: input.width,
    height: input.height,
    idempotencyKey: newId(),
    result: null,
  };
  await db.queue.add(item);
  onQueued();
}

/** Throws away changes that were never queued (a work order started here disappears). */
export async function discardDraft(id: string): Promise<void> {
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const pending = (await db.queue.where('workOrderId').equals(id).toArray()).some(unsent);
    if (pending) return;
    const record = await db.workOrders.get(id);
    if (!record) return;
    if (isLocalId(id)) await db.workOrders.delete(id);
    else await db.workOrders.put({ ...record, draft: null });
  });
}

/** Drops the draft when nothing of it is left to send. */
export async function settleDraft(id: string): Promise<void> {
  const record = await db.workOrders.get(id);
  if (!record?.draft || record.draft.dirty) return;
  const pending = (await db.queue.where('workOrderId').equals(id).toArray()).some(unsent);
  if (!pending && record.server) await db.workOrders.put({ ...record, draft: null });
}

/** Try a refused or waiting item again now. */
export async function retryItem(itemId: string): Promise<void> {
  await updateQueueItem(itemId, { state: 'queued', nextAttemptAt: 0 });
  onQueued();
}

/** Conflict: send my version anyway, on top of the office's version. */
export async function keepMine(itemId: string): Promise<void> {
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const item = await db.queue.get(itemId);
    if (item?.kind !== 'work_order.update' || !item.theirs) return;
    const theirs = item.theirs;
    const record = await db.workOrders.get(item.workOrderId);
    if (record) {
      await db.workOrders.put({
        ...record,
        server: theirs,
        draft: record.draft ? { ...record.draft, baseVersion: theirs.version } : record.draft,
      });
    }
    const later = await db.queue.where('workOrderId').equals(item.workOrderId).toArray();
    for (const other of later) {
      if (
        other.kind === 'work_order.update' &&
        other.seq > item.seq &&
        other.baseVersion === item.baseVersion
      )
        await updateQueueItem(other.id, { baseVersion: theirs.version });
    }
    await db.queue.put({
      ...item,
      baseVersion: theirs.version,
      theirs: null,
      state: 'queued',
      problem: null,
      nextAttemptAt: 0,
    });
  });
  onQueued();
}

/** Conflict: keep the office's version; my changes to this work order are dropped. */
export async function takeTheirs(itemId: string): Promise<void> {
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const item = await db.queue.get(itemId);
    if (item?.kind !== 'work_order.update' || !item.theirs) return;
    await dropWorkOrderChanges(item.workOrderId, item.theirs);
  });
}

async function dropWorkOrderChanges(workOrderId: string, server: WorkOrder | null) {
  const items = await db.queue.where('workOrderId').equals(workOrderId).toArray();
  await db.queue.bulkDelete(items.filter((i) => i.kind !== 'photo.upload' && unsent(i)).map((i) => i.id));
  const record = await db.workOrders.get(workOrderId);
  if (!record) return;
  if (isLocalId(workOrderId)) await db.workOrders.delete(workOrderId);
  else await db.workOrders.put({ ...record, server: server ?? record.server, draft: null });
}

/**
 * Removes an item from the queue without sending it. For a work order that undoes the local
 * changes to it (a new one disappears).
 */
export async function discardItem(itemId: string): Promise<void> {
  await db.transaction('rw', db.workOrders, db.queue, async () => {
    const item = await db.queue.get(itemId);
    if (!item) return;
    if (item.kind === 'photo.upload') await db.queue.delete(itemId);
    else await dropWorkOrderChanges(item.workOrderId, null);
  });
}

/** Forgets what was sent (the queue keeps sent items a day to show what happened). */
export async function clearSent(olderThanMs = 0): Promise<void> {
  const limit = Date.now() - olderThanMs;
  await db.queue.filter((i) => i.state === 'sent' && Date.parse(i.sentAt ?? i.createdAt) <= limit).delete();
}
