import { useSyncExternalStore } from 'react';
import { authStore } from '../api/auth';
import { db } from '../data/db';
import { useLive } from '../data/live';
import type { QueueItem, QueueState, UpdateWorkOrderItem } from '../data/model';
import { isLocalId } from '../data/model';
import { useFormat, useT } from '../i18n';
import { syncNow, syncStore } from '../sync/engine';
import { isWaitingFor } from '../sync/push';
import { clearSent, discardItem, keepMine, retryItem, takeTheirs } from '../sync/queue';
import { installationName } from './describe';
import { describeFieldProblems, problemHeadline, sentActivities } from './problems';
import { IconSync } from './icons';
import { Badge, Button, Notice, PageTitle, Section, useConfirm, type Tone } from './kit';
import { Link, paths } from './router';

const TONE: Record<QueueState, Tone> = {
  queued: 'warning',
  sending: 'info',
  sent: 'success',
  failed: 'danger',
  conflict: 'danger',
};

function useQueue() {
  return useLive(async () => {
    const [items, records, installations] = await Promise.all([
      db.queue.orderBy('seq').toArray(),
      db.workOrders.toArray(),
      db.installations.toArray(),
    ]);
    return {
      items,
      records: new Map(records.map((r) => [r.id, r])),
      installations: new Map(installations.map((i) => [i.id, i])),
    };
  }, 'queue');
}

/** Why the server refused the item: in the interface language, with the server's own words. */
function Refusal({ item }: { item: QueueItem }) {
  const t = useT();
  const problem = item.problem!;
  const fields = describeFieldProblems(problem.errors ?? [], t, sentActivities(item));
  return (
    <div className="problem" role="group" aria-label={t('queue.reasonLabel')}>
      <p className="row-title">{t('queue.reason', { detail: problemHeadline(problem, t) })}</p>
      {fields.length > 0 && (
        <ul>
          {fields.map((f) => (
            <li key={`${f.field}-${f.server}`}>
              {t('problems.line', { label: f.label, message: f.message })}
            </li>
          ))}
        </ul>
      )}
      <p className="problem-server">
        {t('problems.server', { message: [problem.detail, ...fields.map((f) => f.server)].join(' ') })}
      </p>
    </div>
  );
}

