import { Alert, Button, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../api/problem';
import { openSession, type PortalSession } from '../api';
import { compactCode, groupCode, type EntryLink } from '../entry-link';
import { useFormat } from '../format';
import { usePortalT, type PortalT } from '../i18n';
import { PublicLayout } from '../layout/PublicLayout';
import { errorMessage, usePageTitle } from '../ui';

export type SignInNotice = 'ended' | 'signedOut' | null;

type Props = {
  prefill: EntryLink | null;
  /** Set when someone already signed in opens an entry link. */
  session: PortalSession | null;
  notice: SignInNotice;
  onSignedIn: (session: PortalSession) => void;
  onContinue: () => void;
};

type FieldErrors = { code?: string; token?: string };

const EXAMPLE_CODE = 'K7QM2-XHP9R-TA4BC-2MN7P';

function validate(t: PortalT, code: string, token: string): FieldErrors {
  const errors: FieldErrors = {};
  const codeLength = compactCode(code).length;
  const tokenLength = compactCode(token).length;
  if (codeLength === 0) errors.code = t('signIn.codeRequired');
  else if (codeLength !== 20) errors.code = t('signIn.codeLength', { count: codeLength });
  if (tokenLength > 0 && tokenLength !== 20) errors.token = t('signIn.tokenLength', { count: tokenLength });
  return errors;
}

/** Signing in with the authorization code (and the installation token where a location asks for it). */
export function SignInPage({ prefill, session, notice, onSignedIn, onContinue }: Props) {
  const t = usePortalT();
  const format = useFormat();
  usePageTitle(t('signIn.title'));
  const [code, setCode] = useState(() => (prefill?.code ? groupCode(prefill.code) : ''));
  const [token, setToken] = useState(() => (prefill?.token ? groupCode(prefill.token) : ''));
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [blockedUntil, setBlockedUntil] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const tokenInput = useRef<HTMLInputElement>(null);

  // After a rate limit, the button comes back when the wait is over.
  useEffect(() => {
    if (blockedUntil === null) return;
    const timer = window.setTimeout(
      () => {
        setBlockedUntil(null);
        setFailure(null);
      },
      Math.max(0, blockedUntil - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [blockedUntil]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const errors = validate(t, code, token);
    setFieldErrors(errors);
    setFailure(null);
    if (errors.code) return codeInput.current?.focus();
    if (errors.token) return tokenInput.current?.focus();
    setBusy(true);
    try {
      onSignedIn(await openSession(groupCode(code), token.trim() ? groupCode(token) : ''));
    } catch (error) {
      setFailure(error);
      if (error instanceof ApiError && error.status === 429) {
        setBlockedUntil(Date.now() + (error.retryAfterSeconds ?? 60) * 1000);
      }
      setBusy(false);
    }
  };

  // The example code stays on one line: translate around a marker, then split on it.
  const [helpBefore, helpAfter] = t('signIn.codeHelp', { example: '\u0000' }).split('\u0000');
  const codeHelp = (
    <>
      {helpBefore}
      <span className="portal-nowrap">{EXAMPLE_CODE}</span>
      {helpAfter}
    </>
  );

  const invalid = failure instanceof ApiError && failure.status === 401;
  let message: string | null = null;
  if (invalid) message = t('signIn.invalid');
  else if (failure instanceof ApiError && failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? 60;
    const wait =
      seconds < 90
        ? t('signIn.seconds', { count: seconds })
        : t('signIn.minutes', { count: Math.ceil(seconds / 60) });
    message = t('signIn.rateLimited', {
      wait,
      time: format.time(new Date(blockedUntil ?? Date.now()).toISOString()),
    });
  } else if (failure) message = errorMessage(t, failure);

  return (
    <PublicLayout>
      <Paper withBorder radius="lg" p={{ base: 'md', xs: 'xl' }} shadow="xs">
        <Stack gap="md">
          <Stack gap={6}>
            <Title order={1} size="h2">
              {t('signIn.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('signIn.intro')}
            </Text>
          </Stack>
          {notice === 'ended' && (
            <Alert color="orange" variant="light" role="status">
              {t('signIn.ended')}
            </Alert>
          )}
          {notice === 'signedOut' && (
            <Alert color="climalog" variant="light" role="status">
              {t('signIn.signedOut')}
            </Alert>
          )}
          {session && (
            <Alert color="blue" variant="light">
              <Stack gap="xs" align="flex-start">
                <Text size="sm">{t('signIn.alreadySignedIn', { name: session.customerName })}</Text>
                <Button size="xs" variant="white" onClick={onContinue}>
                  {t('signIn.continue')}
                </Button>
              </Stack>
            </Alert>
          )}
          {!session && prefill && (
            <Text size="sm" c="climalog.8">
              {prefill.code ? t('signIn.fromLink') : t('signIn.fromQrCode')}
            </Text>
          )}
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <TextInput
                ref={codeInput}
                label={t('signIn.code')}
                description={codeHelp}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value)}
                onBlur={() => setCode((c) => groupCode(c))}
                error={fieldErrors.code ?? invalid}
                required
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                maxLength={64}
                autoFocus={!prefill?.code}
                size="md"
                classNames={{ input: 'portal-code-input' }}
              />
              <TextInput
                ref={tokenInput}
                label={t('signIn.token')}
                description={t('signIn.tokenHelp')}
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                onBlur={() => setToken((c) => groupCode(c))}
                error={fieldErrors.token ?? (invalid && token.trim() !== '')}
                autoComplete="off"
                autoCapitalize="characters"
                autoCorrect="off"
                spellCheck={false}
                maxLength={64}
                size="md"
                classNames={{ input: 'portal-code-input' }}
              />
              {/* Always in the page, so that screen readers announce a new message. */}
              <div role="alert" aria-atomic="true" className={message ? undefined : 'portal-visually-hidden'}>
                {message && (
                  <Alert color="red" variant="light" role="presentation">
                    <Text size="sm">{message}</Text>
                  </Alert>
                )}
              </div>
              <Button
                type="submit"
                size="md"
                fullWidth
                loading={busy}
                disabled={blockedUntil !== null}
                autoFocus={Boolean(prefill?.code)}
              >
                {t('signIn.submit')}
              </Button>
            </Stack>
          </form>
          <Text size="sm">{t('signIn.noCode')}</Text>
          <Text size="xs" c="dimmed">
            {t('signIn.cookieNote')}
          </Text>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
