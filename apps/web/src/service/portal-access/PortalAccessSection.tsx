import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session-context';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { useDateFormat } from '../../i18n/format';
import { IssuePortalCodeModal } from './IssuePortalCodeModal';
import { disablePortal, getPortalStatus, portalKey, type PortalScope } from './portal-access-api';

type Props = { scope: PortalScope; id: string };

/** Whether the customer portal is open for this customer or location; enable, new code, disable. */
export function PortalAccessSection({ scope, id }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  // Portal access is for managers and administrators: the same people as exports.
  const canManage = useSession().abilities.exportData;
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'issue' | 'disable' | null>(null);
  const status = useQuery({ queryKey: portalKey(scope, id), queryFn: () => getPortalStatus(scope, id) });
  const disable = useMutation({
    mutationFn: () => disablePortal(scope, id),
    onSuccess: () => {
      setDialog(null);
      notifications.show({ color: 'climalog', message: t('portalAccess.disabled') });
      void queryClient.invalidateQueries({ queryKey: portalKey(scope, id) });
    },
  });
  const s = status.data;

  return (
    <Section
      title={t('portalAccess.title')}
      actions={
        canManage &&
        s && (
          <>
            {s.enabled && (
              <Button size="xs" variant="default" color="red" onClick={() => setDialog('disable')}>
                {t('portalAccess.disable')}
              </Button>
            )}
            <Button size="xs" variant={s.enabled ? 'default' : 'filled'} onClick={() => setDialog('issue')}>
              {s.enabled ? t('portalAccess.regenerate') : t('portalAccess.enable')}
            </Button>
          </>
        )
      }
    >
      <Text size="sm" c="dimmed">
        {t(scope === 'customer' ? 'portalAccess.introCustomer' : 'portalAccess.introLocation')}
      </Text>
      <ErrorAlert error={status.error} />
      {status.isPending && <CenteredLoader />}
      {s && (
        <Stack gap={4}>
          <Group gap="xs">
            <Badge color={s.enabled ? 'climalog' : 'gray'} variant="light" tt="none">
              {s.enabled ? t('portalAccess.on') : t('portalAccess.off')}
            </Badge>
            {s.enabled && s.requireInstallationToken && (
              <Badge color="blue" variant="light" tt="none">
                {t('portalAccess.tokenRequired')}
              </Badge>
            )}
            {s.updatedAt && (
              <Text size="xs" c="dimmed">
                {t('portalAccess.changedOn', { date: dateTime(s.updatedAt) })}
              </Text>
            )}
          </Group>
          {!canManage && (
            <Text size="xs" c="dimmed">
              {t('portalAccess.managersOnly')}
            </Text>
          )}
        </Stack>
      )}
      {dialog === 'issue' && s && (
        <IssuePortalCodeModal scope={scope} id={id} status={s} onClose={() => setDialog(null)} />
      )}
      <ConfirmModal
        opened={dialog === 'disable'}
        title={t('portalAccess.disableTitle')}
        message={t('portalAccess.disableConfirm')}
        confirmLabel={t('portalAccess.disable')}
        danger
        loading={disable.isPending}
        error={disable.error}
        onConfirm={() => disable.mutate()}
        onClose={() => {
          setDialog(null);
          disable.reset();
        }}
      />
    </Section>
  );
}
