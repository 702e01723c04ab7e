import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchInstallations, PORTAL_DATA_KEY } from '../api';
import { useLanguage } from '../i18n';

/** The visible installations with their forecasts, explanations in the interface language. */
export function useInstallations() {
  const language = useLanguage();
  return useQuery({
    queryKey: [...PORTAL_DATA_KEY, 'installations', language],
    queryFn: () => fetchInstallations(language),
    // While another language loads, keep showing the previous one instead of a spinner.
    placeholderData: keepPreviousData,
  });
}
