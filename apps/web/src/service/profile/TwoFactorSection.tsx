import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KEY } from '../../auth/session';
import { useSession } from '../../auth/session-context';
import { RecoveryCodes } from '../../components/RecoveryCodes';
import { TwoFactorEnrolment } from '../../components/TwoFactorEnrolment';
import { PasswordConfirmModal } from './PasswordConfirmModal';
import { disableTwoFactor, ME_KEY, newRecoveryCodes } from './profile-api';

type View = 'status' | 'setup' | 'turnOff' | 'newCodes';

/** Two-step sign-in: set up (QR code and secret), recovery codes shown once, turn off. */
export function TwoFactorSection() {
  const { t } = useTranslation();
  const { user, account } = useSession();
  const queryClient = useQueryClient();
  const [view, setView] = useState<View>('status');
  const [codes, setCodes] = useState<string[] | null>(null);
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  };

  const heading = (
    <Title order={2} size="h3">
      {t('twoFactor.title')}
    </Title>
  );
  if (codes) {
    return (
      <Stack>
        {heading}
        <RecoveryCodes
          codes={codes}
          email={user.email}
          headingOrder={3}
          onDone={() => {
            setCodes(null);
            refresh();
          }}
        />
      </Stack>
    );
  }
  if (view === 'setup') {
    return (
      <Stack>
        {heading}
        <TwoFactorEnrolment
          onEnabled={(result) => {
            notifications.show({ color: 'climalog', message: t('twoFactor.enabled') });
            setView('status');
            setCodes(result.recoveryCodes);
          }}
          onCancel={() => setView('status')}
        />
      </Stack>
    );
  }
  return (
    <Stack>
      {heading}
      <Text size="sm" c="dimmed">
        {t('twoFactor.intro')}
      </Text>
      <Group gap="sm">
        <Badge
          color={user.twoFactorEnabled ? 'climalog' : 'gray'}
          variant={user.twoFactorEnabled ? 'filled' : 'light'}
          tt="none"
        >
          {user.twoFactorEnabled ? t('twoFactor.on') : t('twoFactor.off')}
        </Badge>
      </Group>
      {user.twoFactorEnabled ? (
        <Stack gap="sm">
          {account.requireTwoFactor && (
            <Alert color="gray" variant="light" role="note">
              {t('twoFactor.requiredByAccount')}
            </Alert>
          )}
          <Group>
            <Button variant="default" onClick={() => setView('newCodes')}>
              {t('twoFactor.newCodes')}
            </Button>
            {!account.requireTwoFactor && (
              <Button variant="light" color="red" onClick={() => setView('turnOff')}>
                {t('twoFactor.turnOff')}
              </Button>
            )}
          </Group>
        </Stack>
      ) : (
        <Group>
          <Button onClick={() => setView('setup')}>{t('twoFactor.setUp')}</Button>
        </Group>
      )}
      {view === 'turnOff' && (
        <PasswordConfirmModal
          title={t('twoFactor.turnOffTitle')}
          explanation={t('twoFactor.turnOffText')}
          submitLabel={t('twoFactor.turnOff')}
          withCode
          danger
          action={disableTwoFactor}
          onDone={() => {
            notifications.show({ color: 'climalog', message: t('twoFactor.disabled') });
            setView('status');
            refresh();
          }}
          onClose={() => setView('status')}
        />
      )}
      {view === 'newCodes' && (
        <PasswordConfirmModal
          title={t('twoFactor.newCodesTitle')}
          explanation={t('twoFactor.newCodesText')}
          submitLabel={t('twoFactor.generate')}
          withCode={false}
          action={(password) => newRecoveryCodes(password)}
          onDone={(result) => {
            setView('status');
            setCodes(result.recoveryCodes);
          }}
          onClose={() => setView('status')}
        />
      )}
    </Stack>
  );
}
