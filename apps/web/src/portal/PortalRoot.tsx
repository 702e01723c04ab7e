import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Outlet, useNavigate } from 'react-router-dom';
import { closeSession, fetchSession, PORTAL_DATA_KEY, SESSION_KEY, type PortalSession } from './api';
import { compactCode, takeEntryLink, type EntryLink } from './entry-link';
import { adoptSessionLanguage } from './i18n';
import { useInstallations } from './installations/use-installations';
import { PortalLayout } from './layout/PortalLayout';
import { PublicLayout } from './layout/PublicLayout';
import { CookiesDisabledPage } from './pages/CookiesDisabledPage';
import { SignInPage, type SignInNotice } from './pages/SignInPage';
import { forgetSession, rememberSignedIn, wasSignedIn } from './session';
import { ErrorMessage, Loading } from './ui';

type Props = { entry: EntryLink | null; cookiesEnabled: boolean };

/**
 * A QR code opened by someone already signed in: go to that installation if this session sees it;
 * otherwise the sign-in form takes the token.
 */
function OpenInstallationByToken({ token, onDone }: { token: string; onDone: (found: boolean) => void }) {
  const query = useInstallations();
  const navigate = useNavigate();
  const settled = useRef(false);
  useEffect(() => {
    if (settled.current || (!query.data && !query.isError)) return;
    settled.current = true;
    const match = query.data?.items.find((i) => compactCode(i.token) === compactCode(token));
    if (match) navigate(`/installations/${match.id}`, { replace: true });
    onDone(Boolean(match));
  }, [query.data, query.isError, token, navigate, onDone]);
  return <Loading />;
}

/** Decides between the sign-in page and the portal, for whatever address was opened. */
export function PortalRoot({ entry, cookiesEnabled }: Props) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const [prefill, setPrefill] = useState(entry);
  const [tokenChecked, setTokenChecked] = useState(false);
  const [notice, setNotice] = useState<SignInNotice>(null);
  const session = useQuery({
    queryKey: SESSION_KEY,
    queryFn: fetchSession,
    staleTime: Infinity,
    enabled: cookiesEnabled,
  });
  const current = session.data ?? null;

  useEffect(() => {
    if (current) void adoptSessionLanguage(current.language);
  }, [current]);

  // A code link opened in a tab that already shows the portal changes only the fragment.
  useEffect(() => {
    const onHashChange = () => {
      const link = takeEntryLink();
      if (!link) return;
      setPrefill(link);
      setTokenChecked(false);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  if (!cookiesEnabled) return <CookiesDisabledPage />;
  if (session.isPending) {
    return (
      <PublicLayout>
        <Loading />
      </PublicLayout>
    );
  }
  if (session.isError) {
    return (
      <PublicLayout>
        <ErrorMessage error={session.error} onRetry={() => void session.refetch()} />
      </PublicLayout>
    );
  }

  const signedIn = (next: PortalSession) => {
    // Another code may see other installations: nothing of the previous session stays.
    client.removeQueries({ queryKey: PORTAL_DATA_KEY });
    client.setQueryData(SESSION_KEY, next);
    rememberSignedIn(true);
    setPrefill(null);
    setNotice(null);
    window.setTimeout(() => document.getElementById('main')?.focus(), 0);
  };

  const signOut = async () => {
    await closeSession();
    rememberSignedIn(false);
    forgetSession(client);
    setNotice('signedOut');
    navigate('/', { replace: true });
  };

  const qrTokenOnly = current && prefill && !prefill.code && !tokenChecked ? prefill.token : null;
  if (qrTokenOnly) {
    return (
      <PortalLayout session={current!} onSignOut={signOut}>
        <OpenInstallationByToken
          token={qrTokenOnly}
          onDone={(found) => (found ? setPrefill(null) : setTokenChecked(true))}
        />
      </PortalLayout>
    );
  }

  if (!current || prefill) {
    return (
      <SignInPage
        prefill={prefill}
        session={current}
        notice={!current && wasSignedIn() ? 'ended' : notice}
        onSignedIn={signedIn}
        onContinue={() => setPrefill(null)}
      />
    );
  }

  return (
    <PortalLayout session={current} onSignOut={signOut}>
      <Outlet context={current} />
    </PortalLayout>
  );
}
