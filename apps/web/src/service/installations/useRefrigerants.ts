import { useQuery } from '@tanstack/react-query';
import { listRefrigerants, REFRIGERANTS_KEY } from './installations-api';

/** The refrigerant catalogue (it changes with a release, not during a session). */
export function useRefrigerants() {
  const query = useQuery({ queryKey: REFRIGERANTS_KEY, queryFn: listRefrigerants, staleTime: Infinity });
  const options = (query.data ?? []).map((r) => ({ value: r.name, label: r.name }));
  return { ...query, options };
}
