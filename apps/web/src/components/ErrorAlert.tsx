import { Alert, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';
import { isCookiesBlocked } from '../auth/sign-in-api';
import { errorText, fieldProblemText } from '../i18n/error-text';

type Props = {
  error: unknown;
  /** Fields whose errors the form already shows next to the inputs. */
  fields?: readonly string[];
};

/**
 * The error of an async action, announced to screen readers: the alert region (an assertive live
 * region) is always in the page and only its content changes. Field problems that no input shows are listed here.
 */
export function ErrorAlert({ error, fields = [] }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : null;
  const unshown = apiError?.fieldProblems.filter((p) => !fields.includes(p.field)) ?? [];
  const message = error ? (isCookiesBlocked(error) ? t('errors.cookiesBlocked') : errorText(t, error)) : null;
  return (
    // Out of the layout while empty, so that it adds no gap; it stays in the page as a live region.
    <div role="alert" aria-atomic="true" className={message ? undefined : 'visually-hidden'}>
      {message && (
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
      )}
    </div>
  );
}
