import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { usePortalT } from '../i18n';
import { PublicLayout } from '../layout/PublicLayout';
import { usePageTitle } from '../ui';

/** Shown instead of the sign-in form when the browser refuses cookies: signing in cannot work. */
export function CookiesDisabledPage() {
  const t = usePortalT();
  usePageTitle(t('cookies.title'));
  return (
    <PublicLayout>
      <Paper withBorder radius="lg" p={{ base: 'md', xs: 'xl' }} shadow="xs">
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('cookies.title')}
          </Title>
          <Alert color="orange" variant="light" role="alert">
            <Text size="sm">{t('cookies.text')}</Text>
          </Alert>
          <Text size="sm">{t('cookies.howTo')}</Text>
          <Button
            onClick={() => window.location.reload()}
            variant="default"
            style={{ alignSelf: 'flex-start' }}
          >
            {t('cookies.reload')}
          </Button>
        </Stack>
      </Paper>
    </PublicLayout>
  );
}
