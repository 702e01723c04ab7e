import { Box, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconDownload } from '../../components/icons';
import {
  fetchCertificatePdf,
  fetchLogbook,
  fetchWorkOrderPdf,
  PORTAL_DATA_KEY,
  type LogbookEntry,
} from '../api';
import { DownloadButtons, type Download } from '../downloads';
import { useFormat } from '../format';
import { useLanguage, usePortalT } from '../i18n';
import { ErrorMessage, Loading } from '../ui';
import { describeActivity } from './activity-text';
import { certificatesOf } from './certificates';

/** The work order as PDF, and each certificate its activities on this installation allow. */
function EntryDownloads({ entry, installationId }: { entry: LogbookEntry; installationId: string }) {
  const t = usePortalT();
  const language = useLanguage();
  const number = entry.number;
  const downloads: Download[] = [
    {
      key: 'work-order',
      label: t('logbook.download'),
      ariaLabel: t('logbook.downloadLabel', { number }),
      icon: <IconDownload size={16} />,
      filename: t('logbook.filename', { number }),
      failedText: t('logbook.downloadFailed', { number }),
      fetch: () => fetchWorkOrderPdf(entry.id, language),
    },
    ...certificatesOf(entry).map((kind): Download => ({
      key: kind,
      label: t(`logbook.certificates.${kind}.name`),
      ariaLabel: t(`logbook.certificates.${kind}.label`, { number }),
      icon: <IconDownload size={16} />,
      filename: t(`logbook.certificates.${kind}.filename`, { number }),
      failedText: t('logbook.certificateFailed', {
        certificate: t(`logbook.certificates.${kind}.name`),
        number,
      }),
      fetch: () => fetchCertificatePdf(entry.id, kind, installationId, language),
    })),
  ];
  return <DownloadButtons downloads={downloads} />;
}

function Entry({ entry, installationId }: { entry: LogbookEntry; installationId: string }) {
  const t = usePortalT();
  const f = useFormat();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap="xs">
        <Stack gap={0}>
          <Title order={3} size="h5">
            {f.date(entry.executedOn)} · {t('logbook.workOrder', { number: entry.number })}
          </Title>
          {entry.executorName && (
            <Text size="sm" c="dimmed">
              {t('logbook.executedBy', { name: entry.executorName })}
            </Text>
          )}
        </Stack>
        <Stack component="ul" gap={6} className="portal-plain-list">
          {entry.activities.map((activity) => {
            const { title, detail } = describeActivity(t, f, activity);
            return (
              <Box component="li" key={activity.id} className="portal-activity">
                <Text size="sm" fw={600}>
                  {title}
                </Text>
                {detail && <Text size="sm">{detail}</Text>}
              </Box>
            );
          })}
        </Stack>
        {/* Below the work they document: a row that wraps, however many certificates there are. */}
        <EntryDownloads entry={entry} installationId={installationId} />
      </Stack>
    </Paper>
  );
}

/** The executed work on one installation, newest first, each work order and its certificates as PDF. */
export function Logbook({ installationId }: { installationId: string }) {
  const t = usePortalT();
  const query = useQuery({
    queryKey: [...PORTAL_DATA_KEY, 'logbook', installationId],
    queryFn: () => fetchLogbook(installationId),
  });
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const entries = [...query.data.items].sort(
    (a, b) => (b.executedOn ?? '').localeCompare(a.executedOn ?? '') || b.number - a.number,
  );
  if (entries.length === 0) return <Text c="dimmed">{t('logbook.empty')}</Text>;
  return (
    <Stack component="ol" gap="sm" className="portal-plain-list">
      {entries.map((entry) => (
        <Entry key={entry.id} entry={entry} installationId={installationId} />
      ))}
    </Stack>
  );
}
