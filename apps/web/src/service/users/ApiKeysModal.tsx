import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiKey, User } from '../../api/types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
import { text } from '../../components/useFields';
import { fieldErrorsOf } from '../../i18n/error-text';
import { ApiKeysTable } from './ApiKeysTable';
import { NewApiKeyAlert } from './NewApiKeyAlert';
import { apiKeysKey, createApiKey, listApiKeys, revokeApiKey } from './users-api';

const FIELDS = ['name'] as const;

/** A system user's API keys: create (the key is shown once), see use, revoke. */
export function ApiKeysModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: apiKeysKey(user.id), queryFn: () => listApiKeys(user.id) });
  const [name, setName] = useState('');
  const [newKey, setNewKey] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: apiKeysKey(user.id) });
  const create = useMutation({
    mutationFn: () => createApiKey(user.id, name),
    onSuccess: (created) => {
      setNewKey(created.key);
      setName('');
      void refresh();
    },
  });
  const revoke = useConfirmedMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(user.id, key.id),
    onSuccess: () => {
      notifications.show({ color: 'climalog', message: t('apiKeys.revoked') });
      void refresh();
    },
  });
  const errors = fieldErrorsOf(t, create.error, FIELDS);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Modal opened onClose={onClose} title={t('apiKeys.title', { name: user.name })} size={920} centered>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('apiKeys.intro')}
        </Text>
        {newKey && <NewApiKeyAlert secret={newKey} onDismiss={() => setNewKey(null)} />}
        {user.status === 'deactivated' ? (
          <Text size="sm">{t('apiKeys.deactivatedUser')}</Text>
        ) : (
          <form onSubmit={submit} noValidate>
            <Group align="flex-start" gap="sm">
              <TextInput
                label={t('apiKeys.name')}
                description={t('apiKeys.nameHelp')}
                required
                value={name}
                onChange={text(setName)}
                error={errors.name}
                style={{ flex: 1 }}
              />
              <Button type="submit" loading={create.isPending} mt={44}>
                {t('apiKeys.create')}
              </Button>
            </Group>
          </form>
        )}
        <ErrorAlert error={create.error} fields={FIELDS} />
        <ErrorAlert error={keys.error} />
        {keys.isPending ? (
          <CenteredLoader />
        ) : (
          <ApiKeysTable keys={keys.data?.items ?? []} onRevoke={revoke.ask} />
        )}
      </Stack>
      <ConfirmModal
        {...revoke.confirmProps}
        title={t('apiKeys.revokeTitle')}
        message={t('apiKeys.revokeConfirm', { name: revoke.target?.name ?? '' })}
        confirmLabel={t('apiKeys.revoke')}
        danger
      />
    </Modal>
  );
}
