import { Button, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Building } from '../../api/site-types';
import { CenteredLoader } from '../../components/CenteredLoader';
import { ConfirmModal } from '../../components/ConfirmModal';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IconPlus } from '../../components/icons';
import { Section } from '../../components/Section';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { ForecastDetails } from '../forecasts/ForecastDetails';
import { BuildingFormModal } from './BuildingFormModal';
import { buildingName } from './building-name';
import { BUILDINGS_KEY, deleteBuilding, listBuildings } from './locations-api';

type Props = { locationId: string; canEdit: boolean };

/** A location's buildings, each with its comfort cooling and its energy-inspection forecast. */
export function BuildingsSection({ locationId, canEdit }: Props) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const { number } = useNumberFormat();
  const queryClient = useQueryClient();
  const buildings = useQuery({
    queryKey: [...BUILDINGS_KEY, locationId],
    queryFn: () => listBuildings(locationId),
  });
  const [editing, setEditing] = useState<Building | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Building | null>(null);
  const remove = useMutation({
    mutationFn: (b: Building) => deleteBuilding(b.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: BUILDINGS_KEY });
      setDeleting(null);
    },
  });

  return (
    <Section
      title={t('buildings.title')}
      actions={
        canEdit && (
          <Button size="xs" variant="light" leftSection={<IconPlus />} onClick={() => setEditing('new')}>
            {t('buildings.add')}
          </Button>
        )
      }
    >
      <ErrorAlert error={buildings.error} />
      {buildings.isPending && <CenteredLoader />}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {buildings.data?.map((b) => (
          <Paper key={b.id} withBorder p="sm" radius="sm">
            <Stack gap="xs">
              <Group justify="space-between" wrap="nowrap">
                <Text fw={600}>{buildingName(t, b)}</Text>
                {canEdit && (
                  <Group gap={4}>
                    <Button size="compact-sm" variant="subtle" onClick={() => setEditing(b)}>
                      {t('common.edit')}
                    </Button>
                    {!b.isDefault && b.installationCount === 0 && (
                      <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(b)}>
                        {t('common.delete')}
                      </Button>
                    )}
                  </Group>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {t('buildings.summary', { count: b.installationCount })} ·{' '}
                {t('buildings.comfort', {
                  kw:
                    b.comfortCoolingKw === null ? t('common.unknown') : `${number(b.comfortCoolingKw, 1)} kW`,
                })}
              </Text>
              <Text size="sm" c="dimmed">
                {t('fields.lastEnergyInspectionOn')}: {date(b.lastEnergyInspectionOn) || t('common.none')}
                {!b.forecastEnabled && ` · ${t('buildings.forecastOff')}`}
              </Text>
              <ForecastDetails title={t('forecasts.types.energy_inspection')} forecast={b.energyInspection} />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>
      {editing && (
        <BuildingFormModal
          locationId={locationId}
          building={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('buildings.deleteTitle')}
        message={t('buildings.deleteConfirm', { name: deleting ? buildingName(t, deleting) : '' })}
        confirmLabel={t('common.delete')}
        danger
        loading={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onClose={() => {
          setDeleting(null);
          remove.reset();
        }}
      />
    </Section>
  );
}
