import type { Queryable } from '../../db/database.js';
import { AppError, type FieldError } from '../../http/errors.js';
import type { ActivityInput, ActivityView } from './activities.schemas.js';

type InstallationFacts = { id: string; refrigerant: string | null };
type CylinderFacts = {
  id: string;
  kind: 'supply' | 'recovery';
  refrigerant: string | null;
  content_kg: number;
  capacity_kg: number;
  archived_at: Date | null;
};

/**
 * Checks activities against the work order and the installations: each belongs to one of the
 * work order's installations, refrigerant matches the installation's, and a cylinder is of the
 * right kind and refrigerant. All problems are reported at once, by field.
 */
export async function validateActivities(
  tx: Queryable,
  tenantId: string,
  activities: readonly ActivityInput[],
  installations: ReadonlyMap<string, InstallationFacts>,
  executed: boolean,
): Promise<void> {
  const errors: FieldError[] = [];
  const cylinderIds = activities.flatMap((a) => ('cylinderId' in a && a.cylinderId ? [a.cylinderId] : []));
  const cylinders = new Map(
    (cylinderIds.length
      ? await tx.query<CylinderFacts>(
          'select id, kind, refrigerant, content_kg, capacity_kg, archived_at from cylinders where tenant_id = $1 and id = any($2::uuid[])',
          [tenantId, cylinderIds],
        )
      : []
    ).map((c) => [c.id, c]),
  );
  activities.forEach((activity, index) => {
    const at = (field: string) => `activities.${index}.${field}`;
    const installation = installations.get(activity.installationId);
    if (!installation) {
      errors.push({
        field: at('installationId'),
        message: 'The activity must be on one of the work order’s installations.',
        code: 'not_in_work_order',
      });
      return;
    }
    if (activity.type === 'leak_check' && executed && !activity.result) {
      errors.push({
        field: at('result'),
        message: 'An executed leak check needs its result.',
        code: 'required',
      });
    }
    if (activity.type !== 'refrigerant_added' && activity.type !== 'refrigerant_recovered') return;
    if (installation.refrigerant && activity.refrigerant !== installation.refrigerant) {
      errors.push({
        field: at('refrigerant'),
        message: `The installation contains ${installation.refrigerant}, not ${activity.refrigerant}.`,
        code: 'refrigerant_mismatch',
      });
    }
    if (!activity.cylinderId) return;
    const cylinder = cylinders.get(activity.cylinderId);
    const wantedKind = activity.type === 'refrigerant_added' ? 'supply' : 'recovery';
    if (!cylinder || cylinder.archived_at) {
      errors.push({ field: at('cylinderId'), message: 'No such cylinder in use.', code: 'not_found' });
    } else if (cylinder.kind !== wantedKind) {
      errors.push({
        field: at('cylinderId'),
        message: `Use a ${wantedKind} cylinder for this activity.`,
        code: 'wrong_cylinder_kind',
      });
    } else if (cylinder.refrigerant && cylinder.refrigerant !== activity.refrigerant) {
      errors.push({
        field: at('cylinderId'),
        message: `This cylinder holds ${cylinder.refrigerant}.`,
        code: 'refrigerant_mismatch',
      });
    }
  });
  if (errors.length > 0) throw new AppError('validation', 'Some activities are not valid.', { errors });
}

/** Typed columns for what is queried; everything else of the body goes into details. */
function columnsOf(activity: ActivityInput) {
  const { type, installationId, ...rest } = activity;
  const result = type === 'leak_check' ? (activity.result ?? null) : null;
  const refrigerant =
    type === 'refrigerant_added' || type === 'refrigerant_recovered' ? activity.refrigerant : null;
  const quantityKg =
    type === 'refrigerant_added' || type === 'refrigerant_recovered' ? activity.quantityKg : null;
  const cylinderId =
    (type === 'refrigerant_added' || type === 'refrigerant_recovered') && activity.cylinderId
      ? activity.cylinderId
      : null;
  const details = Object.fromEntries(
    Object.entries(rest).filter(
      ([key]) => !['result', 'refrigerant', 'quantityKg', 'cylinderId'].includes(key),
    ),
  );
  return { type, installationId, result, refrigerant, quantityKg, cylinderId, details };
}

