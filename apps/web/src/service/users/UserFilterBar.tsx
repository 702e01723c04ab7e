import { Group, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role, type UserKind, type UserStatus } from '../../api/types';
import { IconSearch } from '../../components/icons';
import { ClearFiltersButton } from '../../components/ListControls';
import { text } from '../../components/useFields';

export type FilterValues = {
  search: string;
  kind: UserKind | null;
  status: UserStatus | null;
  role: Role | null;
};

type Props = { value: FilterValues; onChange: (value: FilterValues) => void };

const KINDS: UserKind[] = ['person', 'system'];
const STATUSES: UserStatus[] = ['active', 'invited', 'no_sign_in', 'deactivated'];

/** Search and filters of the user list. */
export function UserFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const pick =
    <K extends keyof FilterValues>(key: K) =>
    (next: FilterValues[K]) =>
      onChange({ ...value, [key]: next });
  const filtered = value.search !== '' || value.kind !== null || value.status !== null || value.role !== null;
  return (
    <Group align="flex-end" gap="sm">
      <TextInput
        label={t('users.searchLabel')}
        type="search"
        leftSection={<IconSearch />}
        value={value.search}
        onChange={text(pick('search'))}
        w={{ base: '100%', sm: 300 }}
      />
      <Select
        label={t('users.kindLabel')}
        placeholder={t('common.all')}
        clearable
        data={KINDS.map((k) => ({ value: k, label: t(`users.kinds.${k}`) }))}
        value={value.kind}
        onChange={(v) => pick('kind')(KINDS.find((k) => k === v) ?? null)}
        w={180}
      />
      <Select
        label={t('users.statusLabel')}
        placeholder={t('common.all')}
        clearable
        data={STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        value={value.status}
        onChange={(v) => pick('status')(STATUSES.find((s) => s === v) ?? null)}
        w={180}
      />
      <Select
        label={t('users.roleLabel')}
        placeholder={t('common.all')}
        clearable
        data={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
        value={value.role}
        onChange={(v) => pick('role')(ROLES.find((r) => r === v) ?? null)}
        w={200}
      />
      <ClearFiltersButton
        shown={filtered}
        onClick={() => onChange({ search: '', kind: null, status: null, role: null })}
      />
    </Group>
  );
}
