import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

type Options<T, R> = {
  mutationFn: (item: T) => Promise<R>;
  /** After success, before the ConfirmModal closes. */
  onSuccess?: (result: R, item: T) => void;
};

/**
 * An action on one item that a ConfirmModal asks about first (delete, revoke): `ask(item)` opens
 * the modal, `confirmProps` wire it to the mutation; success closes it, Cancel also forgets the
 * error. `target` is the item asked about, for the modal's message.
 */
export function useConfirmedMutation<T, R = unknown>({ mutationFn, onSuccess }: Options<T, R>) {
  const [target, setTarget] = useState<T | null>(null);
  const mutation = useMutation({
    mutationFn,
    onSuccess: (result: R, item: T) => {
      onSuccess?.(result, item);
      setTarget(null);
    },
  });
  return {
    target,
    ask: (item: T) => setTarget(() => item),
    confirmProps: {
      opened: target !== null,
      loading: mutation.isPending,
      error: mutation.error,
      onConfirm: () => {
        if (target !== null) mutation.mutate(target);
      },
      onClose: () => {
        setTarget(null);
        mutation.reset();
      },
    },
  };
}
