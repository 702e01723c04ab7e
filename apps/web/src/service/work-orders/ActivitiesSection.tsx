import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../api/site-types';
import { ACTIVITY_TYPES, type ActivityType } from '../../api/work-types';
import { IconPlus } from '../../components/icons';
import { CYLINDERS_KEY, listCylinders } from '../inventory/inventory-api';
import { installationTitle } from '../installations/installation-text';
import { newActivity, type ActivityDraft } from './activity-draft';
import { ActivityEditor } from './ActivityEditor';

const HEATING_TYPES: ActivityType[] = ['heating_maintenance', 'heating_audit'];
const REFRIGERANT_TYPES: ActivityType[] = [
  'leak_check',
  'leak_repair',
  'refrigerant_added',
  'refrigerant_recovered',
];

type Props = {
  installations: Installation[];
  value: ActivityDraft[];
  onChange: (value: ActivityDraft[]) => void;
  errorOf: (index: number, field: string) => string | undefined;
};

/** The activities per installation: add one by installation and type, then fill in its fields. */
export function ActivitiesSection({ installations, value, onChange, errorOf }: Props) {
  const { t } = useTranslation();
  const cylinders = useQuery({ queryKey: CYLINDERS_KEY, queryFn: () => listCylinders() });
  const [installationId, setInstallationId] = useState<string | null>(null);
  const [type, setType] = useState<ActivityType | null>(null);
  const target =
    installations.find((i) => i.id === installationId) ??
    (installations.length === 1 ? installations[0] : undefined);
  const fits = (ty: ActivityType) =>
    !target?.kind ||
    (target.kind === 'heating' ? !REFRIGERANT_TYPES.includes(ty) : !HEATING_TYPES.includes(ty));
  const add = () => {
    if (!target || !type) return;
    onChange([...value, newActivity(target.id, type, target.refrigerant)]);
    setType(null);
  };
  const nameOf = (id: string) => {
    const i = installations.find((x) => x.id === id);
    return i ? installationTitle(t, i) : '…';
  };

  return (
    <Stack gap="sm">
      {value.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('activities.empty')}
        </Text>
      )}
      {value.map((draft, index) => (
        <ActivityEditor
          key={draft.key}
          draft={draft}
          installationName={nameOf(draft.installationId)}
          cylinders={cylinders.data ?? []}
          onChange={(next) => onChange(value.map((a, i) => (i === index ? next : a)))}
          onRemove={() => onChange(value.filter((_, i) => i !== index))}
          errorOf={(field) => errorOf(index, field)}
        />
      ))}
      {installations.length > 0 && (
        <Group align="flex-end" gap="xs">
          {installations.length > 1 && (
            <Select
              label={t('activities.forInstallation')}
              data={installations.map((i) => ({ value: i.id, label: installationTitle(t, i) }))}
              value={installationId}
              onChange={setInstallationId}
              w={240}
            />
          )}
          <Select
            label={t('activities.type')}
            data={ACTIVITY_TYPES.filter(fits).map((ty) => ({
              value: ty,
              label: t(`activities.types.${ty}`),
            }))}
            value={type}
            onChange={(v) => setType(v as ActivityType | null)}
            searchable
            w={240}
          />
          <Button variant="light" leftSection={<IconPlus />} onClick={add} disabled={!target || !type}>
            {t('activities.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
