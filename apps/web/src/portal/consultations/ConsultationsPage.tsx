import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { fetchConsultations, PORTAL_DATA_KEY, type Consultation } from '../api';
import { useFormat, type Formatters } from '../format';
import { useLanguage, usePortalT } from '../i18n';
import { ErrorMessage, Loading, usePageTitle } from '../ui';

type ActionKind = 'installation' | 'customer' | 'location' | 'workOrder' | 'export' | 'other';

const KINDS: Record<string, ActionKind> = {
  'installation.viewed': 'installation',
  'customer.viewed': 'customer',
  'location.viewed': 'location',
  'work_order.viewed': 'workOrder',
  'export.created': 'export',
};

/** Consecutive look-ups by one person on one day read as one line: "3 times, between 09:14 and 10:02". */
type Line = {
  who: string;
  integration: boolean;
  kind: ActionKind;
  subject: Consultation['subject'];
  times: string[];
};
type Day = { key: string; first: string; lines: Line[] };

function groupByDay(items: Consultation[], f: Formatters): Day[] {
  const days = new Map<string, Day>();
  for (const item of items) {
    const key = f.dayKey(item.at);
    const day = days.get(key) ?? { key, first: item.at, lines: [] };
    const kind = KINDS[item.action] ?? 'other';
    const integration = item.actorType === 'system_user';
    const line = day.lines.find(
      (l) =>
        l.who === item.who &&
        l.kind === kind &&
        l.integration === integration &&
        l.subject?.id === item.subject?.id,
    );
    if (line) line.times.push(item.at);
    else day.lines.push({ who: item.who, integration, kind, subject: item.subject, times: [item.at] });
    days.set(key, day);
  }
  return [...days.values()].sort((a, b) => b.key.localeCompare(a.key));
}

const MARK = '\u0000';

function LineText({ line }: { line: Line }) {
  const t = usePortalT();
  const f = useFormat();
  // The name in bold inside a translated sentence: translate around a marker, then split on it.
  const [before, after] = t(`consultations.actions.${line.kind}`, { who: MARK }).split(MARK);
  const times = [...line.times].sort();
  const when =
    times.length === 1
      ? t('consultations.once', { time: f.time(times[0]!) })
      : t('consultations.repeated', {
          count: times.length,
          first: f.time(times[0]!),
          last: f.time(times.at(-1)!),
        });
  return (
    <Stack gap={0}>
      <Text size="sm">
        {before}
        <strong>{line.who || t('consultations.someone')}</strong>
        {line.integration && (
          <span title={t('consultations.integrationHelp')}> ({t('consultations.integration')})</span>
        )}
        {after}
      </Text>
      {line.subject && (
        <Text size="sm">
          {t(`consultations.subject.${line.subject.type}`, { label: line.subject.label })}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {when}
      </Text>
    </Stack>
  );
}

const capitalize = (text: string, language: string) =>
  text.charAt(0).toLocaleUpperCase(language) + text.slice(1);

function DaySection({ day }: { day: Day }) {
  const f = useFormat();
  const language = useLanguage();
  const headingId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {capitalize(f.longDay(day.first), language)}
        </Title>
        <Stack component="ul" gap="sm" className="portal-plain-list">
          {day.lines.map((line) => (
            <Box
              component="li"
              key={`${line.who}|${line.kind}|${line.integration}|${line.subject?.id ?? ''}`}
              className="portal-consultation"
            >
              <LineText line={line} />
            </Box>
          ))}
        </Stack>
      </Stack>
    </Paper>
  );
}

/** Who at the service company viewed or exported this customer's data, and when — from the audit log. */
export function ConsultationsPage() {
  const t = usePortalT();
  const f = useFormat();
  usePageTitle(t('consultations.title'));
  const query = useQuery({ queryKey: [...PORTAL_DATA_KEY, 'consultations'], queryFn: fetchConsultations });
  return (
    <Stack gap="lg">
      <Stack gap={6}>
        <Title order={1}>{t('consultations.title')}</Title>
        <Text>{t('consultations.intro')}</Text>
        <Text size="sm" c="dimmed">
          {t('consultations.ownVisits')}
        </Text>
      </Stack>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />}
      {query.data?.items.length === 0 && (
        <Paper withBorder radius="md" p="md">
          <Text>{t('consultations.empty')}</Text>
        </Paper>
      )}
      {query.data && groupByDay(query.data.items, f).map((day) => <DaySection key={day.key} day={day} />)}
    </Stack>
  );
}
