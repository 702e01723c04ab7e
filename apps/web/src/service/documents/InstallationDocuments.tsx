import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Installation } from '../../api/site-types';
import type { Language } from '../../api/types';
import { useSession } from '../../auth/session-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ExportDigest } from '../../components/ExportDigest';
import { IconDownload } from '../../components/icons';
import { Section } from '../../components/Section';
import { CUSTOMERS_KEY, getCustomer } from '../customers/customers-api';
import { instructionCardPdf, logbookExport } from './documents-api';
import { DocumentLanguageSelect } from './DocumentLanguageSelect';
import { useDownload } from './useDownload';

/** The installation's instruction card and, for managers, the logbook export with its digest. */
export function InstallationDocuments({ installation: i }: { installation: Installation }) {
  const { t } = useTranslation();
  const { abilities } = useSession();
  const customer = useQuery({
    queryKey: [...CUSTOMERS_KEY, i.customerId],
    queryFn: () => getCustomer(i.customerId),
  });
  const [chosen, setChosen] = useState<Language | null>(null);
  const [digest, setDigest] = useState<string | null>(null);
  const download = useDownload((file, key) => {
    if (key.startsWith('logbook')) setDigest(file.headers.get('x-logbook-digest'));
  });
  const language = chosen ?? customer.data?.language ?? 'nl';

  return (
    <Section title={t('documents.title')}>
      <Group align="flex-end" gap="sm">
        <DocumentLanguageSelect
          value={language}
          onChange={setChosen}
          customerLanguage={customer.data?.language ?? null}
        />
        <Button
          variant="default"
          leftSection={<IconDownload />}
          loading={download.pendingKey === 'card'}
          onClick={() => download.start('card', () => instructionCardPdf(i.id, language))}
        >
          {t('documents.instructionCard')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('documents.instructionCardHelp')}
      </Text>
      <Stack gap={4}>
        <Text size="sm" fw={600}>
          {t('documents.tokenTitle')}
        </Text>
        <Group gap="xs">
          <Code fz="md">{i.token}</Code>
          <CopyButton value={i.token}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('common.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="sm" c="dimmed">
          {t('documents.tokenHelp')}
        </Text>
      </Stack>
      {abilities.exportData && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('documents.logbookExport')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('documents.logbookExportHelp')}
          </Text>
          <Group gap="xs">
            {(['pdf', 'xlsx'] as const).map((format) => (
              <Button
                key={format}
                variant="default"
                leftSection={<IconDownload />}
                loading={download.pendingKey === `logbook-${format}`}
                onClick={() =>
                  download.start(`logbook-${format}`, () => logbookExport(i.id, format, language))
                }
              >
                {t(`documents.export.${format}`)}
              </Button>
            ))}
          </Group>
        </Stack>
      )}
      {/* Out of the layout while empty, so that it adds no gap; it stays in the page as a live region. */}
      <div role="status" className={digest ? undefined : 'visually-hidden'}>
        {digest && (
          <ExportDigest
            digest={digest}
            texts={{
              title: t('documents.exported'),
              text: t('documents.digestText'),
              digest: t('documents.digest'),
              link: t('documents.verificationLink'),
              copyDigest: t('documents.copyDigest'),
              copyLink: t('documents.copyLink'),
              copied: t('common.copied'),
            }}
            dismiss={{ label: t('common.close'), onClick: () => setDigest(null) }}
          />
        )}
      </div>
      <ErrorAlert error={download.error} />
    </Section>
  );
}
