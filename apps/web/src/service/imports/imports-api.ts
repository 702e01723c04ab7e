import { api, apiUpload } from '../../api/client';
import type { ImportJob, ImportKind } from '../../api/work-types';

export const IMPORTS_KEY = ['imports'] as const;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function contentTypeOf(file: File): string {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'text/csv';
  if (name.endsWith('.xlsx')) return XLSX;
  return file.type || 'application/octet-stream';
}

/** Uploads the spreadsheet itself as the body; the answer is the preview with a suggested mapping. */
export const uploadImport = (kind: ImportKind, file: File) =>
  apiUpload<ImportJob>(
    `/imports?kind=${kind}&filename=${encodeURIComponent(file.name)}`,
    file,
    contentTypeOf(file),
  );

export const getImport = (id: string) => api.get<ImportJob>(`/imports/${id}`);
export const updateMapping = (id: string, mapping: Record<string, number>) =>
  api.patch<ImportJob>(`/imports/${id}`, { mapping });
export const startImport = (id: string) => api.post<ImportJob>(`/imports/${id}/start`);
