import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconDownload } from './icons';

/** "Export (.xlsx)": a link that downloads the list as it is filtered and sorted. */
export function ExportButton({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <Button component="a" href={href} download variant="default" leftSection={<IconDownload />}>
      {t('common.exportXlsx')}
    </Button>
  );
}

/** "Clear filters", shown while any filter is set. */
export function ClearFiltersButton({ shown, onClick }: { shown: boolean; onClick: () => void }) {
  const { t } = useTranslation();
  if (!shown) return null;
  return (
    <Button variant="subtle" onClick={onClick}>
      {t('common.clearFilters')}
    </Button>
  );
}
