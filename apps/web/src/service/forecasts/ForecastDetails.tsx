import { Anchor, Badge, Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Forecast } from '../../api/site-types';
import { useDateFormat } from '../../i18n/format';
import { useFieldName } from '../installations/field-names';

const BASE_KINDS = [
  'last_check',
  'commissioning',
  'forecast_start',
  'created',
  'leak_found',
  'leak_repair',
] as const;
type BaseKind = (typeof BASE_KINDS)[number];
const isBaseKind = (v: string): v is BaseKind => (BASE_KINDS as readonly string[]).includes(v);

/** The status of one obligation as a coloured badge. */
export function ForecastBadge({ forecast }: { forecast: Forecast }) {
  const { t } = useTranslation();
  if (forecast === null)
    return (
      <Badge color="gray" variant="light">
        {t('forecasts.status.notRequired')}
      </Badge>
    );
  const colour = { unknown: 'yellow', planned: 'climalog', overdue: 'red' }[forecast.status];
  return (
    <Badge color={colour} variant={forecast.status === 'overdue' ? 'filled' : 'light'}>
      {t(`forecasts.status.${forecast.status}`)}
    </Badge>
  );
}

/** What the engine says about one obligation, and why: rule, legal source, inputs. */
export function ForecastDetails({ title, forecast }: { title: string; forecast: Forecast }) {
  const { t } = useTranslation();
  const { date } = useDateFormat();
  const fieldName = useFieldName();
  return (
    <Stack gap={6}>
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <Text fw={600} size="sm">
          {title}
        </Text>
        <ForecastBadge forecast={forecast} />
      </Group>
      {forecast === null && (
        <Text size="sm" c="dimmed">
          {t('forecasts.notRequiredText')}
        </Text>
      )}
      {forecast?.status === 'unknown' && (
        <>
          <Text size="sm">{t('forecasts.missingIntro')}</Text>
          <List size="sm">
            {forecast.missing.map((m) => (
              <List.Item key={m}>{fieldName(m)}</List.Item>
            ))}
          </List>
        </>
      )}
      {forecast && forecast.status !== 'unknown' && (
        <>
          <Text size="sm">
            <Text span fw={600} c={forecast.status === 'overdue' ? 'red.8' : undefined}>
              {t('forecasts.dueOn', { date: date(forecast.dueOn) })}
            </Text>{' '}
            ·{' '}
            {forecast.intervalDays
              ? t('forecasts.everyDays', { count: forecast.intervalDays })
              : t('forecasts.everyMonths', { count: forecast.intervalMonths })}
            {forecast.mode === 'custom' && ` (${t('forecasts.customInterval')})`}
          </Text>
          <Text size="sm" c="dimmed">
            {t('forecasts.basedOn', {
              kind: isBaseKind(forecast.baseKind)
                ? t(`forecasts.baseKinds.${forecast.baseKind}`)
                : forecast.baseKind,
              date: date(forecast.baseDate),
            })}
          </Text>
          <Text size="sm">{forecast.explanation}</Text>
          <Text size="xs" c="dimmed">
            {t('forecasts.source')}:{' '}
            {forecast.sourceUrl ? (
              <Anchor href={forecast.sourceUrl} target="_blank" rel="noreferrer" size="xs">
                {forecast.source}
              </Anchor>
            ) : (
              forecast.source
            )}
            {forecast.toConfirm && ` · ${t('forecasts.toConfirm')}`}
          </Text>
        </>
      )}
    </Stack>
  );
}
