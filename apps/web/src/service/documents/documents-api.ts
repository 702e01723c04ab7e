import { api } from '../../api/client';
import { fetchFile } from '../../api/transfer';
import type { Language } from '../../api/types';

/** The activities a certificate can be printed for, in the order they are offered. */
export const CERTIFICATE_KINDS = [
  'leak_check',
  'heating_maintenance',
  'heating_audit',
  'energy_inspection',
] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];
export const isCertificateKind = (value: string): value is CertificateKind =>
  (CERTIFICATE_KINDS as readonly string[]).includes(value);

export type SendStatus = 'queued' | 'sent' | 'failed';
export type WorkOrderSend = {
  id: string;
  to: string[];
  bcc: string[];
  language: Language;
  subject: string;
  status: SendStatus;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
};
export type SendInput = { to: string[]; templateId?: string; lang?: Language };

export const workOrderPdf = (id: string, lang: Language) =>
  fetchFile(`/work-orders/${id}/document`, { lang }, 'work-order.pdf');
export const certificatePdf = (id: string, kind: CertificateKind, installationId: string, lang: Language) =>
  fetchFile(`/work-orders/${id}/certificates/${kind}`, { installationId, lang }, `${kind}.pdf`);
export const instructionCardPdf = (installationId: string, lang: Language) =>
  fetchFile(`/installations/${installationId}/instruction-card`, { lang }, 'instruction-card.pdf');
export const logbookExport = (installationId: string, format: 'pdf' | 'xlsx', lang: Language) =>
  fetchFile(`/installations/${installationId}/logbook/export`, { format, lang }, `logbook.${format}`);

/** Under the work order's own key, so that saving the work order refreshes it too. */
export const sendsKey = (workOrderId: string) => ['work-orders', workOrderId, 'sends'] as const;
export const listSends = (workOrderId: string) =>
  api.get<{ items: WorkOrderSend[] }>(`/work-orders/${workOrderId}/sends`).then((r) => r.items);
export const sendWorkOrder = (workOrderId: string, input: SendInput) =>
  api.post<WorkOrderSend>(`/work-orders/${workOrderId}/send`, input);
