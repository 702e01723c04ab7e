import { Button, FileButton, Group, Image, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { text } from '../../components/useFields';
import type { SetField, SettingsDraft } from './settings-form';

type Props = { values: SettingsDraft; set: SetField; errors: Record<string, string> };

const MAX_LOGO_BYTES = 500 * 1024;

/** Company name, address and numbers as printed on documents, and the logo. */
export function CompanyFields({ values, set, errors }: Props) {
  const { t } = useTranslation();
  const [logoProblem, setLogoProblem] = useState<string | null>(null);
  const field = (
    name: 'companyName' | 'street' | 'number' | 'box' | 'postcode' | 'city' | 'country' | 'phone' | 'website',
  ) => ({
    label: t(`settings.${name}`),
    value: values[name],
    onChange: text(set(name)),
    error: errors[name],
  });
  const nullable = (name: 'email' | 'enterpriseNumber' | 'vatNumber') => ({
    label: t(`settings.${name}`),
    value: values[name] ?? '',
    onChange: text((v: string) => set(name)(v)),
    error: errors[name],
  });
  const readLogo = (file: File | null) => {
    setLogoProblem(null);
    if (!file) return;
    if (!['image/png', 'image/jpeg'].includes(file.type)) return setLogoProblem(t('settings.logoType'));
    if (file.size > MAX_LOGO_BYTES) return setLogoProblem(t('settings.logoSize'));
    const reader = new FileReader();
    reader.onload = () => typeof reader.result === 'string' && set('logo')(reader.result);
    reader.readAsDataURL(file);
  };

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput {...field('companyName')} style={{ gridColumn: 'span 2' }} data-autofocus />
        <TextInput {...nullable('enterpriseNumber')} />
        <TextInput {...nullable('vatNumber')} />
        <TextInput {...field('street')} style={{ gridColumn: 'span 2' }} />
        <TextInput {...field('number')} />
        <TextInput {...field('box')} />
        <TextInput {...field('postcode')} />
        <TextInput {...field('city')} />
        <TextInput {...field('country')} maxLength={2} />
        <TextInput {...field('phone')} type="tel" />
        <TextInput {...nullable('email')} type="email" />
        <TextInput {...field('website')} />
      </SimpleGrid>
      <Stack gap={6}>
        <Text size="sm" fw={500}>
          {t('settings.logo')}
        </Text>
        <Group align="center" gap="md">
          {values.logo ? (
            <Image src={values.logo} alt={t('settings.logoAlt')} h={64} w="auto" fit="contain" radius="sm" />
          ) : (
            <Text size="sm" c="dimmed">
              {t('settings.noLogo')}
            </Text>
          )}
          <FileButton onChange={readLogo} accept="image/png,image/jpeg">
            {(props) => (
              <Button variant="default" size="xs" {...props}>
                {values.logo ? t('settings.replaceLogo') : t('settings.uploadLogo')}
              </Button>
            )}
          </FileButton>
          {values.logo && (
            <Button variant="subtle" color="red" size="xs" onClick={() => set('logo')(null)}>
              {t('settings.removeLogo')}
            </Button>
          )}
        </Group>
        <Text
          size="xs"
          c={logoProblem || errors.logo ? 'red' : 'dimmed'}
          role={logoProblem ? 'alert' : undefined}
        >
          {logoProblem ?? errors.logo ?? t('settings.logoHelp')}
        </Text>
      </Stack>
    </Stack>
  );
}
