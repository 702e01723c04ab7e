import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router-dom';
import { usePortalT } from '../i18n';
import { usePageTitle } from '../ui';

export function NotFoundPage({ text }: { text?: string }) {
  const t = usePortalT();
  usePageTitle(t('notFound.title'));
  return (
    <Stack gap="md" align="flex-start">
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{text ?? t('notFound.text')}</Text>
      <Button component={Link} to="/" variant="light">
        {t('notFound.home')}
      </Button>
    </Stack>
  );
}
