import { liveQuery } from 'dexie';
import { useEffect, useRef, useState } from 'react';

/**
 * The result of a query on the offline store, kept current: it runs again whenever the tables it
 * read change (also from another tab or the sync). `undefined` until the first answer.
 */
export function useLive<T>(query: () => Promise<T>, key: string): T | undefined {
  const [state, setState] = useState<{ key: string; value: T } | undefined>(undefined);
  const queryRef = useRef(query);
  useEffect(() => {
    queryRef.current = query;
  });
  useEffect(() => {
    const subscription = liveQuery(() => queryRef.current()).subscribe({
      next: (value) => setState({ key, value }),
      error: (error: unknown) => console.error('Offline store query failed', error),
    });
    return () => subscription.unsubscribe();
  }, [key]);
  return state?.key === key ? state.value : undefined;
}
