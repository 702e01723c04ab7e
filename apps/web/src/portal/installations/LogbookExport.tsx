import { Anchor, Button, CopyButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { IconDownload, IconLink } from '../../components/icons';
import {
  fetchLogbookExport,
  logbookDigest,
  verificationLink,
  type LogbookFormat,
  type PortalInstallation,
} from '../api';
import { DownloadButtons, type Download } from '../downloads';
import { useLanguage, usePortalT } from '../i18n';
import { installationName } from './installation-text';

/** A name that every file system takes: no separators or reserved characters, no spaces. */
const fileSafe = (name: string) =>
  name
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\s]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

/** Today in the visitor's time zone, as YYYY-MM-DD: exports of different days sort by name. */
const today = () => {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
};

/** After an export: its digest, and the public page where an inspector checks the logbook shown. */
function ExportDigest({ digest }: { digest: string }) {
  const t = usePortalT();
  const link = verificationLink(digest);
  return (
    // A panel rather than an Alert: Mantine's Alert is role="alert", and this is news, not a problem.
    <Paper bg="climalog.0" radius="md" p="md">
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t('logbookExport.done')}
        </Text>
        <Text size="sm">{t('logbookExport.verifyText')}</Text>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('logbookExport.digest')}
          </Text>
          <Text size="sm" className="portal-digest">
            {digest}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" fw={600}>
            {t('logbookExport.verifyLink')}
          </Text>
          <Anchor href={link} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {link}
          </Anchor>
        </div>
        <Group gap="xs">
          <CopyButton value={digest}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('logbookExport.copied') : t('logbookExport.copyDigest')}
              </Button>
            )}
          </CopyButton>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" leftSection={<IconLink size={14} />} onClick={copy}>
                {copied ? t('logbookExport.copied') : t('logbookExport.copyLink')}
              </Button>
            )}
          </CopyButton>
        </Group>
      </Stack>
    </Paper>
  );
}

/**
 * The full logbook as PDF or spreadsheet. Each export is recorded with its own digest, which the
 * server sends in a header: shown here after the download, with the page that verifies it.
 */
export function LogbookExport({ installation }: { installation: PortalInstallation }) {
  const t = usePortalT();
  const language = useLanguage();
  const [digest, setDigest] = useState<string | null>(null);
  const download = (format: LogbookFormat): Download => ({
    key: format,
    label: t(`logbookExport.${format}`),
    icon: <IconDownload size={16} />,
    filename: t('logbookExport.filename', {
      name: fileSafe(installationName(t, installation)) || installation.token,
      date: today(),
      extension: format,
    }),
    failedText: t('logbookExport.failed'),
    fetch: () => fetchLogbookExport(installation.id, format, language),
  });
  return (
    <Stack gap="sm">
      <DownloadButtons
        downloads={[download('pdf'), download('xlsx')]}
        onSaved={(file) => setDigest(logbookDigest(file))}
      />
      {/* A live region that stays in the page: the digest is announced when a download brings it. */}
      <div role="status">{digest && <ExportDigest digest={digest} />}</div>
    </Stack>
  );
}
