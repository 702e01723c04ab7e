import { Alert, Anchor, Button, CopyButton, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconLink } from '../../components/icons';
import { verificationLink } from './documents-api';

/** After an export: its digest and the public link where anyone can check the exported logbook. */
export function LogbookDigest({ digest, onDismiss }: { digest: string; onDismiss: () => void }) {
  const { t } = useTranslation();
  const link = verificationLink(digest);
  return (
    <Alert
      color="climalog"
      variant="light"
      role="status"
      title={t('documents.exported')}
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Stack gap="xs">
        <Text size="sm">{t('documents.digestText')}</Text>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('documents.digest')}
          </Text>
          <Text size="sm" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {digest}
          </Text>
        </div>
        <div>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('documents.verificationLink')}
          </Text>
          <Anchor href={link} target="_blank" rel="noopener" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {link}
          </Anchor>
        </div>
        <Group gap="xs">
          <CopyButton value={digest}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" onClick={copy}>
                {copied ? t('common.copied') : t('documents.copyDigest')}
              </Button>
            )}
          </CopyButton>
          <CopyButton value={link}>
            {({ copied, copy }) => (
              <Button size="compact-sm" variant="default" leftSection={<IconLink size={14} />} onClick={copy}>
                {copied ? t('common.copied') : t('documents.copyLink')}
              </Button>
            )}
          </CopyButton>
          <Button size="compact-sm" variant="subtle" onClick={onDismiss} ml="auto">
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
