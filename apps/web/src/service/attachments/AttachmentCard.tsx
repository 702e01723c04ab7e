import { ActionIcon, Anchor, Box, Center, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../api/site-types';
import { IconDownload, IconFile, IconTrash } from '../../components/icons';
import { useDateFormat, useNumberFormat } from '../../i18n/format';
import { attachmentUrl } from './attachments-api';

/** 845 kB, 1,2 MB (ko, Mo in French): file sizes in the interface language's number format. */
export function useFileSize() {
  const { t } = useTranslation();
  const { number } = useNumberFormat();
  return (bytes: number) =>
    bytes < 1024 * 1024
      ? t('attachments.kilobytes', { size: number(Math.max(1, Math.round(bytes / 1024)), 0) })
      : t('attachments.megabytes', { size: number(bytes / 1024 / 1024, 1) });
}

type Props = { installationId: string; attachment: Attachment; canDelete: boolean; onDelete: () => void };

/** One attachment: a thumbnail for photos (opens full size), a PDF sign otherwise, and its facts. */
export function AttachmentCard({ installationId, attachment: a, canDelete, onDelete }: Props) {
  const { t } = useTranslation();
  const { dateTime } = useDateFormat();
  const size = useFileSize();
  const isImage = a.contentType.startsWith('image/');
  const inline = attachmentUrl(installationId, a.id, true);
  const facts = [size(a.sizeBytes), a.width && a.height ? `${a.width} × ${a.height} px` : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <Paper withBorder radius="sm" component="li" style={{ overflow: 'hidden', listStyle: 'none' }}>
      <Anchor
        href={isImage ? inline : attachmentUrl(installationId, a.id)}
        target={isImage ? '_blank' : undefined}
        rel="noopener"
        download={isImage ? undefined : a.filename}
        aria-label={
          isImage
            ? t('attachments.open', { name: a.filename })
            : t('attachments.download', { name: a.filename })
        }
        display="block"
      >
        {isImage ? (
          <img
            src={inline}
            alt=""
            loading="lazy"
            style={{ display: 'block', width: '100%', aspectRatio: '4 / 3', objectFit: 'cover' }}
          />
        ) : (
          <Center bg="var(--mantine-color-gray-1)" style={{ aspectRatio: '4 / 3' }} c="dimmed">
            <Stack gap={2} align="center">
              <IconFile size={36} />
              <Text size="xs" fw={700}>
                PDF
              </Text>
            </Stack>
          </Center>
        )}
      </Anchor>
      <Group p="xs" gap={4} wrap="nowrap" align="flex-start">
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={500} truncate title={a.filename}>
            {a.filename}
          </Text>
          <Text size="xs" c="dimmed">
            {facts}
          </Text>
          <Text size="xs" c="dimmed">
            {dateTime(a.createdAt)}
          </Text>
        </Box>
        <Tooltip label={t('attachments.download', { name: a.filename })}>
          <ActionIcon
            component="a"
            href={attachmentUrl(installationId, a.id)}
            download={a.filename}
            variant="subtle"
            color="gray"
            aria-label={t('attachments.download', { name: a.filename })}
          >
            <IconDownload />
          </ActionIcon>
        </Tooltip>
        {canDelete && (
          <Tooltip label={t('attachments.delete', { name: a.filename })}>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('attachments.delete', { name: a.filename })}
              onClick={onDelete}
            >
              <IconTrash />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    </Paper>
  );
}
