import {
  Box,
  Button,
  Code,
  CopyButton,
  Group,
  Image,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TwoFactorEnabled } from '../api/types';
import { enableTwoFactor, startTwoFactorSetup } from '../auth/sign-in-api';
import { fieldErrorsOf } from '../i18n/error-text';
import { CenteredLoader } from './CenteredLoader';
import { ErrorAlert } from './ErrorAlert';
import { text, useFields } from './useFields';

type Props = { onEnabled: (result: TwoFactorEnabled) => void; onCancel?: () => void };

const FIELDS = ['password', 'code'] as const;

/** Enrolling an authenticator app: QR code and secret, then password and a first code. */
export function TwoFactorEnrolment({ onEnabled, onCancel }: Props) {
  const { t } = useTranslation();
  // A POST, but read once per visit: every call makes a new secret.
  const setup = useQuery({
    queryKey: ['two-factor', 'setup'],
    queryFn: startTwoFactorSetup,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const { values, set } = useFields({ password: '', code: '' });
  const enable = useMutation({
    mutationFn: () => enableTwoFactor(values.password, values.code.replace(/\s/g, '')),
    onSuccess: onEnabled,
  });
  const errors = fieldErrorsOf(t, enable.error, FIELDS);

  if (setup.isPending) return <CenteredLoader />;
  if (setup.isError) return <ErrorAlert error={setup.error} />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enable.mutate();
  };
  const qrSrc = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(setup.data.qrCodeSvg)}`;
  return (
    <Stack>
      <Text size="sm">{t('twoFactor.step1')}</Text>
      <Box
        bg="white"
        p="sm"
        w={212}
        style={{ borderRadius: 8, border: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Image src={qrSrc} alt={t('twoFactor.qrAlt')} w={192} h={192} />
      </Box>
      <Text size="sm">{t('twoFactor.manual')}</Text>
      <Group gap="xs">
        <Code aria-label={t('twoFactor.secretLabel')} fz="sm" style={{ wordBreak: 'break-all' }}>
          {setup.data.secret}
        </Code>
        <CopyButton value={setup.data.secret}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('common.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
      <form onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm">{t('twoFactor.step2')}</Text>
          <PasswordInput
            label={t('twoFactor.password')}
            autoComplete="current-password"
            required
            value={values.password}
            onChange={text(set('password'))}
            error={errors.password}
          />
          <TextInput
            label={t('twoFactor.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            maxLength={10}
            w={200}
            value={values.code}
            onChange={text(set('code'))}
            error={errors.code}
          />
          <ErrorAlert error={enable.error} fields={FIELDS} />
          <Group>
            <Button type="submit" loading={enable.isPending}>
              {t('twoFactor.enable')}
            </Button>
            {onCancel && (
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
