import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { defaultDeviceName, signIn, type SignOutReason } from '../api/auth';
import { db } from '../data/db';
import { useLive } from '../data/live';
import { FIELD_LANGUAGES, isFieldLanguage, storedLanguage, useI18n } from '../i18n';
import { Button, Notice, SelectField, TextField } from './kit';

export function LanguagePicker() {
  const { t, language, setLanguage } = useI18n();
  return (
    <SelectField
      label={t('more.language')}
      value={language}
      onValue={(v) => isFieldLanguage(v) && setLanguage(v)}
      options={FIELD_LANGUAGES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
    />
  );
}

export function SignInPage({ reason }: { reason: SignOutReason | null }) {
  const { t, setLanguage } = useI18n();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(defaultDeviceName);
  const [code, setCode] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kept = useLive(() => db.queue.filter((i) => i.state !== 'sent').count(), 'kept') ?? 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!login.trim() || !password) {
      setError(t('signIn.missing'));
      return;
    }
    if (!navigator.onLine) {
      setError(t('signIn.offline'));
      return;
    }
    setBusy(true);
    try {
      const user = await signIn({ login, password, deviceName, ...(needsCode ? { code } : {}) });
      // Ask the browser not to evict the offline data and the queue when storage runs low.
      void navigator.storage?.persist?.().catch(() => false);
      // The user's own language, unless this device chose one.
      if (!storedLanguage() && isFieldLanguage(user.language)) setLanguage(user.language);
    } catch (e) {
      setBusy(false);
      if (!(e instanceof ApiError)) {
        setError(t('signIn.failed', { detail: String(e) }));
      } else if (e.reason === 'second_factor_required') {
        if (needsCode && code) setError(t('signIn.wrongCode'));
        setNeedsCode(true);
        setCode('');
      } else if (e.reason === 'two_factor_enrolment_required') {
        setError(t('signIn.enrol'));
      } else if (e.status === 0) {
        setError(t('signIn.offline'));
      } else if (e.status === 429) {
        setError(t('signIn.rateLimited'));
      } else if (e.status === 401) {
        setError(t('signIn.wrong'));
      } else {
        setError(t('signIn.failed', { detail: e.message }));
      }
    }
  };

  return (
    <main id="main" className="signin">
      <div className="signin-brand">
        <svg width="44" height="44" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
          <rect width="32" height="32" rx="8" fill="#0b7777" />
          <path
            d="M16 7v18M8.2 11.5l15.6 9M8.2 20.5l15.6-9"
            stroke="#fff"
            strokeWidth="2.4"
            strokeLinecap="round"
          />
        </svg>
        <span>{t('app.name')}</span>
      </div>
      <h1 id="page-title" tabIndex={-1}>
        {t('signIn.title')}
      </h1>
      <p className="page-sub">{t('signIn.intro')}</p>
      {reason && reason !== 'manual' && (
        <Notice tone="warning" live="polite">
          <p>{t(`signIn.${reason}`)}</p>
          {kept > 0 && <p>{t('signIn.kept', { count: kept })}</p>}
        </Notice>
      )}
      {reason === 'manual' && kept > 0 && (
        <Notice tone="info">
          <p>{t('signIn.kept', { count: kept })}</p>
        </Notice>
      )}
      <form onSubmit={submit} noValidate className="stack">
        <TextField
          label={t('signIn.login')}
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          required
          value={login}
          onValue={setLogin}
        />
        <TextField
          label={t('signIn.password')}
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        {needsCode && (
          <TextField
            label={t('signIn.code')}
            hint={t('signIn.codeHint')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            value={code}
            onValue={setCode}
          />
        )}
        <TextField
          label={t('signIn.deviceName')}
          hint={t('signIn.deviceNameHint')}
          maxLength={100}
          value={deviceName}
          onValue={setDeviceName}
        />
        {error && (
          <Notice tone="danger" live="assertive">
            {error}
          </Notice>
        )}
        <Button type="submit" block busy={busy}>
          {busy ? t('signIn.submitting') : t('signIn.submit')}
        </Button>
      </form>
      <div className="signin-language">
        <LanguagePicker />
      </div>
    </main>
  );
}
