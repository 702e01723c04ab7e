import type { Signature, WorkOrder, WorkOrderStatus } from '../../api/work-types';
import { activityInput, draftOfActivity, type ActivityDraft } from './activity-draft';
import type { WorkOrderInput } from './work-orders-api';

export type ProductDraft = { productId: string | null; quantity: number | null };

export type WorkOrderDraft = {
  customerId: string | null;
  installationIds: string[];
  status: WorkOrderStatus;
  plannedOn: string | null;
  executedOn: string | null;
  executorId: string | null;
  notes: string;
  activities: ActivityDraft[];
  labelIds: string[];
  products: ProductDraft[];
  signerName: string;
  customerSignature: string | null;
  /** Signatures this form does not edit (the technician's, from the field app), kept as they are. */
  otherSignatures: Signature[];
};

export function draftOfWorkOrder(w: WorkOrder): WorkOrderDraft {
  const customer = w.signatures.find((s) => s.role === 'customer');
  return {
    customerId: w.customerId,
    installationIds: w.installationIds,
    status: w.status,
    plannedOn: w.plannedOn,
    executedOn: w.executedOn,
    executorId: w.executorId,
    notes: w.notes,
    activities: w.activities.map(draftOfActivity),
    labelIds: w.labels.map((l) => l.id),
    products: w.products.map((p) => ({ productId: p.productId, quantity: p.quantity })),
    signerName: customer?.signerName ?? '',
    customerSignature: customer?.image ?? null,
    otherSignatures: w.signatures.filter((s) => s.role !== 'customer'),
  };
}

export function newWorkOrderDraft(
  customerId: string | null,
  installationIds: string[],
  executorId: string | null,
) {
  const draft: WorkOrderDraft = {
    customerId,
    installationIds,
    status: 'to_be_executed',
    plannedOn: null,
    executedOn: null,
    executorId,
    notes: '',
    activities: [],
    labelIds: [],
    products: [],
    signerName: '',
    customerSignature: null,
    otherSignatures: [],
  };
  return draft;
}

/** The API body; activities of installations no longer on the order are left out. */
export function workOrderInput(d: WorkOrderDraft): WorkOrderInput {
  const signatures = d.otherSignatures.map(({ role, signerName, image }) => ({ role, signerName, image }));
  if (d.customerSignature) {
    signatures.push({ role: 'customer', signerName: d.signerName, image: d.customerSignature });
  }
  return {
    installationIds: d.installationIds,
    status: d.status,
    plannedOn: d.plannedOn,
    executedOn: d.status === 'executed' ? d.executedOn : null,
    executorId: d.executorId,
    notes: d.notes,
    activities: d.activities.filter((a) => d.installationIds.includes(a.installationId)).map(activityInput),
    labelIds: d.labelIds,
    products: d.products.flatMap((p) =>
      p.productId && p.quantity ? [{ productId: p.productId, quantity: p.quantity }] : [],
    ),
    signatures,
  };
}
