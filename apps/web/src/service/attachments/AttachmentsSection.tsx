import {
  Alert,
  Button,
  CloseButton,
  FileButton,
  Group,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Attachment, Installation } from '../../api/site-types';
import { useSession } from '../../auth/session-context';
import { ConfirmModal } from '../../components/ConfirmModal';
import { IconUpload } from '../../components/icons';
import { Section } from '../../components/Section';
import { useConfirmedMutation } from '../../components/useConfirmedMutation';
import { INSTALLATIONS_KEY } from '../installations/installations-api';
import { AttachmentCard } from './AttachmentCard';
import { ACCEPTED_TYPES, deleteAttachment } from './attachments-api';
import { useAttachmentUploads, type UploadState } from './useAttachmentUploads';

function UploadRow({ upload, onDismiss }: { upload: UploadState; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (upload.phase === 'failed') {
    return (
      <Alert color="red" variant="light" p="xs">
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <div>
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
              {upload.name}
            </Text>
            <Text size="sm">{upload.error}</Text>
          </div>
          <CloseButton size="sm" aria-label={t('common.close')} onClick={onDismiss} />
        </Group>
      </Alert>
    );
  }
  const label =
    upload.phase === 'uploading'
      ? t('attachments.uploading', { name: upload.name, percent: upload.percent })
      : upload.phase === 'resizing'
        ? t('attachments.resizing', { name: upload.name })
        : t('attachments.waiting', { name: upload.name });
  return (
    <Stack gap={4}>
      <Text size="sm">{label}</Text>
      <Progress
        value={upload.phase === 'uploading' ? upload.percent : 0}
        animated={upload.phase !== 'waiting'}
        striped={upload.phase === 'resizing'}
        aria-label={label}
      />
    </Stack>
  );
}

/** Photos and PDFs of an installation: thumbnails, download, remove, and upload with progress. */
export function AttachmentsSection({ installation: i }: { installation: Installation }) {
  const { t } = useTranslation();
  const session = useSession();
  const queryClient = useQueryClient();
  const { uploads, add, dismiss } = useAttachmentUploads(i.id);
  const remove = useConfirmedMutation({
    mutationFn: (a: Attachment) => deleteAttachment(i.id, a.id),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: [...INSTALLATIONS_KEY, i.id] });
    },
  });
  const attachments = i.attachments;

  return (
    <Section
      title={t('attachments.title')}
      actions={
        <FileButton onChange={(files) => add(files)} accept={ACCEPTED_TYPES.join(',')} multiple>
          {(props) => (
            <Button size="xs" variant="light" leftSection={<IconUpload />} {...props}>
              {t('attachments.add')}
            </Button>
          )}
        </FileButton>
      }
    >
      <Text size="sm" c="dimmed">
        {t('attachments.help')}
      </Text>
      {uploads.map((u) => (
        <UploadRow key={u.id} upload={u} onDismiss={() => dismiss(u.id)} />
      ))}
      {attachments.length === 0 && uploads.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('attachments.empty')}
        </Text>
      )}
      {attachments.length > 0 && (
        <SimpleGrid
          cols={{ base: 1, xs: 2, sm: 3, lg: 4 }}
          spacing="sm"
          component="ul"
          m={0}
          p={0}
          aria-label={t('attachments.title')}
        >
          {attachments.map((a) => (
            <AttachmentCard
              key={a.id}
              installationId={i.id}
              attachment={a}
              canDelete={i.abilities.update || a.createdBy === session.user.id}
              onDelete={() => remove.ask(a)}
            />
          ))}
        </SimpleGrid>
      )}
      <ConfirmModal
        {...remove.confirmProps}
        title={t('attachments.deleteTitle')}
        message={t('attachments.deleteConfirm', { name: remove.target?.filename ?? '' })}
        confirmLabel={t('common.delete')}
        danger
      />
    </Section>
  );
}
