import { Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import type { Session } from '../api/types';
import { CenteredLoader } from '../components/CenteredLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import { RecoveryCodes } from '../components/RecoveryCodes';
import { usePageTitle } from '../components/usePageTitle';
import { EnrolStep } from './EnrolStep';
import { safeNextPath } from './next-path';
import { PasswordStep } from './PasswordStep';
import { SecondFactorStep } from './SecondFactorStep';
import { applySession, SESSION_KEY, setSigningOut, useSessionQuery } from './session';

type Enrolled = { recoveryCodes: string[]; session: Session | null };

/**
 * Sign-in in up to three steps, following the session's stage: password, then the second
 * factor, or the enrolment the account requires (whose recovery codes are shown before going on).
 */
export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('auth.signIn.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { data: session, isPending, error } = useSessionQuery();
  const [enrolled, setEnrolled] = useState<Enrolled | null>(null);
  useEffect(() => setSigningOut(false), []);

  if (enrolled) {
    return (
      <RecoveryCodes
        codes={enrolled.recoveryCodes}
        email={session?.user.email ?? null}
        doneLabel={t('auth.enrol.continue')}
        headingOrder={1}
        onDone={() => {
          if (enrolled.session) applySession(queryClient, enrolled.session);
          else void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
          navigate(next, { replace: true });
        }}
      />
    );
  }
  if (isPending) return <CenteredLoader />;
  if (error) {
    return (
      <Stack>
        <ErrorAlert error={error} />
        <PasswordStep />
      </Stack>
    );
  }
  if (session?.stage === 'active') return <Navigate to={next} replace />;
  if (session?.stage === 'second_factor') return <SecondFactorStep />;
  if (session?.stage === 'enrol_second_factor') {
    return <EnrolStep accountName={session.account.name} onEnabled={setEnrolled} />;
  }
  return <PasswordStep />;
}
