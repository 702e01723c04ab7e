import type { AppDeps, ServiceContext } from '../../context.js';
import type { Queryable } from '../../db/database.js';
import { withTenant } from '../../db/tenant-scope.js';
import { fieldError, forbidden, notFound } from '../../http/errors.js';
import { assertVersion, isEmptyPatch, lockVersion } from '../../http/row-version.js';
import { audit } from '../audit/audit-recorder.js';
import { isManagerOrAbove } from '../users/roles.js';
import type { CylinderInput, CylinderPatch, ProductInput, ProductPatch } from './inventory.schemas.js';

type ProductRow = {
  id: string;
  name: string;
  sku: string | null;
  unit: string;
  notes: string;
  archived_at: Date | null;
  version: number;
};
type CylinderRow = {
  id: string;
  kind: 'supply' | 'recovery';
  refrigerant: string | null;
  serial_number: string;
  capacity_kg: number;
  content_kg: number;
  notes: string;
  archived_at: Date | null;
  version: number;
};

const presentProduct = (r: ProductRow) => ({
  id: r.id,
  name: r.name,
  sku: r.sku,
  unit: r.unit,
  notes: r.notes,
  archived: r.archived_at !== null,
  version: r.version,
});
export const presentCylinder = (r: CylinderRow) => ({
  id: r.id,
  kind: r.kind,
  refrigerant: r.refrigerant,
  serialNumber: r.serial_number,
  capacityKg: r.capacity_kg,
  contentKg: r.content_kg,
  notes: r.notes,
  archived: r.archived_at !== null,
  version: r.version,
});

/** Everybody reads products and cylinders (to record work); only managers and administrators manage them. */
function assertManager(ctx: ServiceContext) {
  if (!isManagerOrAbove(ctx.principal))
    throw forbidden('Only managers and administrators manage the inventory.');
}

export async function listProducts(deps: AppDeps, ctx: ServiceContext, includeArchived: boolean) {
  return withTenant(deps.db, ctx.tenantId, async (tx) =>
    (
      await tx.query<ProductRow>(
        'select * from products where tenant_id = $1 and ($2 or archived_at is null) order by lower(name), id',
        [ctx.tenantId, includeArchived],
      )
    ).map(presentProduct),
  );
}

async function findProduct(tx: Queryable, tenantId: string, id: string): Promise<ProductRow | undefined> {
  const [row] = await tx.query<ProductRow>('select * from products where tenant_id = $1 and id = $2', [
    tenantId,
    id,
  ]);
  return row;
}

export async function getProduct(deps: AppDeps, ctx: ServiceContext, id: string) {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const row = await findProduct(tx, ctx.tenantId, id);
    if (!row) throw notFound('Product');
    return presentProduct(row);
  });
}

export async function createProduct(deps: AppDeps, ctx: ServiceContext, input: ProductInput) {
  assertManager(ctx);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<ProductRow>(
      'insert into products (tenant_id, name, sku, unit, notes, created_at, updated_at) values ($1, $2, $3, $4, $5, $6, $6) returning *',
      [ctx.tenantId, input.name, input.sku, input.unit, input.notes, now],
    );
    await audit(
      tx,
      ctx,
      { action: 'product.created', entityType: 'product', entityId: row!.id, details: { name: input.name } },
      now,
    );
    return presentProduct(row!);
  });
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateProduct(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: ProductPatch,
  expectedVersion?: number,
) {
  assertManager(ctx);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const current = await lockVersion(tx, 'products', ctx.tenantId, id);
    if (current === null) throw notFound('Product');
    assertVersion(current, expectedVersion, 'this product');
    if (isEmptyPatch(patch)) return presentProduct((await findProduct(tx, ctx.tenantId, id))!);
    const [row] = await tx.query<ProductRow>(
      `update products set name = coalesce($3, name), sku = case when $4 then $5 else sku end, unit = coalesce($6, unit),
          notes = coalesce($7, notes), archived_at = case when $8::boolean is null then archived_at when $8 then coalesce(archived_at, $9) else null end,
          version = version + 1, updated_at = $9
        where tenant_id = $1 and id = $2 returning *`,
      [
        ctx.tenantId,
        id,
        patch.name ?? null,
        patch.sku !== undefined,
        patch.sku ?? null,
        patch.unit ?? null,
        patch.notes ?? null,
        patch.archived ?? null,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'product.updated',
        entityType: 'product',
        entityId: id,
        details: { changed: Object.keys(patch).filter((key) => key !== 'version') },
      },
      now,
    );
    return presentProduct(row!);
  });
}

