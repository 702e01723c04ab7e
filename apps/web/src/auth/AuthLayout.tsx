import { Anchor, Box, Container, Group, Paper, Stack } from '@mantine/core';
import { Outlet, Link } from 'react-router-dom';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { Logo } from '../components/Logo';
import { OutboxNotice } from '../components/OutboxNotice';
import { SkipLink } from '../components/SkipLink';
import { useFocusMainOnNavigate } from '../components/useFocusMainOnNavigate';

/** The frame of the pages before sign-in: product name, language switcher, one card. */
export function AuthLayout() {
  useFocusMainOnNavigate();
  return (
    <Box mih="100vh" bg="var(--mantine-color-gray-0)">
      <SkipLink />
      <Container size={560} py="xl">
        <Group justify="space-between" mb="xl" component="header">
          <Anchor component={Link} to="/" underline="never" c="inherit">
            <Logo />
          </Anchor>
          <LanguageSwitcher />
        </Group>
        <Stack component="main" id="main" tabIndex={-1} gap="md">
          <OutboxNotice />
          <Paper withBorder shadow="xs" radius="lg" p={{ base: 'lg', sm: 'xl' }}>
            <Outlet />
          </Paper>
        </Stack>
      </Container>
    </Box>
  );
}
