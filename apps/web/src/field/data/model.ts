/**
 * What the field app keeps on the device: the work orders assigned to the technician (the server's
 * copy and the technician's local draft of it), and the queue of changes waiting to be sent.
 */
import type { FieldProblem } from '../../api/problem';
import type { ActivityType, WorkOrder, WorkOrderStatus } from '../../api/work-types';

export type LeakResult = 'no_leak' | 'leak_found';
export type LeakMethod = 'direct' | 'indirect' | 'leak_detection_system';

export type Measurement = { name: string; value: number; unit: string };

export type Combustion = {
  co2Percent?: number | null;
  o2Percent?: number | null;
  coPpm?: number | null;
  flueGasTemperatureC?: number | null;
  ambientTemperatureC?: number | null;
  efficiencyPercent?: number | null;
  draughtPa?: number | null;
};

/** One activity as the API accepts it; which fields apply depends on the type (see activities.ts). */
export type ActivityInput = {
  installationId: string;
  type: ActivityType;
  notes?: string;
  result?: LeakResult;
  method?: LeakMethod;
  leakLocation?: string;
  refrigerant?: string;
  quantityKg?: number;
  cylinderId?: string;
  recycled?: boolean;
  description?: string;
  measurements?: Measurement[];
  cleaned?: boolean;
  combustion?: Combustion;
};

export type SignatureInput = { role: 'customer' | 'technician'; signerName: string; image: string };

export const DRAFT_FIELDS = [
  'status',
  'plannedOn',
  'executedOn',
  'notes',
  'activities',
  'signatures',
] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];

/** The technician's working copy of a work order; saved on every change, sent when queued. */
export type WorkOrderDraft = {
  status: WorkOrderStatus;
  plannedOn: string | null;
  executedOn: string | null;
  notes: string;
  installationIds: string[];
  activities: ActivityInput[];
  signatures: SignatureInput[];
  /** The server version the changes were made on (null: a work order started on the device). */
  baseVersion: number | null;
  /** Fields the technician changed (only these are sent, so the office's other changes stay). */
  changed: DraftField[];
  /** Changed since it was last put in the queue. */
  dirty: boolean;
  updatedAt: string;
};

export type WorkOrderRecord = {
  /** The server's id, or `local-…` for a work order started on the device and not sent yet. */
  id: string;
  server: WorkOrder | null;
  draft: WorkOrderDraft | null;
  customerId: string;
  customerName: string;
};

export type QueueState = 'queued' | 'sending' | 'sent' | 'failed' | 'conflict';

export type QueueProblem = {
  /** HTTP status; 0 = the server could not be reached. */
  status: number;
  reason?: string | undefined;
  detail: string;
  errors?: FieldProblem[] | undefined;
};

export type QueueBase = {
  id: string;
  /** Order of creation: items of one work order go out in this order. */
  seq: number;
  createdAt: string;
  /** The user who recorded it: only they send it. */
  userId: string;
  state: QueueState;
  attempts: number;
  /** A request left the device: the server may have executed it even without an answer. */
  attempted: boolean;
  nextAttemptAt: number;
  problem: QueueProblem | null;
  sentAt: string | null;
};

export type CreateWorkOrderItem = QueueBase & {
  kind: 'work_order.create';
  /** The local id (`local-…`) until the server answered. */
  workOrderId: string;
  body: Record<string, unknown>;
  /** Generated once, sent with every attempt: the server creates the work order once. */
  idempotencyKey: string;
  result: { id: string; number: number; version: number } | null;
};

export type UpdateWorkOrderItem = QueueBase & {
  kind: 'work_order.update';
  workOrderId: string;
  /** The version the change was made on; the server answers 409 when it has a newer one. */
  baseVersion: number | null;
  patch: Record<string, unknown>;
  /** The office's version, when they changed the work order meanwhile. */
  theirs: WorkOrder | null;
  result: { version: number } | null;
};

export type UploadPhotoItem = QueueBase & {
  kind: 'photo.upload';
  installationId: string;
  workOrderId: string | null;
  filename: string;
  contentType: string;
  blob: Blob;
  width: number;
  height: number;
  idempotencyKey: string;
  result: { attachmentId: string } | null;
};

export type QueueItem = CreateWorkOrderItem | UpdateWorkOrderItem | UploadPhotoItem;

export const isLocalId = (id: string) => id.startsWith('local-');
