import { Anchor, Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ForecastDue, LeakLoss } from '../../api/site-types';
import { useFormat } from '../format';
import { usePortalT, type PortalKey } from '../i18n';
import type { Check } from './installation-text';

/** Status colours with text at 4.5:1 or more (Mantine's stock red and orange badges stay below it). */
const BADGE = {
  overdue: { color: 'red.9', variant: 'filled', text: undefined },
  planned: { color: 'climalog', variant: 'light', text: 'climalog.8' },
  unknown: { color: 'yellow', variant: 'light', text: 'dark.6' },
} as const;

export function StatusBadge({ status }: { status: keyof typeof BADGE }) {
  const t = usePortalT();
  return (
    <Badge
      color={BADGE[status].color}
      variant={BADGE[status].variant}
      c={BADGE[status].text}
      style={{ flexShrink: 0 }}
    >
      {t(`checks.status.${status}`)}
    </Badge>
  );
}

const BASE_KINDS = ['last_check', 'commissioning', 'forecast_start', 'created', 'leak_found', 'leak_repair'];

function DueLine({ forecast }: { forecast: ForecastDue }) {
  const t = usePortalT();
  const f = useFormat();
  const interval = forecast.intervalDays
    ? t('checks.withinDays', { count: forecast.intervalDays })
    : t('checks.everyMonths', { count: forecast.intervalMonths });
  return (
    <Text size="sm">
      <Text span fw={600} c={forecast.status === 'overdue' ? 'red.8' : undefined}>
        {t('checks.dueOn', { date: f.date(forecast.dueOn) })}
      </Text>
      {' · '}
      {interval}
      {forecast.mode === 'custom' && ` (${t('checks.customInterval')})`}
    </Text>
  );
}

/**
 * The legal checks of one installation: each with its status, due date and the engine's own
 * explanation; `detailed` adds what the date was counted from and the legal source.
 */
export function CheckList({ checks, detailed = false }: { checks: Check[]; detailed?: boolean }) {
  const t = usePortalT();
  const f = useFormat();
  const missingText = (fields: string[]) =>
    t('checks.missing', {
      fields: f.list(fields.map((m) => t(`checks.missingFields.${m}` as PortalKey, { defaultValue: m }))),
    });
  return (
    <Stack component="ul" gap="sm" className="portal-plain-list">
      {checks.map(({ key, forecast }) => (
        <Box component="li" key={key}>
          <Stack gap={2}>
            <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
              <Text fw={600} size="sm">
                {t(`checks.keys.${key}`)}
              </Text>
              <StatusBadge status={forecast.status} />
            </Group>
            {forecast.status === 'unknown' ? (
              <Text size="sm">{missingText(forecast.missing)}</Text>
            ) : (
              <>
                <DueLine forecast={forecast} />
                <Text size="xs" c="dimmed">
                  {forecast.explanation}
                </Text>
                {detailed && (
                  <Text size="xs" c="dimmed">
                    {t('checks.basedOn', {
                      kind: BASE_KINDS.includes(forecast.baseKind)
                        ? t(`checks.baseKinds.${forecast.baseKind}` as PortalKey)
                        : forecast.baseKind,
                      date: f.date(forecast.baseDate),
                    })}
                    {' · '}
                    {forecast.sourceUrl ? (
                      <Anchor href={forecast.sourceUrl} target="_blank" rel="noreferrer" size="xs">
                        {t('checks.source', { source: forecast.source })}
                      </Anchor>
                    ) : (
                      t('checks.source', { source: forecast.source })
                    )}
                    {forecast.toConfirm && ` · ${t('checks.toConfirm')}`}
                  </Text>
                )}
              </>
            )}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

/** The relative leak loss since the last top-up period, against the legal limit. */
export function LeakLossNote({ leakLoss }: { leakLoss: LeakLoss }) {
  const t = usePortalT();
  const f = useFormat();
  return (
    <Stack gap={2}>
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text fw={600} size="sm">
          {t('checks.leakLoss')}
        </Text>
        <Text size="sm" fw={600} c={leakLoss.exceeded ? 'red.8' : undefined}>
          {f.number(leakLoss.percent, 1)} %
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {t('checks.leakLossSince', { date: f.date(leakLoss.sinceDate) })}
        {leakLoss.limitPercent !== null &&
          ` · ${t('checks.leakLossLimit', { limit: f.number(leakLoss.limitPercent, 1) })}`}
      </Text>
      {leakLoss.exceeded && (
        <Text size="sm" c="red.8" fw={500}>
          {t('checks.leakLossExceeded')}
        </Text>
      )}
    </Stack>
  );
}
