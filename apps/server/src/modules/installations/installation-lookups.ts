import type { Activity, InstallationInput } from '@climalog/compliance';
import type { Queryable } from '../../db/database.js';
import type { LabelRef } from '../labels/labels.schemas.js';
import { presentAttachment, type AttachmentRow, type AttachmentView } from './attachments.service.js';
import type { ComponentRow } from './installations.repository.js';

/** What an installation's view shows besides its own row. */
export type InstallationLookups = {
  region: InstallationInput['region'];
  labels: LabelRef[];
  components: Omit<ComponentRow, 'installation_id'>[];
  attachments: AttachmentView[];
  /** Executed activities, oldest first: the history the forecasts count from. */
  history: Activity[];
};

type LookupRow = {
  id: string;
  region: InstallationInput['region'];
  labels: LabelRef[];
  components: Omit<ComponentRow, 'installation_id'>[];
  attachments: (Omit<AttachmentRow, 'storage_key' | 'created_at'> & { created_at_ms: number })[];
  history: Activity[];
};

/**
 * The labels, components, attachments, region and executed history of a page of installations in
 * one statement (a list page used to take five), each as the same rows in the same order as
 * labelsOf, componentsOf, attachmentsOf, regionsOf and executedActivities read them. Attachment
 * times travel as epoch milliseconds (truncated, like the driver's Date), not as JSON text.
 */
export async function lookupsOf(
  tx: Queryable,
  tenantId: string,
  rows: readonly { id: string; location_id: string }[],
): Promise<Map<string, InstallationLookups>> {
  if (rows.length === 0) return new Map();
  const found = await tx.query<LookupRow>(
    `select p.id,
       (select l.region from locations l where l.tenant_id = $1 and l.id = p.location_id) as region,
       coalesce((select json_agg(json_build_object('id', l.id, 'name', l.name, 'colour', l.colour)
                                 order by lower(l.name))
                   from label_assignments a join labels l on l.tenant_id = a.tenant_id and l.id = a.label_id
                  where a.tenant_id = $1 and a.entity_id = p.id), '[]') as labels,
       coalesce((select json_agg(json_build_object('id', c.id, 'kind', c.kind, 'brand', c.brand, 'model', c.model,
                                                   'serial_number', c.serial_number, 'notes', c.notes)
                                 order by c.position, c.created_at)
                   from installation_components c
                  where c.tenant_id = $1 and c.installation_id = p.id), '[]') as components,
       coalesce((select json_agg(json_build_object('id', f.id, 'filename', f.filename, 'content_type', f.content_type,
                                                   'size_bytes', f.size_bytes, 'width', f.width, 'height', f.height,
                                                   'created_at_ms', floor(extract(epoch from f.created_at) * 1000),
                                                   'created_by', f.created_by)
                                 order by f.created_at)
                   from attachments f
                  where f.tenant_id = $1 and f.installation_id = p.id), '[]') as attachments,
       -- As executedActivities: each activity looks its work order up by key ("offset 0").
       coalesce((select json_agg(json_build_object('type', a.type, 'date', w.executed_on::text, 'result', a.result,
                                                   'refrigerant', a.refrigerant, 'quantityKg', a.quantity_kg)
                                 order by w.executed_on, a.position)
                   from activities a
                   cross join lateral (select w.executed_on from work_orders w
                                        where w.tenant_id = a.tenant_id and w.id = a.work_order_id
                                          and w.status = 'executed' and w.executed_on is not null offset 0) w
                  where a.tenant_id = $1 and a.installation_id = p.id), '[]') as history
     from unnest($2::uuid[], $3::uuid[]) as p(id, location_id)`,
    [tenantId, rows.map((r) => r.id), rows.map((r) => r.location_id)],
  );
  return new Map(
    found.map((r) => [
      r.id,
      {
        region: r.region,
        labels: r.labels,
        components: r.components,
        attachments: r.attachments.map(({ created_at_ms, ...a }) =>
          presentAttachment({ ...a, created_at: new Date(created_at_ms) }),
        ),
        history: r.history,
      },
    ]),
  );
}
