import { Anchor, Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Installation } from '../../api/site-types';
import { IconAlert } from '../../components/icons';
import { LabelChips } from '../../components/LabelChips';
import { SortableTh } from '../../components/SortableTh';
import type { SortControl } from '../../components/useListParams';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { ForecastBadge } from '../forecasts/ForecastDetails';
import { installationTitle, nextForecast } from './installation-text';
import type { InstallationSortField } from './installations-api';

type Props = {
  installations: Installation[];
  showCustomer?: boolean | undefined;
  /** Makes the headers with a server sort clickable. */
  sort?: SortControl<InstallationSortField> | undefined;
};

/** Installations with their refrigerant, CO2e, next obligation and missing data. */
export function InstallationsTable({ installations, showCustomer = true, sort }: Props) {
  const { t } = useTranslation();
  const { kg, tonnes } = useNumberFormat();
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <SortableTh sort={sort} field="reference">
              {t('installations.installation')}
            </SortableTh>
            {showCustomer && (
              <SortableTh sort={sort} field="customer">
                {t('installations.customer')}
              </SortableTh>
            )}
            <Table.Th scope="col">{t('fields.kind')}</Table.Th>
            <SortableTh sort={sort} field="refrigerant">
              {t('fields.refrigerant')}
            </SortableTh>
            <SortableTh sort={sort} field="chargeKg">
              {t('installations.charge')}
            </SortableTh>
            <Table.Th scope="col">{t('installations.co2e')}</Table.Th>
            <Table.Th scope="col">{t('installations.nextCheck')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {installations.map((i) => {
            const next = nextForecast(i);
            return (
              <Table.Tr key={i.id}>
                <Table.Th scope="row" fw={500}>
                  <Stack gap={4}>
                    <Group gap={6} wrap="nowrap">
                      <Anchor component={Link} to={`/installations/${i.id}`} fw={500}>
                        {installationTitle(t, i)}
                      </Anchor>
                      {i.missing.length > 0 && (
                        <Tooltip label={t('installations.incompleteCount', { count: i.missing.length })}>
                          <Text
                            c="orange.8"
                            component="span"
                            aria-label={t('installations.incomplete')}
                            lh={1}
                          >
                            <IconAlert size={16} />
                          </Text>
                        </Tooltip>
                      )}
                      {i.archived && (
                        <Badge size="xs" color="gray">
                          {t('installations.archived')}
                        </Badge>
                      )}
                    </Group>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {i.token}
                    </Text>
                    <LabelChips labels={i.labels} size="xs" />
                  </Stack>
                </Table.Th>
                {showCustomer && (
                  <Table.Td>
                    <Anchor component={Link} to={`/customers/${i.customerId}`} size="sm">
                      {i.customerName}
                    </Anchor>
                  </Table.Td>
                )}
                <Table.Td>{i.kind ? t(`kinds.${i.kind}`) : t('common.none')}</Table.Td>
                <Table.Td>{i.refrigerant ?? t('common.none')}</Table.Td>
                <Table.Td>{i.chargeKg === null ? t('common.none') : kg(i.chargeKg)}</Table.Td>
                <Table.Td>{i.co2eTonnes === null ? t('common.none') : tonnes(i.co2eTonnes)}</Table.Td>
                <Table.Td>
                  {next ? <NextCheck next={next} /> : <Text c="dimmed">{t('common.none')}</Text>}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function NextCheck({ next }: { next: NonNullable<ReturnType<typeof nextForecast>> }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  return (
    <Stack gap={2}>
      <ForecastBadge forecast={next.forecast} />
      <Text size="xs" c="dimmed">
        {t(`forecasts.keys.${next.key}`)}
        {next.forecast.status !== 'unknown' && ` · ${date(next.forecast.dueOn)}`}
      </Text>
    </Stack>
  );
}
