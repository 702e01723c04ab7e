import { Alert, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconDownload } from './icons';

type Props = {
  codes: string[];
  email: string | null;
  onDone: () => void;
  doneLabel?: string;
  headingOrder?: 1 | 2 | 3;
};

function download(filename: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** The one-time recovery codes: shown once, with copy and download. */
export function RecoveryCodes({ codes, email, onDone, doneLabel, headingOrder = 2 }: Props) {
  const { t } = useTranslation();
  const fileText = [
    t('twoFactor.recoveryFileHeader', { email: email ?? '' }),
    t('twoFactor.recoveryFileNote'),
    '',
    ...codes,
    '',
  ].join('\n');
  return (
    <Stack>
      <Title order={headingOrder} size="h3">
        {t('twoFactor.recoveryTitle')}
      </Title>
      <Alert color="yellow" variant="light" role="note">
        {t('twoFactor.recoveryText')}
      </Alert>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid
          cols={{ base: 1, xs: 2 }}
          spacing="xs"
          component="ul"
          aria-label={t('twoFactor.recoveryListLabel')}
          style={{ listStyle: 'none', margin: 0, padding: 0 }}
        >
          {codes.map((code) => (
            <Text key={code} component="li" ff="monospace" size="md">
              {code}
            </Text>
          ))}
        </SimpleGrid>
      </Paper>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('twoFactor.copyAll')}
            </Button>
          )}
        </CopyButton>
        <Button
          variant="default"
          leftSection={<IconDownload />}
          onClick={() => download('climalog-recovery-codes.txt', fileText)}
        >
          {t('twoFactor.download')}
        </Button>
        <Button onClick={onDone}>{doneLabel ?? t('twoFactor.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}
