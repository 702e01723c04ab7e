import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import { useEffect, type MouseEvent } from 'react';
import { ApiError } from '../api/problem';
import { usePortalT, type PortalT } from './i18n';

/** Sets the document title: "<page> · Klantenportaal". */
export function usePageTitle(page: string): void {
  const t = usePortalT();
  useEffect(() => {
    document.title = t('app.pageTitle', { page });
  }, [page, t]);
}

/** The Climalog mark; decorative. */
export function LogoMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-climalog-6)" />
      <path
        d="M16 7v18M8.2 11.5l15.6 9M8.2 20.5l15.6-9"
        stroke="#fff"
        strokeWidth="2.4"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** The first focusable element: jumps past the header to the page content. */
export function SkipLink() {
  const t = usePortalT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="portal-skip-link" href="#main" onClick={skip}>
      {t('app.skipToContent')}
    </a>
  );
}

export function Loading() {
  const t = usePortalT();
  return (
    <Center py="xl" role="status">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** A failed request in the interface language (the server's English detail is for developers). */
export function errorMessage(t: PortalT, error: unknown): string {
  if (!(error instanceof ApiError) || error.status === 0) {
    return error instanceof ApiError || error instanceof TypeError
      ? t('errors.network')
      : t('errors.generic');
  }
  return error.status >= 500 ? t('errors.server') : t('errors.generic');
}

/** The error of a query, announced, with a way to try again. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = usePortalT();
  const requestId = error instanceof ApiError && error.status >= 500 ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {requestId && (
          <Text size="xs" c="dimmed">
            {t('errors.requestId', { requestId })}
          </Text>
        )}
        {onRetry && (
          <Button size="xs" variant="default" onClick={onRetry}>
            {t('app.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