export async function listCylinders(
  deps: AppDeps,
  ctx: ServiceContext,
  filter: { refrigerant?: string | undefined; kind?: string | undefined; includeArchived: boolean },
) {
  return withTenant(deps.db, ctx.tenantId, async (tx) =>
    (
      await tx.query<CylinderRow>(
        `select * from cylinders where tenant_id = $1 and ($2::text is null or refrigerant = $2) and ($3::text is null or kind = $3)
           and ($4 or archived_at is null) order by kind, refrigerant, serial_number, id`,
        [ctx.tenantId, filter.refrigerant ?? null, filter.kind ?? null, filter.includeArchived],
      )
    ).map(presentCylinder),
  );
}

export async function getCylinder(deps: AppDeps, ctx: ServiceContext, id: string) {
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<CylinderRow>('select * from cylinders where tenant_id = $1 and id = $2', [
      ctx.tenantId,
      id,
    ]);
    if (!row) throw notFound('Cylinder');
    const movements = await tx.query<{
      id: string;
      delta_kg: number;
      reason: string;
      work_order_id: string | null;
      created_at: Date;
    }>(
      'select id, delta_kg, reason, work_order_id, created_at from cylinder_movements where tenant_id = $1 and cylinder_id = $2 order by created_at desc, id limit 200',
      [ctx.tenantId, id],
    );
    return {
      ...presentCylinder(row),
      movements: movements.map((m) => ({
        id: m.id,
        deltaKg: m.delta_kg,
        reason: m.reason,
        workOrderId: m.work_order_id,
        at: m.created_at.toISOString(),
      })),
    };
  });
}

export async function createCylinder(deps: AppDeps, ctx: ServiceContext, input: CylinderInput) {
  assertManager(ctx);
  if (input.contentKg > input.capacityKg)
    throw fieldError('contentKg', 'The content cannot exceed the capacity.', 'over_capacity');
  if (input.kind === 'supply' && !input.refrigerant)
    throw fieldError('refrigerant', 'A supply cylinder holds one refrigerant.', 'required');
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [row] = await tx.query<CylinderRow>(
      `insert into cylinders (tenant_id, kind, refrigerant, serial_number, capacity_kg, content_kg, notes, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $8) returning *`,
      [
        ctx.tenantId,
        input.kind,
        input.refrigerant,
        input.serialNumber,
        input.capacityKg,
        input.contentKg,
        input.notes,
        now,
      ],
    );
    await audit(
      tx,
      ctx,
      {
        action: 'cylinder.created',
        entityType: 'cylinder',
        entityId: row!.id,
        details: { refrigerant: input.refrigerant, kind: input.kind },
      },
      now,
    );
    return presentCylinder(row!);
  });
}

/** `expectedVersion` (body `version` or If-Match): a change made on an older version is a 409. */
export async function updateCylinder(
  deps: AppDeps,
  ctx: ServiceContext,
  id: string,
  patch: CylinderPatch,
  expectedVersion?: number,
) {
  assertManager(ctx);
  const now = deps.now();
  return withTenant(deps.db, ctx.tenantId, async (tx) => {
    const [existing] = await tx.query<CylinderRow>(
      'select * from cylinders where tenant_id = $1 and id = $2 for update',
      [ctx.tenantId, id],
    );
    if (!existing) throw notFound('Cylinder');
    assertVersion(existing.version, expectedVersion, 'this cylinder');
    if (isEmptyPatch(patch)) return presentCylinder(existing);
    if (patch.contentKg !== undefined && patch.contentKg > existing.capacity_kg) {
      throw fieldError('contentKg', 'The content cannot exceed the capacity.', 'over_capacity');
    }
    const [row] = await tx.query<CylinderRow>(
      `update cylinders set serial_number = coalesce($3, serial_number), notes = coalesce($4, notes), content_kg = coalesce($5, content_kg),
          archived_at = case when $6::boolean is null then archived_at when $6 then coalesce(archived_at, $7) else null end,
          version = version + 1, updated_at = $7
        where tenant_id = $1 and id = $2 returning *`,
      [
        ctx.tenantId,
        id,
        patch.serialNumber ?? null,
        patch.notes ?? null,
        patch.contentKg ?? null,
        patch.archived ?? null,
        now,
      ],
    );
    if (patch.contentKg !== undefined && patch.contentKg !== existing.content_kg) {
      await tx.query(
        `insert into cylinder_movements (tenant_id, cylinder_id, delta_kg, reason, created_by, created_at) values ($1, $2, $3, 'adjustment', $4, $5)`,
        [ctx.tenantId, id, patch.contentKg - existing.content_kg, ctx.principal.userId, now],
      );
    }
    await audit(
      tx,
      ctx,
      {
        action: 'cylinder.updated',
        entityType: 'cylinder',
        entityId: id,
        details: { changed: Object.keys(patch).filter((key) => key !== 'version') },
      },
      now,
    );
    return presentCylinder(row!);
  });
}
