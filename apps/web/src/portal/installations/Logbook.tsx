import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { isApiError } from '../../api/problem';
import { IconDownload } from '../../components/icons';
import { fetchLogbook, fetchWorkOrderPdf, PORTAL_DATA_KEY, type LogbookEntry } from '../api';
import { useFormat } from '../format';
import { useLanguage, usePortalT } from '../i18n';
import { forgetSession } from '../session';
import { ErrorMessage, Loading } from '../ui';
import { describeActivity } from './activity-text';

/** Saves a file the way a download link would, with a name in the interface language. */
function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function DownloadButton({ entry }: { entry: LogbookEntry }) {
  const t = usePortalT();
  const language = useLanguage();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const download = async () => {
    setBusy(true);
    setFailed(false);
    try {
      const pdf = await fetchWorkOrderPdf(entry.id, language);
      saveFile(pdf, t('logbook.filename', { number: entry.number }));
    } catch (error) {
      if (isApiError(error) && error.status === 401) return forgetSession(client);
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4} align="flex-end">
      <Button
        variant="light"
        size="sm"
        leftSection={<IconDownload size={16} />}
        onClick={download}
        loading={busy}
        aria-label={t('logbook.downloadLabel', { number: entry.number })}
      >
        {t('logbook.download')}
      </Button>
      <Text size="xs" c="red.8" role="alert">
        {failed ? t('logbook.downloadFailed', { number: entry.number }) : ''}
      </Text>
    </Stack>
  );
}

function Entry({ entry }: { entry: LogbookEntry }) {
  const t = usePortalT();
  const f = useFormat();
  return (
    <Paper component="li" withBorder radius="md" p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
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
          <DownloadButton entry={entry} />
        </Group>
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
      </Stack>
    </Paper>
  );
}

/** The executed work on one installation, newest first, each work order as a PDF. */
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
        <Entry key={entry.id} entry={entry} />
      ))}
    </Stack>
  );
}
