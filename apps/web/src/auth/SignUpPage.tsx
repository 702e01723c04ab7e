import {
  Alert,
  Anchor,
  Button,
  Fieldset,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { CenteredLoader } from '../components/CenteredLoader';
import { ErrorAlert } from '../components/ErrorAlert';
import { LanguageSelect } from '../components/LanguageSelect';
import { text, useFields } from '../components/useFields';
import { usePageTitle } from '../components/usePageTitle';
import { currentLanguage, isLanguage } from '../i18n';
import { enterpriseNumberError, fieldErrorsOf } from '../i18n/error-text';
import { applySession, usePublicConfig, useSessionQuery } from './session';
import { signUp } from './sign-in-api';

const FIELDS = [
  'companyName',
  'enterpriseNumber',
  'firstName',
  'lastName',
  'email',
  'password',
  'language',
] as const;

/** Self-service sign-up of a company and its first administrator (when the server allows it). */
export function SignUpPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('auth.signUp.title'));
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const config = usePublicConfig();
  const session = useSessionQuery();
  const { values, set } = useFields({
    companyName: '',
    enterpriseNumber: '',
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    language: currentLanguage(),
  });
  const [enterpriseError, setEnterpriseError] = useState<string | undefined>();
  // The account's language follows the interface language until it is chosen in the form.
  const [languageChosen, setLanguageChosen] = useState(false);
  const interfaceLanguage = isLanguage(i18n.language) ? i18n.language : null;
  useEffect(() => {
    if (!languageChosen && interfaceLanguage) set('language')(interfaceLanguage);
  }, [interfaceLanguage, languageChosen, set]);
  const mutation = useMutation({
    mutationFn: () => signUp({ ...values, enterpriseNumber: values.enterpriseNumber.trim() || null }),
    onSuccess: (result) => {
      applySession(queryClient, result);
      navigate('/', { replace: true });
    },
  });
  const errors = fieldErrorsOf(t, mutation.error, FIELDS);

  if (config.isPending || session.isPending) return <CenteredLoader />;
  if (session.data?.stage === 'active') return <Navigate to="/" replace />;
  if (config.data?.signup === 'closed') {
    return (
      <Stack>
        <Title order={1} size="h2">
          {t('auth.signUp.closedTitle')}
        </Title>
        <Alert color="gray" variant="light" role="note">
          {t('auth.signUp.closedText')}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          {t('auth.backToSignIn')}
        </Anchor>
      </Stack>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = enterpriseNumberError(t, values.enterpriseNumber);
    setEnterpriseError(problem);
    if (!problem) mutation.mutate();
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Title order={1} size="h2">
          {t('auth.signUp.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('auth.signUp.intro')}
        </Text>
        <Fieldset legend={t('auth.signUp.company')} variant="filled">
          <Stack gap="sm">
            <TextInput
              label={t('auth.signUp.companyName')}
              required
              autoComplete="organization"
              value={values.companyName}
              onChange={text(set('companyName'))}
              error={errors.companyName}
            />
            <TextInput
              label={t('auth.signUp.enterpriseNumber')}
              description={t('auth.signUp.enterpriseHelp')}
              value={values.enterpriseNumber}
              onChange={text(set('enterpriseNumber'))}
              error={enterpriseError ?? errors.enterpriseNumber}
              maw={260}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('auth.signUp.you')} variant="filled">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
              <TextInput
                label={t('auth.signUp.firstName')}
                required
                autoComplete="given-name"
                value={values.firstName}
                onChange={text(set('firstName'))}
                error={errors.firstName}
              />
              <TextInput
                label={t('auth.signUp.lastName')}
                required
                autoComplete="family-name"
                value={values.lastName}
                onChange={text(set('lastName'))}
                error={errors.lastName}
              />
            </SimpleGrid>
            <TextInput
              label={t('auth.email')}
              type="email"
              required
              autoComplete="email"
              value={values.email}
              onChange={text(set('email'))}
              error={errors.email}
            />
            <PasswordInput
              label={t('auth.password')}
              description={t('auth.passwordHelp')}
              required
              autoComplete="new-password"
              value={values.password}
              onChange={text(set('password'))}
              error={errors.password}
            />
            <LanguageSelect
              label={t('auth.signUp.language')}
              value={values.language}
              onChange={(language) => {
                setLanguageChosen(true);
                set('language')(language);
              }}
              error={errors.language}
              endonyms
            />
          </Stack>
        </Fieldset>
        <ErrorAlert error={mutation.error} fields={FIELDS} />
        <Group justify="flex-end">
          <Button type="submit" loading={mutation.isPending}>
            {t('auth.signUp.submit')}
          </Button>
        </Group>
        <Text size="sm" ta="center">
          {t('auth.signUp.haveAccount')}{' '}
          <Anchor component={Link} to="/sign-in">
            {t('auth.signUp.signInLink')}
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
