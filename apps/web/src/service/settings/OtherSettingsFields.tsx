import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Certificate } from '../../api/work-types';
import { DateField } from '../../components/fields/DateField';
import { IconPlus, IconTrash } from '../../components/icons';
import type { SetField, SettingsDraft } from './settings-form';

type Props = { values: SettingsDraft; set: SetField; errors: Record<string, string> };

/** The company's certificates (F-gas company certificate, …), printed on documents. */
export function CertificatesFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const list = values.certificates;
  const change = (index: number, next: Partial<Certificate>) =>
    set('certificates')(list.map((c, i) => (i === index ? { ...c, ...next } : c)));
  return (
    <Stack gap="xs">
      {list.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('settings.noCertificates')}
        </Text>
      )}
      {list.map((c, index) => (
        <Group key={index} align="flex-end" gap="xs" wrap="nowrap">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
            <TextInput
              label={t('settings.certificateKind')}
              placeholder={t('settings.certificateKindExample')}
              value={c.kind}
              onChange={(e) => change(index, { kind: e.currentTarget.value })}
              error={errors[`certificates.${index}.kind`]}
            />
            <TextInput
              label={t('settings.certificateNumber')}
              value={c.number}
              onChange={(e) => change(index, { number: e.currentTarget.value })}
              error={errors[`certificates.${index}.number`]}
            />
            <DateField
              label={t('settings.validUntil')}
              value={c.validUntil}
              onChange={(validUntil) => change(index, { validUntil })}
            />
          </SimpleGrid>
          <ActionIcon
            variant="subtle"
            color="red"
            mb={4}
            aria-label={t('settings.removeCertificate', { number: c.number })}
            onClick={() => set('certificates')(list.filter((_, i) => i !== index))}
          >
            <IconTrash />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus />}
          onClick={() => set('certificates')([...list, { kind: '', number: '', validUntil: null }])}
        >
          {t('settings.addCertificate')}
        </Button>
      </Group>
    </Stack>
  );
}

/** BCC addresses for sent work orders. */
export function BccFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const problem = Object.entries(errors).find(([k]) => k.startsWith('bccAddresses'))?.[1];
  return (
    <TagsInput
      label={t('settings.bccAddresses')}
      description={t('settings.bccHelp')}
      value={values.bccAddresses}
      onChange={set('bccAddresses')}
      error={problem}
      splitChars={[',', ' ', ';']}
      clearable
    />
  );
}

/** What documents show, and the defaults for new records. */
export function DocumentFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const options = values.documentOptions;
  return (
    <Stack gap="sm">
      <Textarea
        label={t('settings.footer')}
        description={t('settings.footerHelp')}
        autosize
        minRows={2}
        value={options.footer}
        onChange={(e) => set('documentOptions')({ ...options, footer: e.currentTarget.value })}
        error={errors['documentOptions.footer']}
      />
      <Checkbox
        label={t('settings.showTechnicianCertificate')}
        checked={options.showTechnicianCertificate}
        onChange={(e) =>
          set('documentOptions')({ ...options, showTechnicianCertificate: e.currentTarget.checked })
        }
      />
      <Checkbox
        label={t('settings.showSignatures')}
        checked={options.showSignatures}
        onChange={(e) => set('documentOptions')({ ...options, showSignatures: e.currentTarget.checked })}
      />
      <Checkbox
        label={t('settings.buildingForecastsEnabled')}
        description={t('settings.buildingForecastsHelp')}
        checked={values.defaults.buildingForecastsEnabled}
        onChange={(e) => set('defaults')({ buildingForecastsEnabled: e.currentTarget.checked })}
      />
    </Stack>
  );
}
