import type { Activity, ActivityType, WorkOrder } from '../../api/work-types';
import type { ActivityInput, SignatureInput, WorkOrderDraft } from './model';

/** The activity types the field app records, in the order it offers them. */
export const FIELD_ACTIVITY_TYPES = [
  'leak_check',
  'refrigerant_added',
  'refrigerant_recovered',
  'measurements',
  'maintenance',
  'repair',
  'leak_repair',
  'heating_maintenance',
] as const satisfies readonly ActivityType[];

/** The fields each type carries besides installationId, type and notes (the API refuses others). */
const FIELDS: Record<ActivityType, readonly (keyof ActivityInput)[]> = {
  commissioning: [],
  leak_check: ['result', 'method', 'leakLocation'],
  leak_repair: ['description'],
  refrigerant_added: ['refrigerant', 'quantityKg', 'cylinderId', 'recycled'],
  refrigerant_recovered: ['refrigerant', 'quantityKg', 'cylinderId'],
  maintenance: ['description'],
  repair: ['description'],
  measurements: ['measurements'],
  heating_maintenance: ['cleaned', 'combustion'],
  heating_audit: ['description'],
  energy_inspection: ['description'],
  decommissioning: ['description'],
};

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The activity as the API accepts it: only its type's fields, nothing empty. */
export function toApiActivity(activity: ActivityInput): Record<string, unknown> {
  const out: Record<string, unknown> = { installationId: activity.installationId, type: activity.type };
  if (activity.notes?.trim()) out.notes = activity.notes.trim();
  for (const field of FIELDS[activity.type]) {
    const value = activity[field];
    if (isEmpty(value)) continue;
    if (field === 'combustion') {
      const readings = Object.fromEntries(
        Object.entries(value as Record<string, unknown>).filter(([, v]) => typeof v === 'number'),
      );
      if (Object.keys(readings).length > 0) out.combustion = readings;
      continue;
    }
    out[field] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** A stored activity as input again (what PATCH expects when the list is sent back whole). */
export function fromApiActivity(activity: Activity): ActivityInput {
  const details = activity.details as Partial<ActivityInput>;
  const input: ActivityInput = { installationId: activity.installationId, type: activity.type };
  if (typeof details.notes === 'string') input.notes = details.notes;
  for (const field of FIELDS[activity.type]) {
    const value =
      field === 'result'
        ? activity.result
        : field === 'refrigerant'
          ? activity.refrigerant
          : field === 'quantityKg'
            ? activity.quantityKg
            : field === 'cylinderId'
              ? activity.cylinderId
              : details[field];
    if (!isEmpty(value)) (input as Record<string, unknown>)[field] = value;
  }
  return input;
}

export function signaturesOf(workOrder: WorkOrder): SignatureInput[] {
  return workOrder.signatures.map((s) => ({ role: s.role, signerName: s.signerName, image: s.image }));
}

/** A new draft from the server's copy. */
export function draftFrom(workOrder: WorkOrder): WorkOrderDraft {
  return {
    status: workOrder.status,
    plannedOn: workOrder.plannedOn,
    executedOn: workOrder.executedOn,
    notes: workOrder.notes,
    installationIds: [...workOrder.installationIds],
    activities: workOrder.activities.map(fromApiActivity),
    signatures: signaturesOf(workOrder),
    baseVersion: workOrder.version,
    changed: [],
    dirty: false,
    updatedAt: new Date().toISOString(),
  };
}

/**
 * The PATCH body for a draft: only what the technician changed, so that "keep mine" after a
 * conflict does not undo what the office changed in other fields.
 */
export function patchOf(draft: WorkOrderDraft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of draft.changed) {
    if (field === 'activities') patch.activities = draft.activities.map(toApiActivity);
    else if (field === 'executedOn' || field === 'status') {
      patch.status = draft.status;
      patch.executedOn = draft.executedOn;
    } else patch[field] = draft[field];
  }
  return patch;
}

/** The POST body for a work order started on the device. */
export function createBodyOf(draft: WorkOrderDraft, executorId: string): Record<string, unknown> {
  return {
    installationIds: draft.installationIds,
    status: draft.status,
    plannedOn: draft.plannedOn,
    executedOn: draft.executedOn,
    executorId,
    notes: draft.notes,
    activities: draft.activities.map(toApiActivity),
    signatures: draft.signatures,
  };
}

const comparable = (activity: Record<string, unknown>) =>
  JSON.stringify(activity, Object.keys(activity).sort());

/**
 * Whether the server's work order already holds a change (a PATCH that went through although its
 * answer never arrived): then a 409 for it is no conflict.
 */
export function patchIsApplied(server: WorkOrder, patch: Record<string, unknown>): boolean {
  if (patch.status !== undefined && patch.status !== server.status) return false;
  if (patch.executedOn !== undefined && patch.executedOn !== server.executedOn) return false;
  if (typeof patch.notes === 'string' && patch.notes !== server.notes) return false;
  if (Array.isArray(patch.activities)) {
    const mine = (patch.activities as Record<string, unknown>[]).map(comparable);
    const theirs = server.activities.map((a) => comparable(toApiActivity(fromApiActivity(a))));
    if (mine.length !== theirs.length || mine.some((a, i) => a !== theirs[i])) return false;
  }
  if (Array.isArray(patch.signatures)) {
    const mine = patch.signatures as SignatureInput[];
    if (mine.length !== server.signatures.length) return false;
    if (mine.some((s, i) => s.image !== server.signatures[i]?.image)) return false;
  }
  return true;
}