export async function replaceActivities(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
  activities: readonly ActivityInput[],
): Promise<void> {
  await tx.query('delete from activities where tenant_id = $1 and work_order_id = $2', [
    tenantId,
    workOrderId,
  ]);
  for (const [position, activity] of activities.entries()) {
    const c = columnsOf(activity);
    await tx.query(
      `insert into activities (tenant_id, work_order_id, installation_id, type, position, result, refrigerant, quantity_kg, cylinder_id, details)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        tenantId,
        workOrderId,
        c.installationId,
        c.type,
        position,
        c.result,
        c.refrigerant,
        c.quantityKg,
        c.cylinderId,
        JSON.stringify(c.details),
      ],
    );
  }
}

type ActivityRow = {
  id: string;
  work_order_id: string;
  installation_id: string;
  type: ActivityView['type'];
  result: ActivityView['result'];
  refrigerant: string | null;
  quantity_kg: number | null;
  cylinder_id: string | null;
  details: Record<string, unknown>;
};

export async function activitiesOf(
  tx: Queryable,
  tenantId: string,
  workOrderIds: readonly string[],
): Promise<Map<string, ActivityView[]>> {
  const map = new Map<string, ActivityView[]>();
  if (workOrderIds.length === 0) return map;
  const rows = await tx.query<ActivityRow>(
    `select id, work_order_id, installation_id, type, result, refrigerant, quantity_kg, cylinder_id, details
       from activities where tenant_id = $1 and work_order_id = any($2::uuid[]) order by position`,
    [tenantId, workOrderIds],
  );
  for (const r of rows) {
    const view: ActivityView = {
      id: r.id,
      installationId: r.installation_id,
      type: r.type,
      result: r.result,
      refrigerant: r.refrigerant,
      quantityKg: r.quantity_kg,
      cylinderId: r.cylinder_id,
      details: r.details,
    };
    map.set(r.work_order_id, [...(map.get(r.work_order_id) ?? []), view]);
  }
  return map;
}

/**
 * Moves refrigerant in and out of cylinders for an executed work order. Each update only succeeds
 * while the content stays within 0 … capacity (and the table's CHECK refuses anything else), so two
 * technicians drawing from one cylinder at once can never take more than it holds.
 */
export async function applyCylinderMovements(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const rows = await tx.query<{
    id: string;
    type: string;
    quantity_kg: number;
    cylinder_id: string;
    position: number;
  }>(
    `select id, type, quantity_kg, cylinder_id, position from activities
      where tenant_id = $1 and work_order_id = $2 and cylinder_id is not null order by position`,
    [tenantId, workOrderId],
  );
  for (const a of rows) {
    const delta = a.type === 'refrigerant_added' ? -a.quantity_kg : a.quantity_kg;
    const updated = await tx.query<{ content_kg: number }>(
      `update cylinders set content_kg = content_kg + $3, version = version + 1, updated_at = $4
        where tenant_id = $1 and id = $2 and content_kg + $3 >= 0 and content_kg + $3 <= capacity_kg returning content_kg`,
      [tenantId, a.cylinder_id, delta, now],
    );
    if (updated.length === 0) {
      const [c] = await tx.query<{ content_kg: number; capacity_kg: number }>(
        'select content_kg, capacity_kg from cylinders where tenant_id = $1 and id = $2',
        [tenantId, a.cylinder_id],
      );
      const message =
        delta < 0
          ? `The cylinder holds only ${c?.content_kg ?? 0} kg.`
          : `The recovery cylinder has room for only ${((c?.capacity_kg ?? 0) - (c?.content_kg ?? 0)).toFixed(3)} kg.`;
      throw new AppError('validation', message, {
        errors: [
          {
            field: `activities.${a.position}.quantityKg`,
            message,
            code: delta < 0 ? 'cylinder_empty' : 'cylinder_full',
          },
        ],
      });
    }
    await tx.query(
      `insert into cylinder_movements (tenant_id, cylinder_id, work_order_id, activity_id, delta_kg, reason, created_by, created_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [tenantId, a.cylinder_id, workOrderId, a.id, delta, delta < 0 ? 'withdrawal' : 'recovery', userId, now],
    );
  }
}

/** Undoes what a work order moved (before its activities change, or when it is cancelled). */
export async function reverseCylinderMovements(
  tx: Queryable,
  tenantId: string,
  workOrderId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const totals = await tx.query<{ cylinder_id: string; total: number }>(
    `select cylinder_id, sum(delta_kg) as total from cylinder_movements
      where tenant_id = $1 and work_order_id = $2 group by cylinder_id having sum(delta_kg) <> 0`,
    [tenantId, workOrderId],
  );
  for (const t of totals) {
    const updated = await tx.query(
      `update cylinders set content_kg = content_kg - $3, version = version + 1, updated_at = $4
        where tenant_id = $1 and id = $2 and content_kg - $3 >= 0 and content_kg - $3 <= capacity_kg returning id`,
      [tenantId, t.cylinder_id, t.total, now],
    );
    if (updated.length === 0) {
      throw new AppError(
        'conflict',
        'The refrigerant moved by this work order cannot be put back: the cylinder content changed since.',
        {
          reason: 'cylinder_changed',
        },
      );
    }
    await tx.query(
      `insert into cylinder_movements (tenant_id, cylinder_id, work_order_id, delta_kg, reason, created_by, created_at)
       values ($1, $2, $3, $4, 'reversal', $5, $6)`,
      [tenantId, t.cylinder_id, workOrderId, -t.total, userId, now],
    );
  }
}
