import { Alert, Button, Checkbox, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { issuePortalCode, portalKey, type PortalScope, type PortalStatus } from './portal-access-api';
import { PortalCodeResult } from './PortalCodeResult';

type Props = { scope: PortalScope; id: string; status: PortalStatus; onClose: () => void };

/** Enables the portal or makes a new code: first what it means, then the code, shown once. */
export function IssuePortalCodeModal({ scope, id, status, onClose }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [requireToken, setRequireToken] = useState(status.requireInstallationToken);
  const issue = useMutation({
    mutationFn: () => issuePortalCode(scope, id, requireToken),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: portalKey(scope, id) }),
  });
  const regenerate = status.enabled;
  const title = issue.data
    ? t('portalAccess.codeTitle')
    : regenerate
      ? t('portalAccess.regenerateTitle')
      : t('portalAccess.enableTitle');
  // Once the code is shown, closing by accident would lose it: only the button closes.
  const shown = issue.data !== undefined;

  return (
    <Modal
      opened
      onClose={onClose}
      title={title}
      size="lg"
      centered
      closeOnClickOutside={!shown}
      closeOnEscape={!shown}
    >
      {issue.data ? (
        <PortalCodeResult result={issue.data} onClose={onClose} />
      ) : (
        <Stack gap="sm">
          <Text size="sm">
            {t(scope === 'customer' ? 'portalAccess.enableCustomer' : 'portalAccess.enableLocation')}
          </Text>
          {scope === 'location' && (
            <Checkbox
              label={t('portalAccess.requireToken')}
              description={t('portalAccess.requireTokenHelp')}
              checked={requireToken}
              onChange={(e) => setRequireToken(e.currentTarget.checked)}
            />
          )}
          {regenerate && (
            <Alert color="orange" variant="light" role="note">
              <Text size="sm">{t('portalAccess.regenerateWarning')}</Text>
            </Alert>
          )}
          <Text size="sm" c="dimmed">
            {t('portalAccess.neverEmailed')}
          </Text>
          <ErrorAlert error={issue.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color={regenerate ? 'orange' : undefined}
              loading={issue.isPending}
              onClick={() => issue.mutate()}
            >
              {regenerate ? t('portalAccess.regenerate') : t('portalAccess.enable')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
