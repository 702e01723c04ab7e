import { Box, Container, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePortalT } from '../i18n';
import { LogoMark, SkipLink } from '../ui';
import { LanguageSelect } from './LanguageSelect';

/** The frame before sign-in: the product, the language, one narrow column. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const t = usePortalT();
  return (
    <Box className="portal-page">
      <SkipLink />
      <Container size={480} px="md" py="md">
        <Group justify="space-between" wrap="nowrap" component="header" mb="lg">
          <Group gap={10} wrap="nowrap">
            <LogoMark />
            <Stack gap={0}>
              <Text fw={700} c="climalog.8" lh={1.2}>
                {t('app.name')}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2}>
                {t('app.portal')}
              </Text>
            </Stack>
          </Group>
          <LanguageSelect />
        </Group>
        <Box component="main" id="main" tabIndex={-1}>
          {children}
        </Box>
      </Container>
    </Box>
  );
}