export function QueuePage() {
  const t = useT();
  const format = useFormat();
  const data = useQueue();
  const sync = useSyncExternalStore(syncStore.subscribe, syncStore.get);
  const auth = useSyncExternalStore(authStore.subscribe, authStore.get);
  const [dialog, confirm] = useConfirm();
  const userId = auth.status === 'signed_in' ? auth.user.id : null;
  const items = data?.items ?? [];

  const title = (item: QueueItem): string => {
    if (item.kind === 'photo.upload')
      return t('queue.kind.photo', {
        name: installationName(data?.installations.get(item.installationId), t),
      });
    const record = data?.records.get(item.workOrderId);
    const number = item.kind === 'work_order.create' ? item.result?.number : record?.server?.number;
    if (item.kind === 'work_order.create') {
      const ids = (item.body.installationIds as string[] | undefined) ?? [];
      const names = ids.map((id) => installationName(data?.installations.get(id), t)).join(', ');
      return number
        ? t('queue.kind.created', { number, name: names })
        : t('queue.kind.create', { name: names });
    }
    const label = number ? t('workOrder.title', { number }) : t('workOrder.newTitle');
    return item.patch.status === 'executed'
      ? t('queue.kind.executed', { title: label })
      : t('queue.kind.update', { title: label });
  };

  const remove = async (item: QueueItem) => {
    const text = item.kind === 'photo.upload' ? t('queue.removePhotoConfirm') : t('queue.removeConfirm');
    if (await confirm(text, t('queue.remove'))) await discardItem(item.id);
  };

  const theirs = async (item: UpdateWorkOrderItem) => {
    if (await confirm(t('queue.takeTheirsConfirm'), t('queue.takeTheirs'))) await takeTheirs(item.id);
  };

  const attention = items.filter((i) => i.state === 'failed' || i.state === 'conflict');
  const waiting = items.filter((i) => i.state === 'queued' || i.state === 'sending');
  const sent = items.filter((i) => i.state === 'sent').reverse();

  const card = (item: QueueItem) => {
    const blocked = isWaitingFor(item, items);
    const otherUser = item.userId !== userId;
    const workOrderLink = item.kind !== 'photo.upload' && data?.records.has(item.workOrderId);
    return (
      <li key={item.id} className="queue-item">
        <div className="queue-head">
          <span className="row-title">{title(item)}</span>
          <Badge tone={TONE[item.state]}>{t(`queue.state.${item.state}`)}</Badge>
        </div>
        <span className="row-line muted">
          {item.state === 'sent' && item.sentAt
            ? t('queue.sentAt', { time: format.dateTime(item.sentAt) })
            : t('queue.createdAt', { time: format.dateTime(item.createdAt) })}
        </span>
        {otherUser && item.state !== 'sent' && <p className="row-line">{t('queue.otherUser')}</p>}
        {item.state === 'queued' && blocked && <p className="row-line">{t('queue.blocked')}</p>}
        {item.state === 'queued' && item.problem && (
          <p className="row-line">
            {item.problem.status === 0
              ? t('queue.offlineRetry')
              : t('queue.serverRetry', { status: item.problem.status })}
          </p>
        )}
        {item.state === 'failed' && item.problem && <Refusal item={item} />}
        {item.state === 'conflict' && item.kind === 'work_order.update' && item.theirs && (
          <div className="problem">
            <p>
              {t('queue.conflictText', {
                title: t('workOrder.title', { number: item.theirs.number }),
              })}
            </p>
            <ul>
              <li>
                {t('queue.theirs', {
                  status: t(`woStatus.${item.theirs.status}`),
                  activities: t('queue.activities', { count: item.theirs.activities.length }),
                  time: format.dateTime(item.theirs.updatedAt),
                })}
              </li>
              <li>
                {t('queue.mine', {
                  status: t(
                    `woStatus.${(item.patch.status as 'executed' | undefined) ?? item.theirs.status}`,
                  ),
                  activities: t('queue.activities', {
                    count: Array.isArray(item.patch.activities)
                      ? item.patch.activities.length
                      : item.theirs.activities.length,
                  }),
                })}
              </li>
            </ul>
          </div>
        )}
        <div className="actions">
          {item.state === 'conflict' && item.kind === 'work_order.update' && (
            <>
              <Button onClick={() => void keepMine(item.id)}>{t('queue.keepMine')}</Button>
              <Button variant="secondary" onClick={() => void theirs(item)}>
                {t('queue.takeTheirs')}
              </Button>
            </>
          )}
          {item.state === 'failed' && workOrderLink && (
            <Link className="btn btn-primary" to={paths.workOrder(item.workOrderId)}>
              {t('queue.fix')}
            </Link>
          )}
          {item.state === 'failed' && (
            <Button variant="secondary" onClick={() => void retryItem(item.id)}>
              {t('queue.retry')}
            </Button>
          )}
          {item.state !== 'sent' && item.state !== 'sending' && (
            <Button variant="ghost" onClick={() => void remove(item)}>
              {t('queue.remove')}
            </Button>
          )}
          {item.state === 'sent' &&
            item.kind !== 'photo.upload' &&
            !isLocalId(item.workOrderId) &&
            workOrderLink && <Link to={paths.workOrder(item.workOrderId)}>{t('queue.open')}</Link>}
        </div>
      </li>
    );
  };

  const busy = sync.phase !== 'idle';
  return (
    <>
      {dialog}
      <PageTitle sub={t('queue.intro')}>{t('queue.title')}</PageTitle>
      <div className="toolbar">
        <Button onClick={() => void syncNow({ force: true })} disabled={busy || waiting.length === 0}>
          <IconSync size={18} className={busy ? 'spin' : ''} />
          {t('queue.syncNow')}
        </Button>
      </div>
      {sync.phase === 'sending' && sync.total > 0 && (
        <Notice tone="info" live="polite">
          {t('queue.progress', { done: sync.done, total: sync.total })}
        </Notice>
      )}
      {!sync.online && waiting.length > 0 && <Notice tone="warning">{t('queue.offline')}</Notice>}
      {items.length === 0 && <Notice tone="success">{t('queue.empty')}</Notice>}
      {attention.length > 0 && (
        <Section title={t('queue.attention')}>
          <ul className="list plain">{attention.map(card)}</ul>
        </Section>
      )}
      {waiting.length > 0 && (
        <Section title={t('queue.waiting')}>
          <ul className="list plain">{waiting.map(card)}</ul>
        </Section>
      )}
      {sent.length > 0 && (
        <Section
          title={t('queue.sent')}
          actions={
            <Button variant="ghost" onClick={() => void clearSent()}>
              {t('queue.clearSent')}
            </Button>
          }
        >
          <ul className="list plain">{sent.map(card)}</ul>
        </Section>
      )}
    </>
  );
}
