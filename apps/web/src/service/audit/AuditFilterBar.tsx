import { Group, Select, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClearFiltersButton } from '../../components/ListControls';
import { text } from '../../components/useFields';
import { actionsOf, AUDIT_GROUPS } from './audit-actions';
import { emptyAuditFilters, listActors, type AuditFilters } from './audit-api';
import { useAuditLabels } from './useAuditLabels';

type Props = { value: AuditFilters; onChange: (value: AuditFilters) => void };

/** Filters of the audit log: action (or a whole kind of object), who, which object, period. */
export function AuditFilterBar({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const pick =
    <K extends keyof AuditFilters>(key: K) =>
    (next: AuditFilters[K]) =>
      onChange({ ...value, [key]: next });
  // The user list is read (and audited) only when someone opens the "who" filter.
  const [actorsWanted, setActorsWanted] = useState(value.actorId !== null);
  const actors = useQuery({ queryKey: ['audit', 'actors'], queryFn: listActors, enabled: actorsWanted });
  const actionData = AUDIT_GROUPS.map((group) => ({
    group: t(`audit.groups.${group}`),
    items: [
      { value: `${group}.*`, label: t('audit.everythingAbout', { group: t(`audit.groups.${group}`) }) },
      ...actionsOf(group).map((action) => ({ value: action, label: labels.action(action) })),
    ],
  }));
  const filtered = JSON.stringify(value) !== JSON.stringify(emptyAuditFilters);

  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('audit.action')}
        placeholder={t('audit.allActions')}
        data={actionData}
        value={value.action}
        onChange={pick('action')}
        clearable
        searchable
        w={260}
      />
      <Select
        label={t('audit.actor')}
        placeholder={t('audit.anyone')}
        data={(actors.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        value={value.actorId}
        onChange={pick('actorId')}
        onDropdownOpen={() => setActorsWanted(true)}
        nothingFoundMessage={actors.isFetching ? t('common.loading') : undefined}
        clearable
        searchable
        w={220}
      />
      <TextInput
        label={t('audit.entityId')}
        placeholder="00000000-0000-…"
        value={value.entityId}
        onChange={text(pick('entityId'))}
        w={300}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
      />
      <TextInput
        label={t('audit.from')}
        type="date"
        value={value.fromDay}
        onChange={text(pick('fromDay'))}
        w={170}
      />
      <TextInput
        label={t('audit.to')}
        type="date"
        value={value.toDay}
        onChange={text(pick('toDay'))}
        w={170}
      />
      <ClearFiltersButton shown={filtered} onClick={() => onChange(emptyAuditFilters)} />
    </Group>
  );
}
