import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { SignedOutError } from '../api/auth';
import { db } from '../data/db';
import { useLive } from '../data/live';
import { useT } from '../i18n';
import { fetchInstallationByToken } from '../sync/pull';
import { installationName } from './describe';
import { IconChevron, IconQr } from './icons';
import { Button, Notice, PageTitle, Section, TextField } from './kit';
import { Link, navigate, paths } from './router';
import { canScan, QrScanner } from './QrScanner';

/**
 * The token from what was typed or scanned: the QR code of the instruction card holds a portal URL
 * (…/portal?token=XXXXX-XXXXX-XXXXX-XXXXX); typed codes may lack the dashes or be in lower case.
 */
export function tokenFrom(text: string): string {
  let value = text.trim();
  try {
    const url = new URL(value);
    value = url.searchParams.get('token') ?? url.hash.replace(/^#?token=/, '') ?? value;
  } catch {
    // Not a URL: typed.
  }
  const compact = value.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return compact.length === 20 ? compact.match(/.{5}/g)!.join('-') : value.toUpperCase();
}

export function FindPage({ initialToken }: { initialToken: string }) {
  const t = useT();
  const [token, setToken] = useState(initialToken);
  const [scanning, setScanning] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const installations = useLive(() => db.installations.toArray(), 'find-installations');
  const started = useRef(false);

  const find = async (text: string) => {
    setError(null);
    const wanted = tokenFrom(text);
    if (wanted.length < 4 || wanted.length > 40) {
      setError(t('find.invalid'));
      return;
    }
    setToken(wanted);
    const local = await db.installations.where('token').equals(wanted).first();
    if (local) {
      navigate(paths.installation(local.id));
      return;
    }
    if (!navigator.onLine) {
      setError(t('find.notOffline'));
      return;
    }
    setBusy(true);
    try {
      const installation = await fetchInstallationByToken(wanted);
      navigate(paths.installation(installation.id));
    } catch (e) {
      setBusy(false);
      if (e instanceof SignedOutError) return;
      if (e instanceof ApiError && e.status === 404) setError(t('find.notFound'));
      else if (e instanceof ApiError && e.status === 0) setError(t('find.notOffline'));
      else setError(t('find.failed', { detail: e instanceof Error ? e.message : String(e) }));
    }
  };

  // Opened with ?token= (a link from elsewhere): look it up at once.
  useEffect(() => {
    if (initialToken && !started.current) {
      started.current = true;
      void find(initialToken);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialToken]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void find(token);
  };

  const sorted = [...(installations ?? [])].sort((a, b) =>
    installationName(a, t).localeCompare(installationName(b, t)),
  );

  return (
    <>
      <PageTitle sub={t('find.intro')}>{t('find.title')}</PageTitle>
      {scanning ? (
        <QrScanner
          onCode={(text) => {
            setScanning(false);
            void find(text);
          }}
          onClose={() => setScanning(false)}
        />
      ) : (
        <form onSubmit={submit} noValidate className="card stack">
          <TextField
            label={t('find.token')}
            hint={t('find.tokenHint')}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            value={token}
            onValue={setToken}
            error={error ?? undefined}
          />
          <Button type="submit" block busy={busy}>
            {busy ? t('find.searching') : t('find.search')}
          </Button>
          {canScan ? (
            <Button variant="secondary" block onClick={() => setScanning(true)}>
              <IconQr size={20} />
              {t('find.scan')}
            </Button>
          ) : (
            <p className="muted">{t('find.noScanner')}</p>
          )}
        </form>
      )}
      {error && scanning === false && (
        <div className="visually-hidden" role="alert">
          {error}
        </div>
      )}
      {sorted.length > 0 && (
        <Section title={t('find.onDevice')}>
          <ul className="list">
            {sorted.map((installation) => (
              <li key={installation.id}>
                <Link to={paths.installation(installation.id)} className="row-link">
                  <span className="row-main">
                    <span className="row-title">{installationName(installation, t)}</span>
                    <span className="row-line muted">
                      {installation.customerName} · {installation.token}
                    </span>
                  </span>
                  <IconChevron size={20} className="row-chevron" />
                </Link>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {sorted.length === 0 && installations && <Notice tone="info">{t('find.nothingOnDevice')}</Notice>}
    </>
  );
}
