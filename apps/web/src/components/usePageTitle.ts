import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title for the current route: "<page> · Climalog". */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = t('common.pageTitle', { page });
  }, [page, t]);
}
