import { renderCertificate, renderInstructionCard, renderLogbook, renderWorkOrder } from '@climalog/pdf';
import type {
  CertificateDocument,
  InstructionCardDocument,
  LogbookDocument,
  WorkOrderDocument,
} from '@climalog/pdf';

export type PdfJob =
  | { kind: 'work_order'; data: WorkOrderDocument }
  | { kind: 'certificate'; data: CertificateDocument }
  | { kind: 'instruction_card'; data: InstructionCardDocument }
  | { kind: 'logbook'; data: LogbookDocument };

/** Byte arrays arrive as Uint8Array after crossing a thread; pdfkit wants Buffers. */
function revive<T>(value: T): T {
  if (value instanceof Uint8Array && !Buffer.isBuffer(value))
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength) as T;
  if (Array.isArray(value)) return value.map(revive) as T;
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, revive(v)])) as T;
  }
  return value;
}

export function runPdfJob(job: PdfJob): Promise<Buffer> {
  const data = revive(job.data);
  switch (job.kind) {
    case 'work_order':
      return renderWorkOrder(data as WorkOrderDocument);
    case 'certificate':
      return renderCertificate(data as CertificateDocument);
    case 'instruction_card':
      return renderInstructionCard(data as InstructionCardDocument);
    case 'logbook':
      return renderLogbook(data as LogbookDocument);
  }
}
