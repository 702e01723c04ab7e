import { Alert, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { INSTALLATION_FORECAST_KEYS, type Installation, type LeakLoss } from '../../api/site-types';
import { Section } from '../../components/Section';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { ForecastDetails } from '../forecasts/ForecastDetails';

/** The installation's legal obligations, each with its explanation, and the relative leak loss. */
export function ForecastsSection({ installation: i }: { installation: Installation }) {
  const { t } = useTranslation();
  const applicable = INSTALLATION_FORECAST_KEYS.filter((key) => i.forecast[key] !== null);
  return (
    <Section title={t('installations.forecastsTitle')}>
      {i.forecastMode === 'none' && (
        <Alert color="gray" variant="light">
          {t('installations.forecastNone', { reason: i.forecastModeReason || t('common.none') })}
        </Alert>
      )}
      {applicable.length === 0 && i.forecastMode !== 'none' && (
        <Text size="sm" c="dimmed">
          {t('installations.noObligations')}
        </Text>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {applicable.map((key) => (
          <Paper key={key} withBorder p="sm" radius="sm">
            <ForecastDetails title={t(`forecasts.keys.${key}`)} forecast={i.forecast[key]} />
          </Paper>
        ))}
        {i.leakLoss && <LeakLossCard leakLoss={i.leakLoss} />}
      </SimpleGrid>
    </Section>
  );
}

function LeakLossCard({ leakLoss }: { leakLoss: LeakLoss }) {
  const { t } = useTranslation();
  const { number } = useNumberFormat();
  const { date } = useDateFormat();
  const limit = leakLoss.limitPercent;
  const share = limit ? Math.min(100, (leakLoss.percent / limit) * 100) : 0;
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={6}>
        <Text fw={600} size="sm">
          {t('installations.leakLoss')}
        </Text>
        <Text size="xl" fw={700} c={leakLoss.exceeded ? 'red.8' : undefined}>
          {number(leakLoss.percent, 1)} %
        </Text>
        {limit !== null && (
          <Progress
            value={share}
            color={leakLoss.exceeded ? 'red' : 'climalog'}
            aria-label={t('installations.leakLoss')}
          />
        )}
        <Text size="sm" c="dimmed">
          {t('installations.leakLossSince', { date: date(leakLoss.sinceDate) })}
          {limit !== null && ` · ${t('installations.leakLossLimit', { limit: number(limit, 1) })}`}
        </Text>
        {leakLoss.exceeded && (
          <Text size="sm" c="red.8" fw={500}>
            {t('installations.leakLossExceeded')}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
