import { Button, Paper, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';
import { IconKey, IconPlus } from '../../components/icons';
import { PagedResults } from '../../components/PagedResults';
import { PageHeader } from '../../components/PageHeader';
import { usePagedList } from '../../components/usePagedList';
import { DevicesModal } from '../devices/DevicesModal';
import { ApiKeysModal } from './ApiKeysModal';
import { PersonFormModal } from './PersonFormModal';
import { SystemUserFormModal } from './SystemUserFormModal';
import type { UserAction } from './UserActionsMenu';
import { UserFilterBar, type FilterValues } from './UserFilterBar';
import { UsersTable } from './UsersTable';
import { listUsers, USERS_KEY } from './users-api';
import { useUserStatusActions } from './useUserStatusActions';

type Dialog =
  | { type: 'person' | 'system'; user: User | null }
  | { type: 'apiKeys' | 'devices' | 'deactivate' | 'reactivate'; user: User }
  | null;

/** Users and system users: list, filter, add, edit roles, invite, (de)activate, API keys. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useSession();
  const [filters, setFilters] = useState<FilterValues>({ search: '', kind: null, status: null, role: null });
  const [q] = useDebouncedValue(filters.search.trim(), 300);
  const query = { q, kind: filters.kind, status: filters.status, role: filters.role };
  const list = usePagedList([...USERS_KEY, query], (cursor) => listUsers(query, cursor));
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  const actions = useUserStatusActions(close);

  const onAction = (action: UserAction, user: User) => {
    if (action === 'invite') actions.invite.mutate(user);
    else if (action === 'edit') setDialog({ type: user.kind, user });
    else setDialog({ type: action, user });
  };
  const statusChange = dialog?.type === 'deactivate' ? actions.deactivate : actions.reactivate;

  return (
    <Stack gap="lg">
      <PageHeader
        title={t('users.title')}
        description={t('users.intro')}
        actions={
          session.abilities.manageUsers && (
            <>
              <Button
                variant="default"
                leftSection={<IconKey />}
                onClick={() => setDialog({ type: 'system', user: null })}
              >
                {t('users.addSystem')}
              </Button>
              <Button leftSection={<IconPlus />} onClick={() => setDialog({ type: 'person', user: null })}>
                {t('users.addPerson')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <Stack>
          <UserFilterBar value={filters} onChange={setFilters} />
          <PagedResults list={list} empty={t('users.empty')}>
            <UsersTable
              users={list.items}
              selfId={session.user.id}
              onAction={session.abilities.manageUsers ? onAction : null}
            />
          </PagedResults>
        </Stack>
      </Paper>
      {dialog?.type === 'person' && <PersonFormModal user={dialog.user} onClose={close} />}
      {dialog?.type === 'system' && <SystemUserFormModal user={dialog.user} onClose={close} />}
      {dialog?.type === 'apiKeys' && <ApiKeysModal user={dialog.user} onClose={close} />}
      {dialog?.type === 'devices' && <DevicesModal user={dialog.user} onClose={close} />}
      <ConfirmModal
        opened={dialog?.type === 'deactivate' || dialog?.type === 'reactivate'}
        title={dialog?.type === 'deactivate' ? t('users.deactivateTitle') : t('users.reactivateTitle')}
        message={
          dialog?.type === 'deactivate'
            ? t('users.deactivateConfirm', { name: dialog.user.name })
            : t('users.reactivateConfirm', { name: dialog?.user?.name ?? '' })
        }
        confirmLabel={dialog?.type === 'deactivate' ? t('users.deactivate') : t('users.reactivate')}
        danger={dialog?.type === 'deactivate'}
        loading={statusChange.isPending}
        error={statusChange.error}
        onConfirm={() => dialog?.user && statusChange.mutate(dialog.user)}
        onClose={() => {
          close();
          statusChange.reset();
        }}
      />
    </Stack>
  );
}
