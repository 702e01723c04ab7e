import { Alert, Button, List, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isVersionConflict } from '../api/problem';
import { isCookiesBlocked } from '../auth/sign-in-api';
import { errorText, fieldProblemText } from '../i18n/error-text';

/** What an edit form offers when its change met a newer version on the server. */
export type ConflictAction = {
  /** The record that changed, as a phrase: t('conflict.records.customer', { name }). */
  record: string;
  /** Replaces the form's values by the latest version on the server. */
  onReload: () => void;
  reloading?: boolean;
  /** Why loading the latest version failed (it was deleted meanwhile, the network). */
  reloadError?: unknown;
};

type Props = {
  error: unknown;
  /** Fields whose errors the form already shows next to the inputs. */
  fields?: readonly string[];
  /** For edit forms: a version conflict names the record and offers to load the latest version. */
  conflict?: ConflictAction | undefined;
};

/**
 * The error of an async action, announced to screen readers: the alert region (an assertive live
 * region) is always in the page and only its content changes. Field problems that no input shows are listed here.
 */
export function ErrorAlert({ error, fields = [], conflict }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const unshown = apiError?.fieldProblems.filter((p) => !fields.includes(p.field)) ?? [];
  const message = error ? (isCookiesBlocked(error) ? t('errors.cookiesBlocked') : errorText(t, error)) : null;
  const conflicted = conflict && isVersionConflict(error) ? conflict : null;
  return (
    // Out of the layout while empty, so that it adds no gap; it stays in the page as a live region.
    <div role="alert" aria-atomic="true" className={message ? undefined : 'visually-hidden'}>
      {conflicted ? (
        <ConflictNotice conflict={conflicted} />
      ) : (
        message && (
          <Alert color="red" variant="light" role="presentation">
            <Text size="sm">{message}</Text>
            {unshown.length > 0 && (
              <List size="sm" mt={4}>
                {unshown.map((p) => (
                  <List.Item key={`${p.field}:${p.message}`}>{fieldProblemText(t, p)}</List.Item>
                ))}
              </List>
            )}
            {apiError && apiError.status >= 500 && apiError.requestId && (
              <Text size="xs" c="dimmed" mt={4}>
                {t('errors.requestId', { requestId: apiError.requestId })}
              </Text>
            )}
          </Alert>
        )
      )}
    </div>
  );
}

/**
 * Nothing was saved: which record someone else changed, and a button to load its latest version.
 * Scrolled to the middle of the view: the Save button may be far from it, and the settings keep
 * theirs in a bar over the bottom of the page.
 */
function ConflictNotice({ conflict }: { conflict: ConflictAction }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A block: newer browsers return a promise here, which React must not take for a cleanup.
    ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);
  return (
    <Alert
      ref={ref}
      color="red"
      variant="light"
      role="presentation"
      title={t('conflict.title', { record: conflict.record })}
    >
      <Text size="sm">{t('conflict.text')}</Text>
      <Button mt="sm" size="xs" color="red" onClick={conflict.onReload} loading={conflict.reloading ?? false}>
        {t('conflict.reload')}
      </Button>
      {conflict.reloadError != null && (
        <Text size="sm" mt="xs" fw={500}>
          {errorText(t, conflict.reloadError)}
        </Text>
      )}
    </Alert>
  );
}
