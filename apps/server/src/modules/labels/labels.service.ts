import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { isUniqueViolation } from '../../db/database-errors.js';
import { patchAssignments } from '../../db/sql-patch.js';
import { withTenant } from '../../db/tenant-scope.js';
import { fieldError, forbidden, notFound } from '../../http/errors.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import { audit } from '../audit/audit-recorder.js';
import { isAdministrator } from '../users/roles.js';
import type { LabelInput, LabelPatch, LabelScope, LabelView } from './labels.schemas.js';

type LabelRow = {
  id: string;
  scope: LabelScope;
  name: string;
  colour: string;
  description: string;
  settable_by: LabelView['settableBy'];
  print_on_work_order: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
};

const present = (r: LabelRow): LabelView => ({
  id: r.id,
  scope: r.scope,
  name: r.name,
  colour: r.colour,
  description: r.description,
  settableBy: r.settable_by,
  printOnWorkOrder: r.print_on_work_order,
  version: r.version,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

const COLUMNS = {
  name: 'name',
  colour: 'colour',
  description: 'description',
  settableBy: 'settable_by',
  printOnWorkOrder: 'print_on_work_order',
} as const;

const nameTaken = () =>
  fieldError('name', 'A label with this name already exists for this kind of record.', 'duplicate');

function assertAdmin(ctx: ServiceContext) {
  if (!isAdministrator(ctx.principal)) throw forbidden('Only administrators define labels.');
}

/** Everyone reads the label definitions (to show and set them). */
export async function listLabels(
  deps: AppDeps,
  ctx: ServiceContext,
  scope?: LabelScope,
): Promise<LabelView[]> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query<LabelRow>(
      'select * from labels where tenant_id = $1 and ($2::text is null or scope = $2) order by scope, lower(name)',
      [ctx.tenantId, scope ?? null],
    );
    return rows.map(present);
  });
}

async function findLabel(tx: Queryable, tenantId: string, id: string): Promise<LabelRow | undefined> {
  const [row] = await tx.query<LabelRow>('select * from labels where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return row;
}

/** One label definition (everybody who may read labels sees their definitions). */
export async function getLabel(deps: AppDeps, ctx: ServiceContext, id: string): Promise<LabelView> {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findLabel(tx, ctx.tenantId, id);
    if (!row) throw notFound('Label');
    return present(row);
  });
}

export async function createLabel(deps: AppDeps, ctx: ServiceContext, input: LabelInput): Promise<LabelView> {
  assertAdmin(ctx);
  const now = deps.now();
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const [row] = await tx.query<LabelRow>(
        `insert into labels (tenant_id, scope, name, colour, description, settable_by, print_on_work_order, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning *`,
        [
          ctx.tenantId,
          input.scope,
          input.name,
          input.colour,
          input.description,
          input.settableBy,
          input.printOnWorkOrder,
          now,
        ],
      );
      await audit(
        tx,
        ctx,
        {
          action: 'label.created',
          entityType: 'label',
          entityId: row!.id,
          details: { name: input.name, scope: input.scope },
        },
        now,
      );
      return present(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'labels_name')) throw nameTaken();
    throw error;
  }
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateLabel(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: LabelPatch,
  expectedVersion?: number,
): Promise<LabelView> {
  assertAdmin(ctx);
  const now = deps.now();
  const { version: _version, ...fields } = patch;
  const { assignments, values } = patchAssignments(fields, COLUMNS, 4);
  try {
    return await withTenant(deps.db, ctx.tenantId, async (tx) => {
      const current = await lockVersion(tx, 'labels', ctx.tenantId, id);
      if (current === null) throw notFound('Label');
      assertVersion(current, expectedVersion, 'this label');
      if (isEmptyPatch(patch)) return present((await findLabel(tx, ctx.tenantId, id))!);
      const [row] = await tx.query<LabelRow>(
        `update labels set ${[...assignments, 'version = version + 1', 'updated_at = $3'].join(', ')}
          where tenant_id = $1 and id = $2 returning *`,
        [ctx.tenantId, id, now, ...values],
      );
      await audit(
        tx,
        ctx,
        {
          action: 'label.updated',
          entityType: 'label',
          entityId: id,
          details: { changed: Object.keys(fields) },
        },
        now,
      );
      return present(row!);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'labels_name')) throw nameTaken();
    throw error;
  }
}

export async function deleteLabel(deps: AppDeps, ctx: ServiceContext, id: string): Promise<void> {
  assertAdmin(ctx);
  const now = deps.now();
  await withTenant(deps.db, ctx.tenantId, async (tx) => {
    const rows = await tx.query<{ name: string }>(
      'delete from labels where tenant_id = $1 and id = $2 returning name',
      [ctx.tenantId, id],
    );
    if (rows.length === 0) throw notFound('Label');
    await audit(
      tx,
      ctx,
      { action: 'label.deleted', entityType: 'label', entityId: id, details: { name: rows[0]!.name } },
      now,
    );
  });
}
