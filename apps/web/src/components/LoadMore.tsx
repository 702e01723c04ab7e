import { Button, Center, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { shown: number; hasMore: boolean; loading: boolean; onLoadMore: () => void };

/** The count of rows shown and, when the server has more, a button to fetch the next page. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Center mt="md" style={{ flexDirection: 'column', gap: 8 }}>
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('common.shownCount', { count: shown })}
      </Text>
      {hasMore && (
        <Button variant="default" onClick={onLoadMore} loading={loading}>
          {t('common.loadMore')}
        </Button>
      )}
    </Center>
  );
}
