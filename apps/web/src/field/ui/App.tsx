import { useEffect, useRef, useSyncExternalStore } from 'react';
import { authStore } from '../api/auth';
import { db } from '../data/db';
import { useLive } from '../data/live';
import { useT } from '../i18n';
import { pwaStore } from '../pwa/register';
import { syncStore } from '../sync/engine';
import { FindPage } from './FindPage';
import { IconCloudOff, IconMore, IconQueue, IconSearch, IconSync, IconWork } from './icons';
import { InstallationPage } from './InstallationPage';
import { Button, Loading, PageTitle } from './kit';
import { MorePage } from './MorePage';
import { QueuePage } from './QueuePage';
import { Link, parseRoute, paths, useLocationPath } from './router';
import { SignInPage } from './SignInPage';
import { WorkListPage } from './WorkListPage';
import { WorkOrderPage } from './WorkOrderPage';

export function App() {
  const auth = useSyncExternalStore(authStore.subscribe, authStore.get);
  if (auth.status === 'loading') return <Loading />;
  if (auth.status === 'signed_out') return <SignInPage reason={auth.reason} />;
  return <Shell userId={auth.user.id} />;
}

function Logo() {
  return (
    <svg width="30" height="30" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#0b7777" />
      <path
        d="M16 7v18M8.2 11.5l15.6 9M8.2 20.5l15.6-9"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Queue counts for the status in the header and the badge on the tab. */
export function useQueueCounts(userId: string) {
  return useLive(async () => {
    const items = await db.queue.toArray();
    const mine = items.filter((i) => i.userId === userId);
    return {
      waiting: mine.filter((i) => i.state === 'queued' || i.state === 'sending').length,
      attention: mine.filter((i) => i.state === 'failed' || i.state === 'conflict').length,
      others: items.filter((i) => i.userId !== userId && i.state !== 'sent').length,
    };
  }, `counts:${userId}`);
}

function SyncStatus({ userId }: { userId: string }) {
  const t = useT();
  const sync = useSyncExternalStore(syncStore.subscribe, syncStore.get);
  const counts = useQueueCounts(userId) ?? { waiting: 0, attention: 0, others: 0 };
  let tone = 'success';
  let text = t('status.synced');
  if (sync.phase === 'sending' && sync.total > 0) {
    tone = 'info';
    text = t('status.sending', { done: sync.done, total: sync.total });
  } else if (sync.phase === 'receiving') {
    tone = 'info';
    text = t('status.receiving');
  } else if (!sync.online) {
    tone = 'offline';
    text = counts.waiting ? t('status.offlineWaiting', { count: counts.waiting }) : t('status.offline');
  } else if (counts.attention) {
    tone = 'danger';
    text = t('status.attention', { count: counts.attention });
  } else if (counts.waiting) {
    tone = 'warning';
    text = t('status.waiting', { count: counts.waiting });
  }
  const busy = sync.phase !== 'idle';
  return (
    <>
      <Link to={paths.queue()} className={`sync-status sync-${tone}`}>
        {!sync.online ? <IconCloudOff size={18} /> : <IconSync size={18} className={busy ? 'spin' : ''} />}
        <span role="status">{text}</span>
      </Link>
      {busy && (
        <div
          className="sync-progress"
          role="progressbar"
          aria-label={t('status.progress')}
          aria-valuemin={0}
          aria-valuemax={sync.total || undefined}
          aria-valuenow={sync.total ? sync.done : undefined}
        >
          <div
            className={`sync-progress-bar${sync.total ? '' : ' is-indeterminate'}`}
            style={sync.total ? { width: `${Math.round((sync.done / sync.total) * 100)}%` } : undefined}
          />
        </div>
      )}
    </>
  );
}

function UpdateBanner() {
  const t = useT();
  const pwa = useSyncExternalStore(pwaStore.subscribe, pwaStore.get);
  if (!pwa.updateReady) return null;
  return (
    <div className="update-banner" role="status">
      <span>{t('status.updateReady')}</span>
      <Button variant="secondary" onClick={() => window.location.reload()}>
        {t('status.reload')}
      </Button>
    </div>
  );
}

const TABS = [
  { route: 'work', to: paths.work(), label: 'nav.work', Icon: IconWork },
  { route: 'find', to: paths.find(), label: 'nav.find', Icon: IconSearch },
  { route: 'queue', to: paths.queue(), label: 'nav.queue', Icon: IconQueue },
  { route: 'more', to: paths.more(), label: 'nav.more', Icon: IconMore },
] as const;

function Shell({ userId }: { userId: string }) {
  const t = useT();
  const path = useLocationPath();
  const route = parseRoute(path);
  const counts = useQueueCounts(userId);
  const first = useRef(true);

  // After navigating, move focus to the new screen's heading (announced by screen readers).
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.getElementById('page-title') ?? document.getElementById('main');
    heading?.focus({ preventScroll: true });
  }, [path]);

  const section = route.name === 'workOrder' || route.name === 'installation' ? 'work' : route.name;
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className="topbar">
        <Link to={paths.work()} className="brand">
          <Logo />
          <span>{t('app.name')}</span>
        </Link>
        <SyncStatus userId={userId} />
      </header>
      <UpdateBanner />
      <main id="main" tabIndex={-1}>
        {route.name === 'work' && <WorkListPage />}
        {route.name === 'workOrder' && <WorkOrderPage key={route.id} id={route.id} />}
        {route.name === 'installation' && <InstallationPage key={route.id} id={route.id} />}
        {route.name === 'find' && <FindPage initialToken={route.token} />}
        {route.name === 'queue' && <QueuePage />}
        {route.name === 'more' && <MorePage />}
        {route.name === 'notFound' && (
          <>
            <PageTitle>{t('common.notFound')}</PageTitle>
            <Link to={paths.work()}>{t('common.toWork')}</Link>
          </>
        )}
      </main>
      <nav className="tabbar" aria-label={t('nav.label')}>
        {TABS.map(({ route: name, to, label, Icon }) => (
          <Link key={name} to={to} className="tab" aria-current={section === name ? 'page' : undefined}>
            <Icon />
            <span>{t(label)}</span>
            {name === 'queue' && counts && counts.waiting + counts.attention > 0 && (
              <>
                <span className={`tab-badge${counts.attention ? ' is-danger' : ''}`} aria-hidden="true">
                  {counts.waiting + counts.attention}
                </span>
                <span className="visually-hidden">
                  {` (${t('nav.queueCount', { count: counts.waiting + counts.attention })})`}
                </span>
              </>
            )}
          </Link>
        ))}
      </nav>
    </div>
  );
}
