import { Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { isApiError } from '../api/problem';
import { saveFile, type DownloadedFile } from '../api/transfer';
import { forgetSession } from './session';

export type Download = {
  key: string;
  label: string;
  /** Where the visible label alone is ambiguous (every logbook entry has a "Work order (PDF)"). */
  ariaLabel?: string;
  icon?: ReactNode;
  /** In the interface language: the server's own name follows the document's language. */
  filename: string;
  /** Said on the page when the download fails for another reason than an ended session. */
  failedText: string;
  fetch: () => Promise<DownloadedFile>;
};

/**
 * Buttons that fetch a file with the portal cookie and save it as a download link would. The row
 * wraps on a phone; one announced line below it says which download failed, so a failure reads as
 * a sentence across the width instead of squeezed under one button. An ended session sends the
 * visitor back to the sign-in page, as any other request would.
 */
export function DownloadButtons({
  downloads,
  onSaved,
}: {
  downloads: Download[];
  onSaved?: (file: DownloadedFile, download: Download) => void;
}) {
  const client = useQueryClient();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [failed, setFailed] = useState<string | null>(null);
  const mark = (key: string, on: boolean) =>
    setBusy((keys) => {
      const next = new Set(keys);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });

  const start = async (download: Download) => {
    mark(download.key, true);
    setFailed(null);
    try {
      const file = await download.fetch();
      saveFile({ blob: file.blob, filename: download.filename });
      onSaved?.(file, download);
    } catch (error) {
      if (isApiError(error) && error.status === 401) return forgetSession(client);
      setFailed(download.failedText);
    } finally {
      mark(download.key, false);
    }
  };

  return (
    <Stack gap={0}>
      {/* Buttons keep their natural width and move to the next line when the row is full. */}
      <Group gap="xs" preventGrowOverflow={false} className="portal-downloads">
        {downloads.map((download) => (
          <Button
            key={download.key}
            variant="light"
            size="sm"
            leftSection={download.icon}
            onClick={() => void start(download)}
            loading={busy.has(download.key)}
            aria-label={download.ariaLabel}
            classNames={{ root: 'portal-download', label: 'portal-download-label' }}
          >
            {download.label}
          </Button>
        ))}
      </Group>
      {/* Always in the page, so that screen readers announce the text when it appears. */}
      <Text size="xs" c="red.8" role="alert" mt={failed ? 4 : 0}>
        {failed ?? ''}
      </Text>
    </Stack>
  );
}
