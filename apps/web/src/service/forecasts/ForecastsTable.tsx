import { Anchor, Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ForecastItem } from '../../api/work-types';
import { useDateFormat } from '../../i18n/format';
import { useFieldName } from '../installations/field-names';

type Props = { items: ForecastItem[]; onSchedule: (item: ForecastItem) => void };

const COLOURS = { planned: 'climalog', overdue: 'red', unknown: 'yellow' } as const;

/** Forecast rows: when, what, for whom, and why (the engine's explanation). */
export function ForecastsTable({ items, onSchedule }: Props) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const fieldName = useFieldName();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('forecasts.due')}</Table.Th>
            <Table.Th scope="col">{t('forecasts.type')}</Table.Th>
            <Table.Th scope="col">{t('installations.customer')}</Table.Th>
            <Table.Th scope="col">{t('forecasts.subject')}</Table.Th>
            <Table.Th scope="col" w="40%">
              {t('forecasts.why')}
            </Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('common.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((f) => (
            <Table.Tr key={`${f.installationId ?? f.buildingId}-${f.type}`}>
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  <Text size="sm" fw={600}>
                    {f.dueOn ? date(f.dueOn) : t('common.none')}
                  </Text>
                  <Badge
                    color={COLOURS[f.status]}
                    variant={f.status === 'overdue' ? 'filled' : 'light'}
                    size="sm"
                  >
                    {t(`forecasts.status.${f.status}`)}
                  </Badge>
                </Stack>
              </Table.Td>
              <Table.Td>{t(`forecasts.types.${f.type}`)}</Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/customers/${f.customerId}`} size="sm">
                  {f.customerName}
                </Anchor>
              </Table.Td>
              <Table.Th scope="row" fw={500}>
                <Anchor
                  component={Link}
                  to={f.installationId ? `/installations/${f.installationId}` : `/locations/${f.locationId}`}
                  size="sm"
                >
                  {f.buildingId && f.reference === 'Default'
                    ? t('buildings.default')
                    : f.reference || t('installations.untitled')}
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{f.explanation}</Text>
                {f.missing.length > 0 && (
                  <Text size="xs" c="orange.9">
                    {t('forecasts.missingList', { fields: f.missing.map(fieldName).join(', ') })}
                  </Text>
                )}
                {f.source && (
                  <Text size="xs" c="dimmed">
                    {f.source}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                {f.installationId && (
                  <Button size="compact-sm" variant="light" onClick={() => onSchedule(f)}>
                    {t('forecasts.schedule')}
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
