import { useSyncExternalStore } from 'react';
import type { Installation, Location } from '../../api/site-types';
import type { WorkOrderStatus } from '../../api/work-types';
import { db, getKv } from '../data/db';
import { todayIso } from '../data/ids';
import { useLive } from '../data/live';
import type { WorkOrderRecord } from '../data/model';
import { useFormat, useT } from '../i18n';
import { syncNow, syncStore } from '../sync/engine';
import { draftOf } from '../sync/queue';
import { addressLine, installationName, workOrderTitle } from './describe';
import { IconChevron, IconSync } from './icons';
import { Badge, Button, Loading, Notice, PageTitle } from './kit';
import { Link, paths } from './router';
import { workOrderSyncState } from './sync-state';

type Row = {
  record: WorkOrderRecord;
  status: string;
  date: string | null;
};

function useWorkList() {
  return useLive(async () => {
    const [records, items, installations, locations, lastPulledAt] = await Promise.all([
      db.workOrders.toArray(),
      db.queue.toArray(),
      db.installations.toArray(),
      db.locations.toArray(),
      getKv<string>('lastPulledAt'),
    ]);
    return {
      records,
      items,
      installations: new Map(installations.map((i) => [i.id, i])),
      locations: new Map(locations.map((l) => [l.id, l])),
      lastPulledAt: lastPulledAt ?? null,
    };
  }, 'work-list');
}

export function WorkListPage() {
  const t = useT();
  const format = useFormat();
  const data = useWorkList();
  const sync = useSyncExternalStore(syncStore.subscribe, syncStore.get);
  if (!data) return <Loading />;

  const today = todayIso();
  const rows: Row[] = data.records.map((record) => {
    const draft = draftOf(record);
    const status = draft?.status ?? 'to_be_executed';
    return {
      record,
      status,
      date: status === 'executed' ? (draft?.executedOn ?? null) : (draft?.plannedOn ?? null),
    };
  });
  const byDate = (a: Row, b: Row) =>
    (a.date ?? '9999').localeCompare(b.date ?? '9999') ||
    (a.record.server?.number ?? 0) - (b.record.server?.number ?? 0);
  rows.sort(byDate);
  const overdue = rows.filter((r) => r.status === 'to_be_executed' && r.date !== null && r.date < today);
  const todays = rows.filter((r) => r.status !== 'executed' && r.date === today);
  const done = rows.filter((r) => r.status === 'executed');
  const upcoming = rows.filter((r) => r.status !== 'executed' && r.date !== null && r.date > today);
  const undated = rows.filter((r) => r.status !== 'executed' && r.date === null);
  const upcomingDays = [...new Set(upcoming.map((r) => r.date!))];

  const list = (items: Row[]) => (
    <ul className="list">
      {items.map((row) => (
        <WorkOrderCard key={row.record.id} row={row} data={data} />
      ))}
    </ul>
  );

  return (
    <>
      <PageTitle
        sub={
          data.lastPulledAt
            ? t('work.lastSync', { time: format.dateTime(data.lastPulledAt) })
            : t('work.neverSynced')
        }
      >
        {t('work.title')}
      </PageTitle>
      <div className="toolbar">
        <Button
          variant="secondary"
          onClick={() => void syncNow({ force: true })}
          disabled={sync.phase !== 'idle'}
        >
          <IconSync size={18} className={sync.phase !== 'idle' ? 'spin' : ''} />
          {t('work.refresh')}
        </Button>
      </div>
      {sync.serverTrouble && (
        <Notice tone="warning" live="polite">
          {t('work.pullFailed')}
        </Notice>
      )}
      {rows.length === 0 && (
        <Notice tone="info">{data.lastPulledAt ? t('work.empty') : t('work.emptyNeverSynced')}</Notice>
      )}
      {overdue.length > 0 && (
        <section aria-labelledby="wl-overdue" className="group">
          <h2 id="wl-overdue">{t('work.overdue')}</h2>
          {list(overdue)}
        </section>
      )}
      {todays.length > 0 && (
        <section aria-labelledby="wl-today" className="group">
          <h2 id="wl-today">{t('work.today')}</h2>
          {list(todays)}
        </section>
      )}
      {done.length > 0 && (
        <section aria-labelledby="wl-done" className="group">
          <h2 id="wl-done">{t('work.executed')}</h2>
          {list(done)}
        </section>
      )}
      {upcomingDays.map((day) => (
        <section key={day} aria-labelledby={`wl-${day}`} className="group">
          <h2 id={`wl-${day}`} className="capitalize">
            {format.longDate(day)}
          </h2>
          {list(upcoming.filter((r) => r.date === day))}
        </section>
      ))}
      {undated.length > 0 && (
        <section aria-labelledby="wl-undated" className="group">
          <h2 id="wl-undated">{t('work.undated')}</h2>
          {list(undated)}
        </section>
      )}
    </>
  );
}

function WorkOrderCard({
  row,
  data,
}: {
  row: Row;
  data: {
    items: Parameters<typeof workOrderSyncState>[1];
    installations: Map<string, Installation>;
    locations: Map<string, Location>;
  };
}) {
  const t = useT();
  const format = useFormat();
  const { record } = row;
  const draft = draftOf(record);
  const installationIds = draft?.installationIds ?? [];
  const installations = installationIds.map((id) => data.installations.get(id));
  const location = installations[0] ? data.locations.get(installations[0].locationId) : undefined;
  const syncState = workOrderSyncState(record, data.items);
  return (
    <li>
      <Link to={paths.workOrder(record.id)} className="row-link">
        <span className="row-main">
          <span className="row-title">
            {workOrderTitle(record, t)} · {record.customerName}
          </span>
          {location && <span className="row-line">{addressLine(location, t)}</span>}
          <span className="row-line muted">
            {installations.map((i) => installationName(i, t)).join(', ')}
          </span>
          <span className="row-badges">
            <Badge
              tone={row.status === 'executed' ? 'success' : row.status === 'cancelled' ? 'neutral' : 'info'}
            >
              {t(`woStatus.${row.status as WorkOrderStatus}`)}
              {row.status === 'executed' && row.date ? ` ${format.date(row.date)}` : ''}
            </Badge>
            {syncState && <Badge tone={syncState.tone}>{t(syncState.key)}</Badge>}
          </span>
        </span>
        <IconChevron size={20} className="row-chevron" />
      </Link>
    </li>
  );
}
