import { Alert, Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { LinkProblem } from './email-link';
import type { LinkKind } from './sign-in-api';

/** A clear message for a dead emailed link, and where to go from there. */
export function LinkProblemAlert({ kind, problem }: { kind: LinkKind; problem: LinkProblem }) {
  const { t } = useTranslation();
  const message = problem === 'missing' ? t('auth.links.missing') : t(`auth.links.${kind}.${problem}`);
  return (
    <Stack>
      <div role="alert" aria-atomic="true">
        <Alert
          color={problem === 'used' && kind === 'invitation' ? 'climalog' : 'orange'}
          variant="light"
          role="presentation"
        >
          {message}
        </Alert>
      </div>
      {kind === 'reset' && problem !== 'missing' ? (
        <Anchor component={Link} to="/forgot-password">
          {t('auth.reset.requestNew')}
        </Anchor>
      ) : null}
      <Anchor component={Link} to="/sign-in">
        {kind === 'invitation' ? t('auth.invitation.goSignIn') : t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
