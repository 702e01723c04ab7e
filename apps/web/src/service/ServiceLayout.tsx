import { AppShell, Burger, Container, Divider, Group, NavLink, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet } from 'react-router-dom';
import { useSession } from '../auth/session-context';
import { Logo } from '../components/Logo';
import { OutboxNotice } from '../components/OutboxNotice';
import { SkipLink } from '../components/SkipLink';
import { useFocusMainOnNavigate } from '../components/useFocusMainOnNavigate';
import { navItemsFor } from './nav';
import { UserMenu } from './UserMenu';

/** The Service app's frame: header with account and user menu, navigation from the abilities. */
export function ServiceLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const [opened, { toggle, close }] = useDisclosure(false);
  const items = navItemsFor(session.abilities);
  useFocusMainOnNavigate();

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <SkipLink />
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('layout.toggleNavigation')}
            />
            <Link to="/" style={{ textDecoration: 'none' }}>
              <Logo />
            </Link>
            <Divider orientation="vertical" visibleFrom="xs" />
            <Text fw={500} c="dimmed" truncate visibleFrom="xs">
              {session.account.name}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" component="nav" aria-label={t('layout.navigation')}>
        <Stack gap={4}>
          {items.map(({ key, path, icon: Icon }) => (
            <NavLink
              key={key}
              component={RouterNavLink}
              to={path}
              label={t(`layout.nav.${key}`)}
              leftSection={<Icon />}
              onClick={close}
              styles={{ root: { borderRadius: 8 } }}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)">
        <Container size="xl" px={0}>
          <Stack gap="lg">
            <OutboxNotice />
            <Outlet />
          </Stack>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
