import type { QueueItem, WorkOrderRecord } from '../data/model';
import type { MessageKey } from '../i18n';
import type { Tone } from './kit';

/** How a work order stands with the server, for its badge. */
export function workOrderSyncState(
  record: WorkOrderRecord,
  items: readonly QueueItem[],
): { key: MessageKey; tone: Tone } | null {
  const mine = items.filter((i) => i.workOrderId === record.id && i.kind !== 'photo.upload');
  if (mine.some((i) => i.state === 'conflict')) return { key: 'sync.conflict', tone: 'danger' };
  if (mine.some((i) => i.state === 'failed')) return { key: 'sync.failed', tone: 'danger' };
  if (mine.some((i) => i.state === 'queued' || i.state === 'sending'))
    return { key: 'sync.queued', tone: 'warning' };
  if (record.draft?.dirty) return { key: 'sync.draft', tone: 'warning' };
  return null;
}
