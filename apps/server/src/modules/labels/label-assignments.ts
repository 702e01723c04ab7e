import type { Principal } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { AppError, fieldError } from '../../http/errors.js';
import type { LabelRef, LabelScope } from './labels.schemas.js';

type LabelRow = { id: string; name: string; colour: string; settable_by: string[] };

const maySet = (principal: Principal, label: LabelRow) =>
  label.settable_by.length === 0 ||
  label.settable_by.some((role) => principal.roles.includes(role as Principal['roles'][number]));

/**
 * Replaces the labels on one record. Every label must exist in this account with the matching
 * scope; labels restricted to some roles can be put on or taken off only by those roles.
 */
export async function setLabels(
  tx: Queryable,
  tenantId: string,
  principal: Principal,
  scope: LabelScope,
  entityId: string,
  labelIds: readonly string[],
): Promise<void> {
  const wanted = labelIds.length
    ? await tx.query<LabelRow>(
        'select id, name, colour, settable_by from labels where tenant_id = $1 and scope = $2 and id = any($3::uuid[])',
        [tenantId, scope, labelIds],
      )
    : [];
  if (wanted.length !== labelIds.length) {
    throw fieldError(
      'labelIds',
      `Every label must be an existing ${scope.replace('_', ' ')} label.`,
      'unknown_label',
    );
  }
  const current = await tx.query<LabelRow & { id: string }>(
    `select l.id, l.name, l.colour, l.settable_by from label_assignments a
       join labels l on l.tenant_id = a.tenant_id and l.id = a.label_id
      where a.tenant_id = $1 and a.entity_id = $2 and l.scope = $3`,
    [tenantId, entityId, scope],
  );
  const wantedIds = new Set(wanted.map((l) => l.id));
  const currentIds = new Set(current.map((l) => l.id));
  const changed = [
    ...wanted.filter((l) => !currentIds.has(l.id)),
    ...current.filter((l) => !wantedIds.has(l.id)),
  ];
  const refused = changed.filter((l) => !maySet(principal, l));
  if (refused.length > 0) {
    throw new AppError('forbidden', `Your role may not set or remove the label "${refused[0]!.name}".`, {
      errors: [{ field: 'labelIds', message: 'Label restricted to other roles.', code: 'label_restricted' }],
    });
  }
  const removed = current.filter((l) => !wantedIds.has(l.id)).map((l) => l.id);
  if (removed.length > 0) {
    await tx.query(
      'delete from label_assignments where tenant_id = $1 and entity_id = $2 and label_id = any($3::uuid[])',
      [tenantId, entityId, removed],
    );
  }
  for (const label of wanted.filter((l) => !currentIds.has(l.id))) {
    await tx.query('insert into label_assignments (tenant_id, label_id, entity_id) values ($1, $2, $3)', [
      tenantId,
      label.id,
      entityId,
    ]);
  }
}

/** The labels of several records at once (one query for a whole list page). */
export async function labelsOf(
  tx: Queryable,
  tenantId: string,
  entityIds: readonly string[],
): Promise<Map<string, LabelRef[]>> {
  const map = new Map<string, LabelRef[]>();
  if (entityIds.length === 0) return map;
  const rows = await tx.query<{ entity_id: string; id: string; name: string; colour: string }>(
    `select a.entity_id, l.id, l.name, l.colour from label_assignments a
       join labels l on l.tenant_id = a.tenant_id and l.id = a.label_id
      where a.tenant_id = $1 and a.entity_id = any($2::uuid[])
      order by lower(l.name)`,
    [tenantId, entityIds],
  );
  for (const row of rows) {
    const list = map.get(row.entity_id) ?? [];
    list.push({ id: row.id, name: row.name, colour: row.colour });
    map.set(row.entity_id, list);
  }
  return map;
}
