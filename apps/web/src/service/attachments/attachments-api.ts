import { api, apiUrl } from '../../api/client';
import type { Attachment } from '../../api/site-types';
import { uploadWithProgress } from '../../api/transfer';

/** What the server accepts, by content: photos and PDFs of at most 10 MB. */
export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export const MAX_BYTES = 10 * 1024 * 1024;

/** The file itself; with inline, an image opens in the browser instead of downloading. */
export const attachmentUrl = (installationId: string, attachmentId: string, inline = false) =>
  apiUrl(`/installations/${installationId}/attachments/${attachmentId}`, {
    inline: inline ? 'true' : undefined,
  });

export const uploadAttachment = (
  installationId: string,
  file: { blob: Blob; filename: string; contentType: string },
  onProgress: (fraction: number) => void,
) =>
  uploadWithProgress<Attachment>(
    `/installations/${installationId}/attachments?filename=${encodeURIComponent(file.filename)}`,
    file.blob,
    file.contentType,
    onProgress,
  );

export const deleteAttachment = (installationId: string, attachmentId: string) =>
  api.delete<void>(`/installations/${installationId}/attachments/${attachmentId}`);
