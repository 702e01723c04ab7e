import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictAction } from './ErrorAlert';

type Options<T> = {
  /** Reads the record again from the server. */
  fetchLatest: (current: T) => Promise<T>;
  /** Puts the latest values in the form (what was typed goes) and clears the failed save. */
  onReloaded: (latest: T) => void;
  /** Queries that show the record elsewhere (lists, its page), refreshed along. */
  invalidate?: QueryKey[];
};

/**
 * The record an edit form works on; its PATCH sends the record's `version`, so that a change
 * someone else saved first makes it a 409 version_conflict with nothing written. The form keeps
 * what was typed until the person loads the latest version (`conflict` for ErrorAlert).
 * `loaded` is null for a form that creates a record.
 */
export function useEditedRecord<T extends { version: number }>(
  loaded: T | null,
  { fetchLatest, onReloaded, invalidate = [] }: Options<T>,
) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [record, setRecord] = useState(loaded);
  const reload = useMutation({
    mutationFn: (current: T) => fetchLatest(current),
    onSuccess: (latest) => {
      setRecord(latest);
      onReloaded(latest);
      for (const queryKey of invalidate) void queryClient.invalidateQueries({ queryKey });
      notifications.show({ color: 'climalog', message: t('conflict.reloaded') });
    },
  });
  /** ErrorAlert's `conflict`, naming the record as `phrase` does. */
  const conflict = (phrase: string): ConflictAction => ({
    record: phrase,
    onReload: () => record && reload.mutate(record),
    reloading: reload.isPending,
    reloadError: reload.error,
  });
  return { record, conflict };
}
