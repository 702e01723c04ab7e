import { ActionIcon, Alert, Box, Button, Container, Group, Stack, Text } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { IconLogout } from '../../components/icons';
import { useFocusMainOnNavigate } from '../../components/useFocusMainOnNavigate';
import type { PortalSession } from '../api';
import { usePortalT } from '../i18n';
import { useSessionWatch } from '../session';
import { errorMessage, LogoMark, SkipLink } from '../ui';
import { LanguageSelect } from './LanguageSelect';

type Props = { session: PortalSession; onSignOut: () => Promise<void>; children: ReactNode };

/** The signed-in frame: whose portal this is, the two views, language and sign-out. */
export function PortalLayout({ session, onSignOut, children }: Props) {
  const t = usePortalT();
  const { pathname } = useLocation();
  // A detail page belongs to the installations tab.
  const onInstallation = pathname.startsWith('/installations/');
  const [signingOut, setSigningOut] = useState(false);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  useSessionWatch();
  useFocusMainOnNavigate();

  const signOut = async () => {
    setSigningOut(true);
    setSignOutError(null);
    try {
      await onSignOut();
    } catch (error) {
      setSignOutError(error);
      setSigningOut(false);
    }
  };

  return (
    <Box className="portal-page">
      <SkipLink />
      <Box component="header" className="portal-header">
        <Container size="md" px="md">
          <Group justify="space-between" wrap="nowrap" gap="sm" py="sm">
            <Group gap={10} wrap="nowrap" miw={0}>
              <LogoMark />
              <Stack gap={0} miw={0}>
                <Text fw={700} lh={1.25} truncate="end" title={session.customerName}>
                  {session.customerName}
                </Text>
                <Text size="xs" c="dimmed" lh={1.25} truncate="end">
                  {t('app.portal')} · {t('app.name')}
                </Text>
              </Stack>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Box visibleFrom="sm">
                <LanguageSelect />
              </Box>
              <Box hiddenFrom="sm">
                <LanguageSelect compact />
              </Box>
              <Button
                variant="default"
                leftSection={<IconLogout size={16} />}
                onClick={signOut}
                loading={signingOut}
                visibleFrom="sm"
              >
                {t('app.signOut')}
              </Button>
              <ActionIcon
                variant="default"
                size={36}
                onClick={signOut}
                loading={signingOut}
                aria-label={t('app.signOut')}
                title={t('app.signOut')}
                hiddenFrom="sm"
              >
                <IconLogout size={18} />
              </ActionIcon>
            </Group>
          </Group>
          <nav aria-label={t('app.navigation')} className="portal-nav">
            <Link to="/" aria-current={pathname === '/' ? 'page' : onInstallation ? 'true' : undefined}>
              {t('nav.installations')}
            </Link>
            <Link to="/consultations" aria-current={pathname === '/consultations' ? 'page' : undefined}>
              {t('nav.consultations')}
            </Link>
          </nav>
        </Container>
      </Box>
      <Container size="md" px="md" py="lg" component="main" id="main" tabIndex={-1}>
        {signOutError !== null && (
          <Alert color="red" variant="light" role="alert" mb="md">
            {errorMessage(t, signOutError)}
          </Alert>
        )}
        {children}
      </Container>
      <Container size="md" px="md" pb="xl" component="footer">
        <CompanyContact company={session.company} />
      </Container>
    </Box>
  );
}

/** Who keeps these records and how to reach them; the generic sentence when the company left it blank. */
function CompanyContact({ company }: { company: PortalSession['company'] }) {
  const t = usePortalT();
  if (!company.name) {
    return (
      <Text size="xs" c="dimmed">
        {t('app.footer')}
      </Text>
    );
  }
  const website =
    company.website && !/^https?:\/\//i.test(company.website)
      ? `https://${company.website}`
      : company.website;
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('app.keptBy', { company: company.name })}
      </Text>
      <Group gap="md" className="portal-company-contact">
        {company.phone && (
          <Text size="xs" component="a" href={`tel:${company.phone.replace(/[^+\d]/g, '')}`}>
            {company.phone}
          </Text>
        )}
        {company.email && (
          <Text size="xs" component="a" href={`mailto:${company.email}`}>
            {company.email}
          </Text>
        )}
        {website && (
          <Text size="xs" component="a" href={website} target="_blank" rel="noopener noreferrer">
            {company.website}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
