import { Alert, Button, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import { usePageTitle } from '../components/usePageTitle';

/** Shown instead of the app when the browser refuses cookies: signing in cannot work. */
export function CookiesDisabledPage() {
  const { t } = useTranslation();
  usePageTitle(t('cookies.title'));
  return (
    <Container size={560} py="xl">
      <Group justify="space-between" mb="xl" component="header">
        <Logo />
        <LanguageSwitcher />
      </Group>
      <Stack component="main" id="main">
        <Title order={1} size="h2">
          {t('cookies.title')}
        </Title>
        <Alert color="orange" variant="light" role="alert">
          <Text size="sm">{t('cookies.text')}</Text>
        </Alert>
        <Text size="sm">{t('cookies.howTo')}</Text>
        <Group>
          <Button onClick={() => window.location.reload()}>{t('cookies.reload')}</Button>
        </Group>
      </Stack>
    </Container>
  );
}
