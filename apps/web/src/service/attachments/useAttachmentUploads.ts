import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useRef, useState } from 'react';
import { INSTALLATIONS_KEY } from '../installations/installations-api';
import { uploadErrorText } from './attachment-errors';
import { uploadAttachment } from './attachments-api';
import { prepareUpload } from './prepare-upload';

export type UploadState = {
  id: number;
  name: string;
  phase: 'waiting' | 'resizing' | 'uploading' | 'failed';
  /** 0–100 while uploading. */
  percent: number;
  error?: string;
};

/**
 * Uploads the chosen files one after another: each photo is made smaller first, then sent with
 * its progress shown. Failed files stay in the list with the reason until dismissed.
 */
export function useAttachmentUploads(installationId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<UploadState[]>([]);
  const nextId = useRef(1);
  const update = (id: number, next: Partial<UploadState>) =>
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, ...next } : u)));
  const remove = (id: number) => setUploads((list) => list.filter((u) => u.id !== id));

  const add = async (files: File[]) => {
    const queued = files.map((file) => ({ file, id: nextId.current++ }));
    setUploads((list) => [
      ...list,
      ...queued.map(({ file, id }) => ({ id, name: file.name, phase: 'waiting' as const, percent: 0 })),
    ]);
    for (const { file, id } of queued) {
      update(id, { phase: 'resizing' });
      const prepared = await prepareUpload(file);
      if (prepared === 'type' || prepared === 'size') {
        update(id, { phase: 'failed', error: t(`attachments.errors.${prepared}`) });
        continue;
      }
      update(id, { phase: 'uploading', name: prepared.filename });
      try {
        await uploadAttachment(installationId, prepared, (fraction) =>
          update(id, { percent: Math.round(fraction * 100) }),
        );
        remove(id);
        await queryClient.invalidateQueries({ queryKey: [...INSTALLATIONS_KEY, installationId] });
      } catch (error) {
        update(id, { phase: 'failed', error: uploadErrorText(t, error) });
      }
    }
  };
  return { uploads, add: (files: File[]) => void add(files), dismiss: remove };
}
