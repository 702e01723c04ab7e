import { Stack } from '@mantine/core';
import { useState } from 'react';
import { ExportDigest } from '../../components/ExportDigest';
import { IconDownload } from '../../components/icons';
import { fetchLogbookExport, logbookDigest, type LogbookFormat, type PortalInstallation } from '../api';
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
      <div role="status">
        {digest && (
          <ExportDigest
            digest={digest}
            texts={{
              title: t('logbookExport.done'),
              text: t('logbookExport.verifyText'),
              digest: t('logbookExport.digest'),
              link: t('logbookExport.verifyLink'),
              copyDigest: t('logbookExport.copyDigest'),
              copyLink: t('logbookExport.copyLink'),
              copied: t('logbookExport.copied'),
            }}
          />
        )}
      </div>
    </Stack>
  );
}
