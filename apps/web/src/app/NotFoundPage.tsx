import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../components/usePageTitle';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('common.notFoundTitle'));
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('common.notFoundTitle')}
      </Title>
      <Text size="sm">{t('common.notFoundText')}</Text>
      <Anchor component={Link} to="/">
        {t('common.backHome')}
      </Anchor>
    </Stack>
  );
}
