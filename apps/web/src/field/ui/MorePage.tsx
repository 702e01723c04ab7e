import { useSyncExternalStore } from 'react';
import { authStore, signOut, storedInstallationId } from '../api/auth';
import { db, getKv } from '../data/db';
import { useLive } from '../data/live';
import { useFormat, useT } from '../i18n';
import { pwaStore } from '../pwa/register';
import { syncNow, syncStore } from '../sync/engine';
import { APP_VERSION } from '../version';
import { Badge, Button, PageTitle, Section, useConfirm } from './kit';
import { LanguagePicker } from './SignInPage';

export function MorePage() {
  const t = useT();
  const format = useFormat();
  const auth = useSyncExternalStore(authStore.subscribe, authStore.get);
  const pwa = useSyncExternalStore(pwaStore.subscribe, pwaStore.get);
  const sync = useSyncExternalStore(syncStore.subscribe, syncStore.get);
  const [dialog, confirm] = useConfirm();
  const info = useLive(
    async () => ({
      installationId: (await storedInstallationId()) ?? '',
      lastPulledAt: (await getKv<string>('lastPulledAt')) ?? null,
      unsent: await db.queue.filter((i) => i.state !== 'sent').count(),
      workOrders: await db.workOrders.count(),
      installations: await db.installations.count(),
    }),
    'more',
  );
  if (auth.status !== 'signed_in') return null;

  const leave = async () => {
    const unsent = info?.unsent ?? 0;
    const text = unsent ? t('more.signOutUnsent', { count: unsent }) : t('more.signOutConfirm');
    if (await confirm(text, t('more.signOut'))) await signOut('manual');
  };

  return (
    <>
      {dialog}
      <PageTitle sub={t('more.signedInAs', { name: auth.user.name })}>{t('more.title')}</PageTitle>
      <Section title={t('more.languageTitle')}>
        <LanguagePicker />
      </Section>
      <Section title={t('more.data')}>
        <p>
          {info?.lastPulledAt
            ? t('work.lastSync', { time: format.dateTime(info.lastPulledAt) })
            : t('work.neverSynced')}
        </p>
        <p className="muted">
          {t('more.stored', { workOrders: info?.workOrders ?? 0, installations: info?.installations ?? 0 })}
        </p>
        <p>
          <Badge tone={pwa.offlineReady ? 'success' : 'warning'}>
            {pwa.offlineReady ? t('more.offlineReady') : t('more.notOfflineReady')}
          </Badge>
        </p>
        <Button
          variant="secondary"
          onClick={() => void syncNow({ force: true })}
          disabled={sync.phase !== 'idle'}
        >
          {t('more.refresh')}
        </Button>
      </Section>
      <Section title={t('more.device')}>
        <dl className="details">
          <div>
            <dt>{t('more.deviceName')}</dt>
            <dd>{auth.deviceName}</dd>
          </div>
          <div>
            <dt>{t('more.installationId')}</dt>
            <dd className="mono">{info?.installationId ?? ''}</dd>
          </div>
          <div>
            <dt>{t('more.version')}</dt>
            <dd>{APP_VERSION}</dd>
          </div>
        </dl>
      </Section>
      <Button variant="danger" block onClick={() => void leave()}>
        {t('more.signOut')}
      </Button>
    </>
  );
}
