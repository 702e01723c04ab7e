import { Alert, Button, CopyButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortalCode } from './portal-access-api';

function CopyField({ label, value, mono }: { label: string; value: string; mono?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" align="flex-end" wrap="nowrap">
      <TextInput
        label={label}
        value={value}
        readOnly
        onFocus={(event) => event.currentTarget.select()}
        styles={
          mono ? { input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 16 } } : undefined
        }
        style={{ flex: 1 }}
      />
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Button onClick={copy} variant={copied ? 'light' : 'filled'} miw={110}>
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        )}
      </CopyButton>
    </Group>
  );
}

/** The new portal code and its link, shown this once, with how to hand them over. */
export function PortalCodeResult({ result, onClose }: { result: PortalCode; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Alert
        color="yellow"
        variant="light"
        role="status"
        title={t('portalAccess.onceTitle')}
        styles={{ title: { color: 'var(--mantine-color-text)' } }}
      >
        <Stack gap={4}>
          <Text size="sm">{t('portalAccess.onceText')}</Text>
          <Text size="sm" fw={600}>
            {t('portalAccess.neverEmailed')}
          </Text>
        </Stack>
      </Alert>
      <CopyField label={t('portalAccess.code')} value={result.code} mono />
      <CopyField label={t('portalAccess.link')} value={result.link} />
      {result.requireInstallationToken && (
        <Text size="sm" c="dimmed">
          {t('portalAccess.tokenAlsoNeeded')}
        </Text>
      )}
      <Group justify="flex-end">
        <Button onClick={onClose} data-autofocus>
          {t('portalAccess.handedOver')}
        </Button>
      </Group>
    </Stack>
  );
}
